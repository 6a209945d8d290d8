import { chunkByBytes, utf8Bytes } from "../analytics/tracker.js"
import { randomId } from "../session-token.js"
import type { IngestionReceipt } from "../types.js"

/** One A/B event as the storefront reports it; `event_id` (the event product) is required by the server. */
export type ABTestEvent = {
  test_id: string
  event_id: string
  session_token: string
  variant_id: string
  event_type: "variant_view" | "goal_conversion" | "secondary_metric"
  goal?: string
  goal_achieved?: boolean
  goal_value?: number
}

export type QueuedABTestEvent = ABTestEvent & { id: string; timestamp: string }

/**
 * What became of an event: `accepted` (stored, or a duplicate of a stored one), `rejected` with
 * the server's reason (e.g. a variant the rule does not assign, a conversion without a recorded
 * view), or `sent` when it left by `sendBeacon` on page hide, whose answer a page cannot read.
 */
export type ABTrackOutcome = { status: "accepted" } | { status: "sent" } | { status: "rejected"; reason: string }

export type ABTrackerOptions = {
  /** Absolute URL of `POST /store/ab-tests/track`. */
  endpoint: string
  publishableKey: string
  /** `POST /beacon/ab-tests/track` beside `endpoint` unless given; the key goes in the query string. */
  beaconEndpoint?: string
  maxBatch?: number
  flushIntervalMs?: number
  beaconBudgetBytes?: number
  fetchImpl?: typeof fetch
  sendBeacon?: (url: string, data: Blob) => boolean
  getAuthToken?: () => string | undefined
  /** Told about every event the server rejected, with its reason. */
  onRejected?: (rejected: { event: QueuedABTestEvent; reason: string }[]) => void
}

export type ABTracker = {
  /** Queues an event; the promise settles when its batch is answered (or sent by beacon). */
  track: (event: ABTestEvent) => Promise<ABTrackOutcome>
  flush: () => Promise<void>
  destroy: () => void
}

type Pending = { event: QueuedABTestEvent; resolve: (outcome: ABTrackOutcome) => void }
/** A 202 receipt, or an error body (`message`): read defensively. */
type Receipt = Partial<IngestionReceipt> & { message?: string }

const MAX_QUEUE = 1000

/**
 * Batches A/B events like the analytics tracker: at `maxBatch` (10) events or `flushIntervalMs`
 * (30 s) after the first queued one, and on page hide with `sendBeacon` to the beacon route (a
 * keepalive fetch when a customer token must go along or the beacon is refused), so a conversion
 * fired as the page unloads is not lost. 429/5xx and network errors are retried with the same ids.
 */
export function createABTracker(options: ABTrackerOptions): ABTracker {
  const maxBatch = options.maxBatch ?? 10
  const interval = options.flushIntervalMs ?? 30_000
  const budget = options.beaconBudgetBytes ?? 64 * 1024
  const fetchImpl = options.fetchImpl ?? (typeof fetch === "function" ? fetch.bind(globalThis) : undefined)
  const sendBeacon =
    options.sendBeacon ??
    (typeof navigator !== "undefined" && typeof navigator.sendBeacon === "function"
      ? navigator.sendBeacon.bind(navigator)
      : undefined)

  let queue: Pending[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let destroyed = false

  const schedule = () => {
    if (timer === undefined && queue.length && !destroyed) {
      timer = setTimeout(() => {
        timer = undefined
        void flush()
      }, interval)
    }
  }

  const take = (): Pending[] => {
    const taken = queue
    queue = []
    if (timer !== undefined) {
      clearTimeout(timer)
      timer = undefined
    }
    return taken
  }

  const requeue = (pending: Pending[]) => {
    queue = [...pending, ...queue].slice(-MAX_QUEUE)
    schedule()
  }

  const settle = (pending: Pending[], receipt: Receipt) => {
    const reasons = new Map((receipt.rejected ?? []).map((item) => [item.index, item.reason]))
    const rejected: { event: QueuedABTestEvent; reason: string }[] = []
    pending.forEach((item, index) => {
      const reason = reasons.get(index)
      if (reason === undefined) {
        item.resolve({ status: "accepted" })
      } else {
        rejected.push({ event: item.event, reason })
        item.resolve({ status: "rejected", reason })
      }
    })
    if (rejected.length) {
      options.onRejected?.(rejected)
    }
  }

  const headers = (): Record<string, string> => {
    const token = options.getAuthToken?.()
    return {
      "content-type": "application/json",
      "x-publishable-api-key": options.publishableKey,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    }
  }

  const post = async (pending: Pending[], keepalive: boolean) => {
    if (!fetchImpl) {
      requeue(pending)
      return
    }
    try {
      const res = await fetchImpl(options.endpoint, {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({ events: pending.map((item) => item.event) }),
        keepalive,
      })
      const text = await res.text()
      const body = (text ? safeJson(text) : {}) as Receipt
      if (res.status === 429 || res.status >= 500) {
        requeue(pending)
      } else if (res.status >= 200 && res.status < 300) {
        settle(pending, body)
      } else {
        // The whole batch was refused (e.g. 400): every event gets the server's message.
        const reason = body.message ?? `${res.status}`
        settle(pending, { rejected: pending.map((_, index) => ({ index, reason })) })
      }
    } catch {
      requeue(pending)
    }
  }

  async function flush(): Promise<void> {
    const pending = take()
    for (const chunk of chunkByBytes(pending, budget)) {
      await post(chunk, false)
    }
  }

  const beaconUrl = () => {
    const base = options.beaconEndpoint ?? options.endpoint.replace(/\/store\/ab-tests\/track$/, "/beacon/ab-tests/track")
    const separator = base.includes("?") ? "&" : "?"
    return `${base}${separator}x-publishable-api-key=${encodeURIComponent(options.publishableKey)}`
  }

  /** On page hide: a beacon for an anonymous visitor, else (or when refused) a keepalive fetch. */
  const flushOnHide = () => {
    const pending = take()
    for (const chunk of chunkByBytes(pending, budget)) {
      const body = JSON.stringify({ events: chunk.map((item) => item.event) })
      const beaconFirst = !options.getAuthToken?.() || !fetchImpl
      if (beaconFirst && utf8Bytes(body) <= budget && sendBeacon?.(beaconUrl(), new Blob([body], { type: "text/plain" }))) {
        chunk.forEach((item) => item.resolve({ status: "sent" }))
        continue
      }
      void post(chunk, true)
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
    track(event) {
      if (destroyed) {
        return Promise.resolve({ status: "rejected", reason: "tracker destroyed" })
      }
      return new Promise<ABTrackOutcome>((resolve) => {
        queue.push({ event: { ...event, id: randomId(), timestamp: new Date().toISOString() }, resolve })
        if (queue.length > MAX_QUEUE) {
          queue.shift()?.resolve({ status: "rejected", reason: "dropped: the tracker's queue is full" })
        }
        if (queue.length >= maxBatch) {
          void flush()
        } else {
          schedule()
        }
      })
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
    },
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return {}
  }
}
