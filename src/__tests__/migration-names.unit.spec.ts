import fs from "fs"
import path from "path"

/**
 * The plugin's modules share one database schema, and Medusa records executed migrations by
 * class name in one `mikro_orm_migrations` table: a name used by two modules runs only once,
 * and the second module's schema change is silently skipped.
 */
describe("migration names", () => {
  it("are unique across the plugin's modules", () => {
    const modulesDir = path.join(__dirname, "..", "modules")
    const names = fs
      .readdirSync(modulesDir)
      .filter((module) => fs.existsSync(path.join(modulesDir, module, "migrations")))
      .flatMap((module) =>
        fs
          .readdirSync(path.join(modulesDir, module, "migrations"))
          .filter((file) => file.endsWith(".ts"))
          .map((file) => file.replace(/\.ts$/, ""))
      )
    expect(names.length).toBeGreaterThan(5)
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
  })
})
