/** The plugin's admin pages, nested under one "Monetization" entry in the sidebar. */
export const MONETIZATION_ROOT = "/monetization"

export const monetizationPaths = {
  analytics: `${MONETIZATION_ROOT}/analytics`,
  offers: `${MONETIZATION_ROOT}/offers`,
  ads: `${MONETIZATION_ROOT}/ads`,
  abTests: `${MONETIZATION_ROOT}/ab-tests`,
  abTest: (testId: string) => `${MONETIZATION_ROOT}/ab-tests/${encodeURIComponent(testId)}`,
  waitlists: `${MONETIZATION_ROOT}/waitlists`,
  waitlist: (variantId: string) => `${MONETIZATION_ROOT}/waitlists/${encodeURIComponent(variantId)}`,
}

/** Sections whose published URLs used an older name. */
const RENAMED_SECTIONS: Record<string, string> = { experiments: "ab-tests" }

/** Where a page that moved now lives: `/experiments/x` and `/monetization/experiments/x` → `/monetization/ab-tests/x`, `/offers` → `/monetization/offers`. */
export function currentMonetizationPath(pathname: string): string {
  const path = pathname.startsWith(`${MONETIZATION_ROOT}/`) ? pathname.slice(MONETIZATION_ROOT.length) : pathname
  const [, section = "", ...rest] = path.split("/")
  return [MONETIZATION_ROOT, RENAMED_SECTIONS[section] ?? section, ...rest].join("/")
}
