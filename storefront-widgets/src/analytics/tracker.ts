import { getSessionToken, randomId } from "../session-token.js"

/**
 * What a storefront may report: only what only the client sees. Purchases, add-to-cart (the
 * hold), ad impressions and clicks and waitlist actions are recorded by the server itself, and
 * the tracking route rejects them.
 */
export type MonetizationEventType = "OFFER_VIEW" | "OFFER_CLICK"

type TrackFields = {
  type: MonetizationEventType
  event_id?: string
  metadata?: Record<string, unknown>
}

/** What a storefront tracks: the offer's id as `entity_id` (`entityId` is the deprecated spelling). */
export type TrackInput = TrackFields &
  (
    | { entity_id: string; entityId?: never }
    | {
        /** @deprecated Use `entity_id`: bodies are snake_case. */
        entityId: string
        entity_id?: never
      }
  )

/** One event as sent to the backend, always with `entity_id`. */
export type TrackedEvent = TrackFields & { entity_id: string; id: string; session_token: string; timestamp: string }

export type TrackerOptions = {
  /** Absolute URL of `POST /store/analytics/track`. */
  endpoint: string
  publishableKey: string
  /**
   * URL for `sendBeacon`, which cannot send headers: the key is added as `?x-publishable-api-key=`.
   * Defaults to the backend's `POST /beacon/analytics/track` beside `endpoint`.
   */
  beaconEndpoint?: string
  maxBatch?: number
  flushIntervalMs?: number
  beaconBudgetBytes?: number
  now?: () => number
  fetchImpl?: typeof fetch
  sendBeacon?: (url: string, data: Blob) => boolean
  getSessionToken?: () => string
  getAuthToken?: () => string | undefined
}

export type Tracker = {
  track: (event: TrackInput) => void
  flush: () => Promise<void>
  destroy: () => void
}

type Outcome = "sent" | "dropped" | "retry"

const ENVELOPE_BYTES = '{"events":[]}'.length
const MAX_QUEUE = 1000

/** UTF-8 length without TextEncoder (absent in some test environments). */
export function utf8Bytes(s: string): number {
  let bytes = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** Splits events into batches whose `{"events":[…]}` body fits `budget` bytes; an event that alone exceeds it is dropped. */
export function chunkByBytes<T>(events: T[], budget: number): T[][] {
  const chunks: T[][] = []
  let current: T[] = []
  let size = ENVELOPE_BYTES
  for (const event of events) {
    const bytes = utf8Bytes(JSON.stringify(event))
    if (ENVELOPE_BYTES + bytes > budget) {
      continue
    }
    const added = bytes + (current.length ? 1 : 0)
    if (current.length && size + added > budget) {
      chunks.push(current)
      current = [event]
      size = ENVELOPE_BYTES + bytes
    } else {
      current.push(event)
      size += added
    }
  }
  if (current.length) {
    chunks.push(current)
  }
  return chunks
}

function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return "sent"
  if (status === 429 || status >= 500) return "retry"
  return "dropped"
}

/**
 * Batches monetization events: flushes at `maxBatch` events or `flushIntervalMs`
 * after the oldest queued one, and on page hide. Failed batches go back to the
 * head of the queue with the same ids, so the server counts a retry once.
 */
export function createTracker(options: TrackerOptions): Tracker {
  const maxBatch = options.maxBatch ?? 10
  const interval = options.flushIntervalMs ?? 30_000
  const budget = options.beaconBudgetBytes ?? 64 * 1024
  const now = options.now ?? Date.now
  const sessionToken = options.getSessionToken ?? getSessionToken
  const fetchImpl = options.fetchImpl ?? (typeof fetch === "function" ? fetch.bind(globalThis) : undefined)
  const sendBeacon =
    options.sendBeacon ??
    (typeof navigator !== "undefined" && typeof navigator.sendBeacon === "function"
      ? navigator.sendBeacon.bind(navigator)
      : undefined)

  let queue: TrackedEvent[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let retryPending = false
  let destroyed = false

  const schedule = () => {
    if (timer === undefined && queue.length && !destroyed) {
      timer = setTimeout(() => {
        timer = undefined
        retryPending = false
        void flush()
      }, interval)
    }
  }

  const requeue = (events: TrackedEvent[]) => {
    queue = [...events, ...queue].slice(-MAX_QUEUE)
    retryPending = true
    schedule()
  }

  const headers = (): Record<string, string> => {
    const token = options.getAuthToken?.()
    return {
      "content-type": "application/json",
      "x-publishable-api-key": options.publishableKey,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    }
  }

  const post = async (events: TrackedEvent[], keepalive: boolean): Promise<Outcome> => {
    if (!fetchImpl) {
      return "retry"
    }
    try {
      const res = await fetchImpl(options.endpoint, {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({ events }),
        keepalive,
      })
      return outcomeOf(res.status)
    } catch {
      return "retry"
    }
  }

  const take = (): TrackedEvent[] => {
    const events = queue
    queue = []
    if (timer !== undefined) {
      clearTimeout(timer)
      timer = undefined
    }
    return events
  }

  async function flush(): Promise<void> {
    if (!fetchImpl) {
      return flushOnHide()
    }
    const chunks = chunkByBytes(take(), budget)
    for (let i = 0; i < chunks.length; i++) {
      if ((await post(chunks[i], false)) === "retry") {
        requeue(chunks.slice(i).flat())
        return
      }
    }
  }

  const beaconUrl = () => {
    const base = options.beaconEndpoint ?? options.endpoint.replace(/\/store\/analytics\/track$/, "/beacon/analytics/track")
    const separator = base.includes("?") ? "&" : "?"
    return `${base}${separator}x-publishable-api-key=${encodeURIComponent(options.publishableKey)}`
  }

  /**
   * sendBeacon for an anonymous visitor (the browser's way to send on unload); a keepalive
   * fetch when a customer's bearer token must go along, or when the beacon is refused.
   * Both share one in-flight budget.
   */
  const flushOnHide = () => {
    let remaining = budget
    const unsent: TrackedEvent[] = []
    const chunks = chunkByBytes(take(), budget)
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]
      const body = JSON.stringify({ events: chunk })
      const bytes = utf8Bytes(body)
      if (bytes > remaining) {
        unsent.push(...chunks.slice(i).flat())
        break
      }
      remaining -= bytes
      const beaconFirst = !options.getAuthToken?.() || !fetchImpl
      if (beaconFirst && sendBeacon?.(beaconUrl(), new Blob([body], { type: "text/plain" }))) {
        continue
      }
      if (fetchImpl) {
        void post(chunk, true).then((outcome) => {
          if (outcome === "retry") {
            requeue(chunk)
          }
        })
      } else {
        unsent.push(...chunk)
      }
    }
    if (unsent.length) {
      requeue(unsent)
    }
  }

  const onVisibilityChange = () => {
    if (document.visibilityState === "hidden") {
      flushOnHide()
    }
  }

  const hasWindow = typeof window !== "undefined" && typeof document !== "undefined"
  if (hasWindow) {
    document.addEventListener("visibilitychange", onVisibilityChange)
    window.addEventListener("pagehide", flushOnHide)
  }

  return {
    track(input) {
      if (destroyed) {
        return
      }
      const { entityId, entity_id, ...fields } = input
      queue.push({
        ...fields,
        entity_id: (entity_id ?? entityId) as string,
        id: randomId(),
        session_token: sessionToken(),
        timestamp: new Date(now()).toISOString(),
      })
      if (queue.length > MAX_QUEUE) {
        queue.shift()
      }
      if (queue.length >= maxBatch && !retryPending) {
        void flush()
      } else {
        schedule()
      }
    },
    flush,
    destroy() {
      if (destroyed) {
        return
      }
      if (hasWindow) {
        document.removeEventListener("visibilitychange", onVisibilityChange)
        window.removeEventListener("pagehide", flushOnHide)
      }
      flushOnHide()
      destroyed = true
      if (timer !== undefined) {
        clearTimeout(timer)
        timer = undefined
      }
    },
  }
}
