const { execFileSync, spawn } = require("child_process")
const path = require("path")
const { waitForHttp } = require("../lib/medusa-process")

const root = path.resolve(__dirname, "../..")

/** Starts `medusa develop` (admin off) as its own process group and reports its RSS. */
async function startServer(env, port) {
  const child = spawn(path.join(root, "node_modules/.bin/medusa"), ["develop"], {
    cwd: root,
    env: { ...env, PORT: String(port), MEDUSA_ADMIN_DISABLE: "true", LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  })
  await waitForHttp(`http://localhost:${port}/health`, 180_000)
  return {
    url: `http://localhost:${port}`,
    rssMb: () => {
      const out = execFileSync("ps", ["-o", "rss=", "-g", String(child.pid)], { encoding: "utf8" })
      return Math.round(out.split("\n").filter(Boolean).reduce((sum, kb) => sum + Number(kb), 0) / 1024)
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve)
        process.kill(-child.pid, "SIGTERM")
        setTimeout(() => child.exitCode === null && process.kill(-child.pid, "SIGKILL"), 10_000).unref()
      }),
  }
}

module.exports = { startServer }
