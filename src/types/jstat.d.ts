/** Minimal typings for the parts of `jstat` (no bundled or @types typings) this plugin uses. */
declare module "jstat" {
  export const jStat: {
    normal: {
      cdf(x: number, mean: number, std: number): number
      inv(p: number, mean: number, std: number): number
    }
    chisquare: {
      cdf(x: number, dof: number): number
    }
    studentt: {
      cdf(x: number, dof: number): number
    }
  }
}
