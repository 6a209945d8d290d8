import { spawn } from "child_process"
import { createHash } from "crypto"
import fs from "fs"
import path from "path"

const ROOT = path.resolve(__dirname, "../../..")
const MEDUSA_DIR = path.join(ROOT, ".medusa")
/** Where `medusa build --admin-only` writes; the bundler empties it first, so the hash lives beside it. */
export const ADMIN_BUILD_DIR = path.join(MEDUSA_DIR, "admin")
const HASH_FILE = path.join(MEDUSA_DIR, "admin.build-hash")
const LOCK_DIR = path.join(MEDUSA_DIR, "admin.build-lock")
const LOG_FILE = path.join(ROOT, ".test-artifacts", "admin-build.log")
// The bundler alone takes 4–5 min on a busy 2-core machine; ADMIN_BUILD_TIMEOUT_MS overrides.
const BUILD_TIMEOUT_MS = Number(process.env.ADMIN_BUILD_TIMEOUT_MS) || 12 * 60_000
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".json"]

export type AdminBuild = { dir: string; rebuilt: boolean; ms: number; hash: string }

/**
 * Builds the admin once (`medusa build --admin-only`) and reuses it while nothing that
 * goes into the bundle changed: src/admin, what it imports from elsewhere, the lockfile
 * and medusa-config (admin path and backend URL come from it).
 */
export async function ensureAdminBuild(): Promise<AdminBuild> {
  const started = Date.now()
  const hash = adminInputsHash()
  if (isBuildCurrent(hash)) {
    return { dir: ADMIN_BUILD_DIR, rebuilt: false, ms: Date.now() - started, hash }
  }
  const release = await acquireLock()
  try {
    // Another process may have built it while we waited for the lock.
    if (isBuildCurrent(hash)) {
      return { dir: ADMIN_BUILD_DIR, rebuilt: false, ms: Date.now() - started, hash }
    }
    fs.rmSync(HASH_FILE, { force: true })
    await runAdminOnlyBuild()
    if (!fs.existsSync(path.join(ADMIN_BUILD_DIR, "index.html"))) {
      throw new Error(`admin build finished without ${ADMIN_BUILD_DIR}/index.html; see ${LOG_FILE}`)
    }
    fs.writeFileSync(HASH_FILE, `${hash}\n`)
    return { dir: ADMIN_BUILD_DIR, rebuilt: true, ms: Date.now() - started, hash }
  } finally {
    release()
  }
}

function isBuildCurrent(hash: string): boolean {
  if (!fs.existsSync(path.join(ADMIN_BUILD_DIR, "index.html")) || !fs.existsSync(HASH_FILE)) {
    return false
  }
  return fs.readFileSync(HASH_FILE, "utf8").trim() === hash
}

/** sha256 over the sorted admin inputs (paths and contents). */
export function adminInputsHash(): string {
  const files = new Set<string>([path.join(ROOT, "package-lock.json"), path.join(ROOT, "medusa-config.ts")])
  const adminRoot = path.join(ROOT, "src", "admin")
  const queue = listFiles(adminRoot)
  // The bundle also contains whatever src/admin imports through relative paths (e.g. shared constants).
  while (queue.length) {
    const file = queue.pop()!
    if (files.has(file)) {
      continue
    }
    files.add(file)
    if (/\.(tsx?|jsx?|mjs)$/.test(file)) {
      queue.push(...relativeImports(file))
    }
  }
  const digest = createHash("sha256")
  for (const file of [...files].sort()) {
    digest.update(path.relative(ROOT, file)).update("\0")
    digest.update(fs.existsSync(file) ? fs.readFileSync(file) : "<missing>").update("\0")
  }
  return digest.digest("hex")
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return []
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? listFiles(full) : [full]
  })
}

function relativeImports(file: string): string[] {
  const source = fs.readFileSync(file, "utf8")
  const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1])
  return specifiers.map((specifier) => resolveSource(path.resolve(path.dirname(file), specifier))).filter(Boolean) as string[]
}

function resolveSource(base: string): string | undefined {
  const candidates = [
    base,
    ...SOURCE_EXTENSIONS.map((ext) => base + ext),
    ...SOURCE_EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ]
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile())
}

async function acquireLock(): Promise<() => void> {
  fs.mkdirSync(MEDUSA_DIR, { recursive: true })
  const deadline = Date.now() + BUILD_TIMEOUT_MS
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR)
      fs.writeFileSync(path.join(LOCK_DIR, "pid"), String(process.pid))
      return () => fs.rmSync(LOCK_DIR, { recursive: true, force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw error
      }
    }
    if (isLockStale()) {
      fs.rmSync(LOCK_DIR, { recursive: true, force: true })
      continue
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for the admin build lock ${LOCK_DIR}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

function isLockStale(): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(LOCK_DIR, "pid"), "utf8"))
    process.kill(pid, 0)
    return false
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") {
      return true
    }
    // No pid yet: the holder is between mkdir and write, or died there long ago.
    const stat = fs.statSync(LOCK_DIR, { throwIfNoEntry: false })
    return !stat || Date.now() - stat.mtimeMs > BUILD_TIMEOUT_MS
  }
}

function runAdminOnlyBuild(): Promise<void> {
  fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true })
  const log = fs.openSync(LOG_FILE, "w")
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    // "/" makes the dashboard and our sdk call the origin they are served from (js-sdk maps "/" to location.origin).
    MEDUSA_BACKEND_URL: "/",
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_OPTIONS: "",
  }
  delete env.ADMIN_AUTH_TYPE
  delete env.ADMIN_JWT_TOKEN_STORAGE_KEY
  const cli = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
  // --no-lint: with @medusajs/eslint-plugin installed, `medusa build` lints the whole repo by default.
  const child = spawn(process.execPath, [cli, "build", "--admin-only", "--no-lint"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", log, log],
  })
  // Do not leave a build writing into .medusa/admin behind if jest exits first.
  const killChild = () => child.kill("SIGTERM")
  process.once("exit", killChild)
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM")
      reject(new Error(`medusa build --admin-only timed out after ${BUILD_TIMEOUT_MS} ms; see ${LOG_FILE}`))
    }, BUILD_TIMEOUT_MS)
    child.on("error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on("exit", (code) => {
      clearTimeout(timer)
      process.removeListener("exit", killChild)
      fs.closeSync(log)
      if (code === 0) {
        resolve()
      } else {
        const tail = fs.readFileSync(LOG_FILE, "utf8").split("\n").slice(-30).join("\n")
        reject(new Error(`medusa build --admin-only exited with ${code}:\n${tail}`))
      }
    })
  })
}
