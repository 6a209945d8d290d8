export const HOUR_MS = 3_600_000

/** Start of the clock hour `now` is in: the per-IP-prefix caps count per clock hour. */
export const hourStart = (now: Date) => new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS)

/**
 * Fixed windows aligned on the epoch: the key names the window it counts, and
 * the TTL ends it, so an expired window costs nothing.
 */
export function capKey(adId: string, viewerKey: string, windowHours: number, now: Date) {
  const windowMs = windowHours * HOUR_MS
  const bucket = Math.floor(now.getTime() / windowMs)
  return { key: `monetization:ad-cap:${adId}:${viewerKey}:${windowHours}h:${bucket}`, ttlMs: (bucket + 1) * windowMs - now.getTime() + 60_000 }
}
