import fs from "fs"
import path from "path"

/**
 * `medusa plugin:db:generate` diffs the models against `migrations/.snapshot-medusa-<module>.json`;
 * without one it starts from nothing and writes a migration that creates every table again.
 */
describe("migration snapshots", () => {
  it("exist for every module with models", () => {
    const modulesDir = path.join(__dirname, "..", "modules")
    const missing = fs
      .readdirSync(modulesDir)
      .filter((module) => fs.existsSync(path.join(modulesDir, module, "models")))
      .filter((module) => !fs.existsSync(path.join(modulesDir, module, "migrations", `.snapshot-medusa-${module}.json`)))
    expect(missing).toEqual([])
  })
})
