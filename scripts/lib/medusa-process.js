const { spawn } = require("child_process")
const path = require("path")

const root = path.resolve(__dirname, "../..")

/** Runs a `medusa` CLI command to completion; rejects with its output tail on failure. */
function runMedusa(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/medusa"), args, { cwd: root, env })
    let output = ""
    const keep = (chunk) => {
      output = (output + chunk).slice(-4000)
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} failed (${code}):\n${output}`))
    )
  })
}

/** Polls a URL until it answers 200 or the deadline passes. */
async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok).catch(() => false)
    if (ok) {
      return
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

module.exports = { runMedusa, waitForHttp }
