const { spawn, spawnSync } = require("child_process")
const net = require("net")

function redisServerOnPath() {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" })
  return found.status === 0 ? found.stdout.trim() : null
}

function waitForPort(port, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1")
      socket.once("connect", () => {
        socket.end()
        resolve()
      })
      socket.once("error", () => {
        socket.destroy()
        if (Date.now() > deadline) {
          reject(new Error(`nothing listens on ${port} after ${timeoutMs} ms`))
        } else {
          setTimeout(attempt, 100)
        }
      })
    }
    attempt()
  })
}

/** Starts a throwaway, non-persistent redis-server on `port`. */
async function startRedisServer(binary, port) {
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" }
  )
  await waitForPort(port)
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          return resolve()
        }
        child.once("exit", resolve)
        child.kill("SIGTERM")
      }),
  }
}

module.exports = { redisServerOnPath, startRedisServer, waitForPort }
