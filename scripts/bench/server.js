const { execFileSync, spawn } = require("child_process")
const fs = require("fs")
const path = require("path")
const { waitForHttp } = require("../lib/medusa-process")

const root = path.resolve(__dirname, "../..")
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100

/**
 * Starts the server `medusa develop` would fork (`medusa start` with NODE_ENV=development,
 * TypeScript from src/, admin off) as its own process group, and reports its RSS and CPU time. Not
 * `develop` itself: its file watcher would restart the server mid-run whenever someone
 * edits the tree, and its start-up lint would refuse to start on any lint error.
 */
async function startServer(env, port) {
  const child = spawn(path.join(root, "node_modules/.bin/medusa"), ["start"], {
    cwd: root,
    env: { ...env, NODE_ENV: "development", PORT: String(port), MEDUSA_ADMIN_DISABLE: "true", LOG_LEVEL: "error" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  })
  await waitForHttp(`http://localhost:${port}/health`, 180_000)
  const groupPids = () =>
    execFileSync("ps", ["-o", "pid=", "-g", String(child.pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number)
  return {
    url: `http://localhost:${port}`,
    rssMb: () => {
      const out = execFileSync("ps", ["-o", "rss=", "-g", String(child.pid)], { encoding: "utf8" })
      return Math.round(out.split("\n").filter(Boolean).reduce((sum, kb) => sum + Number(kb), 0) / 1024)
    },
    /** CPU time (user + system) the server's processes have used so far, in ms: a figure other load on the machine barely moves. */
    cpuMs: () =>
      groupPids().reduce((sum, pid) => {
        try {
          const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
          return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
        } catch {
          return sum
        }
      }, 0),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve)
        process.kill(-child.pid, "SIGTERM")
        setTimeout(() => child.exitCode === null && process.kill(-child.pid, "SIGKILL"), 10_000).unref()
      }),
  }
}

module.exports = { startServer }
