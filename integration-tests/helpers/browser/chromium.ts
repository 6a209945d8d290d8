import fs from "fs"
import os from "os"
import path from "path"
import { BrowserContext, chromium, ConsoleMessage, Page } from "playwright-core"

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> }

/** Headless Chromium with a fresh profile that is deleted on close. */
export async function launchChromium(): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "monetization-chromium-"))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined)
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

export type PageProblem = { kind: "console" | "pageerror" | "requestfailed"; text: string; url?: string }

/** Records console errors, uncaught exceptions and failed requests of a page. */
export function collectPageProblems(page: Page): PageProblem[] {
  const problems: PageProblem[] = []
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") {
      problems.push({ kind: "console", text: message.text(), url: message.location().url })
    }
  })
  page.on("pageerror", (error) => problems.push({ kind: "pageerror", text: error.stack ?? error.message }))
  page.on("requestfailed", (request) =>
    problems.push({ kind: "requestfailed", text: request.failure()?.errorText ?? "failed", url: request.url() })
  )
  return problems
}

/** Saves a full-page screenshot under .test-artifacts/screenshots and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve(__dirname, "../../../.test-artifacts/screenshots")
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
