const { execSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")

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
    load_average_at_end: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  }
}

/** Writes bench/results/<date>.json and .md; returns the markdown path. */
function writeReport(root, results) {
  const dir = path.join(root, "bench/results")
  fs.mkdirSync(dir, { recursive: true })
  const stamp = results.date.slice(0, 19).replace(/[:T]/g, "-")
  const full = { ...results, machine: machine(), command: "npm run bench" }
  fs.writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify(full, null, 2))
  const lines = [
    `# Benchmark ${results.date}`,
    "",
    `Command: \`${full.command}\` (BENCH_SECONDS=${results.seconds_per_point}, Postgres: ${results.postgres}).`,
    `Machine: ${full.machine.cpus}, ${full.machine.memory_gb} GiB, Node ${full.machine.node}, Medusa ${full.machine.medusa}, ${full.machine.postgres}; load average at end ${full.machine.load_average_at_end}.`,
    "Server: `medusa develop` with the admin off (ts via SWC), one process.",
    "",
    "## Ingestion: POST /store/analytics/track vs a raw multi-row INSERT into the same table",
    "",
    "| batch | clients | route events/s | p50 ms | p99 ms | failures | raw INSERT events/s | route / raw | server RSS MB |",
    "|---|---|---|---|---|---|---|---|---|",
    ...results.ingestion.map(
      (r) =>
        `| ${r.batch} | ${r.concurrency} | ${r.route_events_per_s} | ${r.route_p50_ms?.toFixed(1)} | ${r.route_p99_ms?.toFixed(1)} | ${r.route_failures} | ${r.raw_events_per_s} | ${r.ratio} | ${r.server_rss_mb} |`
    ),
    "",
  ]
  const file = path.join(dir, `${stamp}.md`)
  fs.writeFileSync(file, lines.join("\n"))
  return file
}

module.exports = { writeReport }
