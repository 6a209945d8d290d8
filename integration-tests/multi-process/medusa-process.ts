import { ChildProcess, spawn } from "child_process"
import fs from "fs"
import path from "path"

const root = path.resolve(__dirname, "../..")
const LOG_DIR = path.join(root, ".test-artifacts", "multi-process")

export type LogLine = { at: number; text: string }

export type MedusaProcess = {
  name: string
  url: string
  /** Lines the process printed so far (stdout and stderr), with when the test received them. */
  lines: () => LogLine[]
  /** Hard kill of the whole process group: no graceful shutdown, no compensation. */
  kill9: () => Promise<void>
  /** SIGTERM, then SIGKILL after 10 s; a no-op once the process exited. */
  stop: () => Promise<void>
}

/** The environment of a child Medusa: the test's own, minus what only jest needs. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", ...extra }
  for (const key of Object.keys(env)) {
    if (key.startsWith("JEST_") || key === "NODE_OPTIONS") {
      delete env[key]
    }
  }
  return env
}

const tail = (lines: LogLine[]) => lines.slice(-40).map((line) => line.text).join("\n")

function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null
}

/**
 * `medusa start` from the repo root (medusa-config.ts loads the plugin from src/) as its own
 * process group, so a kill reaches every process it spawned. Output is kept in memory and in
 * .test-artifacts/multi-process/<name>.log.
 */
export async function startMedusa(name: string, port: number, env: NodeJS.ProcessEnv, timeoutMs = 150_000) {
  fs.mkdirSync(LOG_DIR, { recursive: true })
  const log = fs.createWriteStream(path.join(LOG_DIR, `${name}.log`))
  const child = spawn(path.join(root, "node_modules/.bin/medusa"), ["start", "--port", String(port)], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  const lines: LogLine[] = []
  let partial = ""
  const collect = (chunk: Buffer) => {
    log.write(chunk)
    const text = partial + chunk.toString("utf8")
    const parts = text.split("\n")
    partial = parts.pop() ?? ""
    const at = Date.now()
    lines.push(...parts.map((text) => ({ at, text })))
  }
  child.stdout!.on("data", collect)
  child.stderr!.on("data", collect)
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  exit.then(() => log.end())

  const signalGroup = (signal: NodeJS.Signals) => {
    if (!exited(child)) {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        // the group is already gone
      }
    }
  }
  const proc: MedusaProcess = {
    name,
    url: `http://localhost:${port}`,
    lines: () => lines,
    kill9: async () => {
      signalGroup("SIGKILL")
      await exit
    },
    stop: async () => {
      if (exited(child)) {
        return
      }
      signalGroup("SIGTERM")
      const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000)
      await exit
      clearTimeout(timer)
    },
  }

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (exited(child)) {
      throw new Error(`${name} exited before answering /health:\n${tail(lines)}`)
    }
    const ok = await fetch(`${proc.url}/health`).then((r) => r.ok).catch(() => false)
    if (ok) {
      return proc
    }
    if (Date.now() > deadline) {
      await proc.stop()
      throw new Error(`${name} did not answer /health within ${timeoutMs} ms:\n${tail(lines)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
