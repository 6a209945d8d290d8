import { ChildProcess, spawn } from "child_process"
import fs from "fs"

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { freePort } = require("../../../scripts/lib/free-port") as { freePort: () => Promise<number> }

export type RunOptions = { cwd: string; env: NodeJS.ProcessEnv; log: string; timeoutMs: number }

const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "")

function tail(text: string, lines = 40) {
  return text.split("\n").slice(-lines).join("\n")
}

/** Runs a command to its end; its output (ANSI stripped) is returned and written to `log`. */
export function run(command: string, args: string[], options: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    const timer = setTimeout(() => killGroup(child), options.timeoutMs)
    child.on("error", reject)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      output = stripAnsi(output)
      fs.writeFileSync(options.log, output)
      if (code === 0) {
        resolve(output)
      } else {
        const why = signal ? `killed (${signal}; timeout ${options.timeoutMs} ms?)` : `exit ${code}`
        reject(new Error(`${command} ${args.join(" ")}: ${why}\n${tail(output)}`))
      }
    })
  })
}

export type Server = { child: ChildProcess; output: () => string; stop: () => Promise<void> }

/** Starts a long-running process in its own process group (so its children die with it). */
export function startServer(command: string, args: string[], options: Omit<RunOptions, "timeoutMs">): Server {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true })
  let output = ""
  const append = (chunk: Buffer) => {
    output += chunk
    fs.appendFileSync(options.log, chunk)
  }
  child.stdout?.on("data", append)
  child.stderr?.on("data", append)
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()))
  return {
    child,
    output: () => stripAnsi(output),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      killGroup(child, "SIGTERM")
      const forced = setTimeout(() => killGroup(child, "SIGKILL"), 10_000)
      await exited
      clearTimeout(forced)
    },
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL") {
  try {
    process.kill(-child.pid!, signal)
  } catch {
    // already gone
  }
}

/** Polls `url` until it answers 2xx, failing early if the server died. */
export async function waitForHttp(url: string, server: Server, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`server exited with ${server.child.exitCode} before ${url} answered\n${tail(server.output())}`)
    }
    const ok = await fetch(url)
      .then((res) => res.ok)
      .catch(() => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${tail(server.output())}`)
}

/** Lines a Medusa command logged as errors (its exit code is not enough: db:migrate exits 0 after a failed script). */
export function loggedErrors(output: string): string[] {
  return output.split("\n").filter((line) => /^\s*error:|^\s*(\w+)?Error\b|\bError:/.test(line))
}

/** Phase timings, printed at the end. */
export class Timings {
  private readonly phases: { name: string; ms: number }[] = []
  private readonly started = Date.now()

  async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const at = Date.now()
    try {
      return await fn()
    } finally {
      this.phases.push({ name, ms: Date.now() - at })
    }
  }

  report(): string {
    const rows = this.phases.map((p) => `  ${p.name.padEnd(44)} ${(p.ms / 1000).toFixed(1).padStart(6)} s`)
    return [`merchant stack timings (phases overlap; wall ${((Date.now() - this.started) / 1000).toFixed(1)} s):`, ...rows].join("\n")
  }
}
