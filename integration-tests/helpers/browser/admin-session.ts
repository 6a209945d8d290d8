import type { AxiosInstance } from "axios"
import { AdminBuild, ensureAdminBuild } from "./admin-build"
import { AdminServer, startAdminServer } from "./admin-server"
import { Browser, launchChromium } from "./chromium"

type Page = Browser["page"]

/**
 * Starts the (cached) admin build before the runner boots Medusa, so the build and
 * the migrations overlap. Call at the top of a browser spec, before the runner.
 */
export function buildAdminEarly(): () => Promise<AdminBuild> {
  let build: Promise<AdminBuild>
  beforeAll(() => {
    build = ensureAdminBuild()
    build.catch(() => undefined)
  })
  return () => build
}

/**
 * Inside the runner's suite: serves the built admin and the test API on one origin
 * and opens Chromium; both close after the suite.
 */
export function useAdminSession(api: AxiosInstance, build: () => Promise<AdminBuild>) {
  const session = {} as { server: AdminServer; browser: Browser }
  beforeAll(async () => {
    const built = await build()
    process.stdout.write(`[browser] admin build ${built.rebuilt ? "rebuilt" : "reused"} in ${built.ms} ms\n`)
    session.server = await startAdminServer({ adminDir: built.dir, apiBaseUrl: api.defaults.baseURL! })
    session.browser = await launchChromium()
  }, 900_000)

  afterAll(async () => {
    await session.browser?.close()
    await session.server?.close()
  })
  return session
}

/** Logs in through the admin's own login form. */
export async function logInToAdmin(page: Page, serverUrl: string, email: string, password: string) {
  await page.goto(`${serverUrl}/app/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.startsWith("/app/login"), { timeout: 20_000 })
}

/**
 * The plugin's pages are nested under the sidebar's one "Monetization" entry, whose children are listed
 * while one of its pages is open: opens the entry and returns the link to `path` (e.g. "/monetization/offers").
 */
export async function monetizationSidebarLink(page: Page, path: string) {
  const parent = page.locator('a[href="/app/monetization"]').first()
  await parent.waitFor({ timeout: 20_000 })
  await parent.click()
  const link = page.locator(`a[href="/app${path}"]`).first()
  await link.waitFor({ timeout: 20_000 })
  return link
}
