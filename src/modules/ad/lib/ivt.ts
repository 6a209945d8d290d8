import { AdIvtReason } from "../types"

/** Known automated agents; real browsers never send these tokens. */
export const BOT_USER_AGENT =
  /bot|crawl|spider|slurp|headless|phantomjs|puppeteer|playwright|selenium|curl|wget|python-requests|python-urllib|aiohttp|httpclient|okhttp|go-http-client|java\/|libwww|scrapy|facebookexternalhit|lighthouse/i

/** A click this soon after the viewer's impression of the same ad is not a human decision. */
export const MIN_CLICK_DELAY_MS = 1000

export type RequestSignals = {
  user_agent: string | null | undefined
  headers: Record<string, string | string[] | undefined>
}

const header = (headers: RequestSignals["headers"], name: string) => {
  const value = headers[name]
  return (Array.isArray(value) ? value.join(",") : value ?? "").toLowerCase()
}

/** Classifies a request as invalid traffic by its user agent and prefetch headers; null when it looks human. */
export function detectRequestIvt({ user_agent, headers }: RequestSignals): AdIvtReason | null {
  if (!user_agent || BOT_USER_AGENT.test(user_agent)) {
    return "bot_user_agent"
  }
  if (
    header(headers, "purpose").includes("prefetch") ||
    header(headers, "sec-purpose").includes("prefetch") ||
    header(headers, "x-moz").includes("prefetch")
  ) {
    return "prefetch"
  }
  return null
}

/**
 * A click within MIN_CLICK_DELAY_MS of the viewer's latest impression of the ad.
 * Either side: the impression time is the client's clock, so a click that seems
 * to precede its impression by less than the limit is the same instant skewed.
 */
export function isClickTooFast(lastImpressionAt: Date | string | null | undefined, clickAt: Date): boolean {
  if (!lastImpressionAt) {
    return false
  }
  const delta = clickAt.getTime() - new Date(lastImpressionAt).getTime()
  return Math.abs(delta) < MIN_CLICK_DELAY_MS
}
