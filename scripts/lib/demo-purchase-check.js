const fs = require("fs")
const os = require("os")
const path = require("path")

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

/**
 * Buys the seeded T-shirt offer in the demo storefront the way an attendee would:
 * register, "Buy now", pay with the test card, and see the purchase listed.
 * Returns a reason string when it cannot run (no Chromium), else throws on failure.
 */
async function buyOfferInStorefront({ storefrontUrl, screenshot }) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    return `skipped: no Chromium at ${CHROMIUM_PATH} (apt install chromium, or set CHROMIUM_PATH)`
  }
  const { chromium } = require("playwright-core")
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-purchase-"))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(storefrontUrl)
    await page.getByPlaceholder("email").fill(`attendee-${Date.now()}@example.com`)
    await page.getByPlaceholder("password").fill("supersecret")
    await page.getByRole("button", { name: "Register" }).click()
    await page.getByRole("button", { name: "Log out" }).waitFor({ timeout: 30_000 })

    const tee = page.locator("article", { hasText: "Conference T-shirt" })
    await tee.getByRole("button", { name: "Add" }).click()
    const checkout = page.getByTestId("demo-checkout")
    const pay = checkout.getByRole("button", { name: /Pay .* with test card/ })
    await pay.waitFor({ timeout: 30_000 })
    await pay.click()
    await checkout.getByRole("status").filter({ hasText: /Order #\d+ placed/ }).waitFor({ timeout: 60_000 })
    await page
      .getByTestId("demo-offer-purchases")
      .getByText(/1 × Conference T-shirt/)
      .waitFor({ timeout: 30_000 })
    if (screenshot) {
      await page.screenshot({ path: screenshot, fullPage: true })
    }
    return undefined
  } finally {
    await context.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
}

module.exports = { buyOfferInStorefront }
