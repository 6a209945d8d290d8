const { execSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { renderSections } = require("./report-sections")

function machine() {
  const version = (cmd) => {
    try {
      return execSync(cmd, { encoding: "utf8" }).trim().split("\n")[0]
    } catch {
      return "n/a"
    }
  }
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    medusa: require("@medusajs/medusa/package.json").version,
    postgres: version("psql --version"),
    redis: version("redis-server --version"),
    load_average_at_end: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  }
}

/** Writes bench/results/<date>.json and .md; returns the markdown path. */
function writeReport(root, results) {
  const dir = path.join(root, "bench/results")
  fs.mkdirSync(dir, { recursive: true })
  const stamp = results.date.slice(0, 19).replace(/[:T]/g, "-")
  const full = { ...results, machine: machine() }
  fs.writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify(full, null, 2))
  const m = full.machine
  const lines = [
    `# Benchmark ${results.date}`,
    "",
    `Command: \`${full.command}\` (${results.seconds_per_point} s per measurement point; whole run ${results.total_seconds} s).`,
    `Machine: ${m.cpus}, ${m.memory_gb} GiB, Node ${m.node}, Medusa ${m.medusa}, ${m.postgres}, ${m.redis}; load average at end ${m.load_average_at_end} (the machine is shared: other agents' tests may run at the same time).`,
    `Postgres: ${results.postgres}. Redis: ${results.redis}. Stripe: ${results.stripe}. Feature flags: ${results.feature_flags}.`,
    "Server: `medusa start` in development mode (what `medusa develop` forks, without its file watcher; TypeScript from src/, admin off), one process, on loopback; load generators in the bench process on the same 2 cores.",
    "",
    ...renderSections(results),
  ]
  const file = path.join(dir, `${stamp}.md`)
  fs.writeFileSync(file, lines.join("\n"))
  return file
}

module.exports = { writeReport }
