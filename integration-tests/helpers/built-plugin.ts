import { execFileSync } from "child_process"
import path from "path"

export const repoRoot = path.resolve(__dirname, "../..")

/** Builds the plugin as it is published (`.medusa/server`), for hosts that install it through `plugins`. */
export function buildPlugin() {
  execFileSync(path.join(repoRoot, "node_modules/.bin/medusa"), ["plugin:build"], {
    cwd: repoRoot,
    stdio: "pipe",
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
  })
}
