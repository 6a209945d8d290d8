/**
 * Socket.io clients as a storefront opens them (websocket transport, customer token in
 * `auth`). Used in-process for a few sockets, or as a child process (`forkClients`)
 * so thousands of sockets do not share one event loop with the benchmark.
 */
const { fork } = require("child_process")
const { io } = require("socket.io-client")
const { nowMs } = require("./waitlist-stats")

function connectOne(url, token, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { path: "/socket.io", transports: ["websocket"], reconnection: false, forceNew: true, auth: { token } })
    const timer = setTimeout(() => {
      socket.close()
      reject(new Error("socket did not connect"))
    }, timeoutMs)
    socket.once("connect", () => {
      clearTimeout(timer)
      resolve(socket)
    })
    socket.once("connect_error", (error) => {
      clearTimeout(timer)
      socket.close()
      reject(error)
    })
  })
}

class SocketPool {
  constructor(url) {
    this.url = url
    this.sockets = new Map()
  }

  /** Opens one socket per customer, `concurrency` handshakes at a time; answers failures. */
  async connect(customers, concurrency = 100) {
    let next = 0
    const errors = []
    const worker = async () => {
      while (next < customers.length) {
        const { customerId, token } = customers[next++]
        try {
          this.sockets.set(customerId, await connectOne(this.url, token))
        } catch (error) {
          errors.push(error.message)
        }
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    return { connected: this.sockets.size, failed: errors.length, first_error: errors[0] ?? null }
  }

  /** The next `event` on one customer's socket, with its arrival time. */
  next(customerId, event, timeoutMs) {
    const socket = this.sockets.get(customerId)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.off(event, onEvent)
        reject(new Error(`no ${event} for ${customerId} within ${timeoutMs} ms`))
      }, timeoutMs)
      const onEvent = (payload) => {
        clearTimeout(timer)
        resolve({ at: nowMs(), payload })
      }
      socket.once(event, onEvent)
    })
  }

  /**
   * Waits until every customer in `expect` (customer id → expected `position`, or null for
   * any payload) got `event` once; answers arrival times, wrong payloads and the missing.
   */
  collect({ event, sessionId, expect, timeoutMs }) {
    const cpu0 = process.cpuUsage()
    const ids = Object.keys(expect)
    const times = []
    let wrong = 0
    return new Promise((resolve) => {
      const pending = new Set(ids)
      const finish = () => {
        clearTimeout(timer)
        for (const id of ids) {
          this.sockets.get(id)?.off(event)
        }
        const cpu = process.cpuUsage(cpu0)
        resolve({ times, wrong, missing: pending.size, client_cpu_ms: Math.round((cpu.user + cpu.system) / 1000) })
      }
      const timer = setTimeout(finish, timeoutMs)
      for (const id of ids) {
        this.sockets.get(id)?.once(event, (payload) => {
          times.push(nowMs())
          const wanted = expect[id]
          if ((sessionId && payload?.session_id !== sessionId) || (wanted != null && payload?.position !== wanted)) {
            wrong++
          }
          pending.delete(id)
          if (!pending.size) {
            finish()
          }
        })
      }
    })
  }

  /**
   * Counts every `event` each customer in `expect` gets until it shows the customer's final
   * `position`; answers when that arrived, how many came in all, and any that came after it.
   */
  collectUntilFinal({ event, sessionId, expect, timeoutMs, settleMs = 1000 }) {
    const ids = Object.keys(expect)
    const times = []
    let received = 0
    let afterFinal = 0
    const pending = new Set(ids)
    const handlers = new Map()
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer)
        // Keep listening a moment: an update computed earlier must not arrive after the final one.
        setTimeout(() => {
          for (const [id, handler] of handlers) {
            this.sockets.get(id)?.off(event, handler)
          }
          resolve({ times, received, after_final: afterFinal, missing: pending.size, wrong: 0 })
        }, settleMs)
      }
      const timer = setTimeout(finish, timeoutMs)
      for (const id of ids) {
        const handler = (payload) => {
          if (sessionId && payload?.session_id !== sessionId) {
            return
          }
          received++
          if (!pending.has(id)) {
            afterFinal++
          } else if (payload?.position === expect[id]) {
            times.push(nowMs())
            pending.delete(id)
            if (!pending.size) {
              finish()
            }
          }
        }
        handlers.set(id, handler)
        this.sockets.get(id)?.on(event, handler)
      }
    })
  }

  close() {
    for (const socket of this.sockets.values()) {
      socket.close()
    }
    this.sockets.clear()
  }
}

/**
 * `count` child processes, each holding a SocketPool. `send(i, message)` posts a message,
 * `receive(i)` answers that child's next reply (replies are queued, none is lost).
 */
function forkClients(url, count) {
  const children = Array.from({ length: count }, () => {
    const child = fork(__filename, [url], { stdio: ["ignore", "inherit", "inherit", "ipc"] })
    const inbox = []
    const waiters = []
    child.on("message", (reply) => (waiters.length ? waiters.shift().resolve(reply) : inbox.push(reply)))
    child.on("exit", (code) => waiters.splice(0).forEach((w) => w.reject(new Error(`socket client process exited (${code})`))))
    return { child, inbox, waiters }
  })
  const receive = (i) =>
    children[i].inbox.length
      ? Promise.resolve(children[i].inbox.shift())
      : new Promise((resolve, reject) => children[i].waiters.push({ resolve, reject }))
  const send = (i, message) => children[i].child.send(message)
  const ask = (i, message) => {
    const reply = receive(i)
    send(i, message)
    return reply
  }
  const all = (messageOf) => Promise.all(children.map((_, i) => ask(i, messageOf(i))))
  const stop = () =>
    Promise.all(children.map(({ child }, i) => (child.connected ? ask(i, { type: "close" }).catch(() => null) : null)))
  return { count, send, receive, ask, all, stop }
}

if (require.main === module) {
  const pool = new SocketPool(process.argv[2])
  process.on("message", async (message) => {
    if (message.type === "connect") {
      process.send(await pool.connect(message.customers, message.concurrency))
    } else if (message.type === "collect") {
      const done = pool.collect(message)
      process.send({ armed: true })
      process.send(await done)
    } else if (message.type === "collect-until-final") {
      const done = pool.collectUntilFinal(message)
      process.send({ armed: true })
      process.send(await done)
    } else if (message.type === "ready") {
      process.send({ ok: true })
    } else if (message.type === "close") {
      pool.close()
      process.send({ ok: true })
      setTimeout(() => process.exit(0), 100)
    }
  })
}

module.exports = { SocketPool, forkClients, connectOne }
