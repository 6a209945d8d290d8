import type { StoreAd } from "../types.js"

const PREFIX = "em_interstitial:"
const HOUR_MS = 3_600_000

/** The ad's cap window in hours (the server's default when the ad does not say). */
const windowHours = (ad: StoreAd) => {
  const hours = Number(ad.frequency_window_hours)
  return Number.isFinite(hours) && hours >= 1 ? hours : 24
}

/**
 * One key per ad and cap window, counted like the server's caps (`floor(time / window)`), so an
 * interstitial is shown at most once per window to this browser. Call only from effects and
 * handlers: storage does not exist during a server render.
 */
export function interstitialKey(ad: StoreAd, now: number): string {
  const hours = windowHours(ad)
  return `${PREFIX}${ad.id}:${hours}h:${Math.floor(now / (hours * HOUR_MS))}`
}

export function wasInterstitialShown(ad: StoreAd, now: number): boolean {
  try {
    return window.localStorage.getItem(interstitialKey(ad, now)) !== null
  } catch {
    // Storage blocked: nothing remembered, so at most once per page (the slot shows one overlay per mount).
    return false
  }
}

/** Remembers the showing and drops the ad's keys of past windows. */
export function rememberInterstitialShown(ad: StoreAd, now: number): void {
  const key = interstitialKey(ad, now)
  try {
    const storage = window.localStorage
    for (let i = storage.length - 1; i >= 0; i--) {
      const stale = storage.key(i)
      if (stale && stale !== key && stale.startsWith(`${PREFIX}${ad.id}:`)) {
        storage.removeItem(stale)
      }
    }
    storage.setItem(key, new Date(now).toISOString())
  } catch {
    // Same as above.
  }
}
