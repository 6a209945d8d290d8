import fs from "fs"
import path from "path"
import config from "../middlewares"

const API_DIR = path.join(__dirname, "..")
/** The plugin's public route trees: the store's, the beacons and the signed click redirect. */
const PUBLIC_TREES = ["store", "beacon", "ads"]

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : routeFiles(full)
    }
    return entry.name === "route.ts" ? [full] : []
  })
}

/** Every (method, matcher) a public route file answers, as Medusa's router names it. */
const publicRoutes = PUBLIC_TREES.flatMap((tree) => routeFiles(path.join(API_DIR, tree))).flatMap((file) => {
  const matcher =
    "/" +
    path
      .relative(API_DIR, path.dirname(file))
      .split(path.sep)
      .map((segment) => segment.replace(/^\[(.+)\]$/, ":$1"))
      .join("/")
  const source = fs.readFileSync(file, "utf8")
  const methods = [
    ...source.matchAll(/export const (GET|POST|DELETE)\b/g),
    ...source.matchAll(/export \{ (GET|POST|DELETE) \}/g),
  ].map((match) => match[1])
  return methods.map((method) => ({ method, matcher }))
})

type RouteConfig = { matcher: string; methods?: string[]; bodyParser?: unknown; middlewares: { name: string }[] }

describe("the plugin's public routes", () => {
  it("are found (the scan itself works)", () => {
    expect(publicRoutes).toEqual(
      expect.arrayContaining([
        { method: "POST", matcher: "/store/analytics/track" },
        { method: "POST", matcher: "/beacon/analytics/track" },
        { method: "GET", matcher: "/ads/:id/click" },
        { method: "POST", matcher: "/store/offers/:id/purchase" },
      ])
    )
  })

  it.each(publicRoutes.map((route) => [`${route.method} ${route.matcher}`, route]))(
    "%s is rate limited before Medusa parses its body",
    (_name, route) => {
      const entries = (config.routes as RouteConfig[]).filter(
        (entry) => entry.matcher === route.matcher && (entry.methods ?? []).includes(route.method)
      )
      expect(entries).toHaveLength(1)
      expect(entries[0].bodyParser).toBe(false)
      expect(entries[0].middlewares[0].name).toBe("limitRequestRate")
    }
  )
})
