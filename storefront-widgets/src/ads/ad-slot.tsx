"use client"

import { CSSProperties, useCallback, useEffect, useRef, useState } from "react"
import { useMonetizationConfig } from "../config.js"
import { useSessionToken } from "../hydration.js"
import { randomId } from "../session-token.js"
import { MonetizationConfig, storeFetch } from "../store-api.js"
import { StoreAd, useAds } from "./use-ads.js"
import { observeViewability, viewabilityDuration } from "./viewability.js"

export type AdImpression = {
  id: string
  ad_id: string
  placement: string
  session_token: string
  session_id?: string
  viewable?: boolean
  /** The serve token `GET /store/ads` answered with the ad; impressions without one are never billed. */
  serve_token?: string
  timestamp: string
}

export type ImpressionQueue = {
  push: (impression: AdImpression) => void
  flush: () => Promise<void>
  /** On page hide: a beacon for an anonymous visitor (no headers needed), else a keepalive fetch. */
  flushOnHide: () => void
  destroy: () => void
}

/** Sends impressions with `navigator.sendBeacon` to `POST /beacon/ads/impressions`; false when the browser refuses. */
function beaconImpressions(config: MonetizationConfig, impressions: AdImpression[]): boolean {
  if (config.getCustomerToken?.() || typeof navigator === "undefined" || typeof navigator.sendBeacon !== "function") {
    return false
  }
  const url = `${config.baseUrl}/beacon/ads/impressions?x-publishable-api-key=${encodeURIComponent(config.publishableKey)}`
  return navigator.sendBeacon(url, new Blob([JSON.stringify({ impressions })], { type: "text/plain" }))
}

/** Batches impressions to `POST /store/ads/impressions`; sends `delayMs` after the first queued one. */
export function createImpressionQueue(config: MonetizationConfig, delayMs = 1000): ImpressionQueue {
  let pending: AdImpression[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const flushOnHide = () => {
    if (pending.length && beaconImpressions(config, pending)) {
      pending = []
      clearTimeout(timer)
      timer = undefined
    }
    void flush()
  }
  const flush = async () => {
    if (timer) {
      clearTimeout(timer)
      timer = undefined
    }
    if (!pending.length) return
    const impressions = pending
    pending = []
    try {
      await storeFetch(config, "/store/ads/impressions", {
        method: "POST",
        body: JSON.stringify({ impressions }),
        keepalive: true,
      })
    } catch {
      // Ads must never break the page; an impression lost to a network error is not retried.
    }
  }
  return {
    push(impression) {
      pending.push(impression)
      if (pending.length >= 50) {
        void flush()
      } else if (!timer) {
        timer = setTimeout(() => void flush(), delayMs)
      }
    },
    flush,
    flushOnHide,
    destroy() {
      void flush()
    },
  }
}

/**
 * Where a click on the ad goes. With a signed click URL (every ad served to a viewer) that URL
 * itself: the backend records the click and redirects to the sponsor, so nothing is posted first.
 * Without one, the click is posted (unbillable) and the sponsor's URL answered.
 */
export async function clickAd(config: MonetizationConfig, ad: StoreAd, placement: string, sessionToken: string): Promise<string> {
  if (typeof ad.signed_click_url === "string") {
    return ad.signed_click_url
  }
  try {
    const body = await storeFetch<{ click_url?: string }>(config, `/store/ads/${encodeURIComponent(ad.id)}/click`, {
      method: "POST",
      body: JSON.stringify({ click_id: randomId(), session_token: sessionToken, placement }),
    })
    return body?.click_url ?? ad.click_url
  } catch {
    return ad.click_url
  }
}

function openUrl(url: string) {
  const opened = window.open(url, "_blank", "noopener,noreferrer")
  if (!opened) {
    window.location.assign(url)
  }
}

export type AdSlotProps = {
  eventId: string
  placement: string
  sessionId?: string
  /** How many ads to rotate through (server max 10). */
  limit?: number
  className?: string
  /** Milliseconds impressions wait to be batched. */
  impressionBatchMs?: number
}

/** Shows the server's ads for a placement, rotating them and reporting impressions, viewability and clicks. */
export function AdSlot({ eventId, placement, sessionId, limit = 3, className, impressionBatchMs = 1000 }: AdSlotProps) {
  const config = useMonetizationConfig()
  // Ads are per viewer: none on the server, fetched once the browser's token is known.
  const sessionToken = useSessionToken()
  const { data: ads } = useAds({ eventId, placement, sessionId, limit, sessionToken: sessionToken ?? undefined, enabled: !!sessionToken })
  const [seq, setSeq] = useState(0)
  const queueRef = useRef<ImpressionQueue | null>(null)

  // The queue is created on first use: a child's effect (the first impression) runs before this component's effects.
  useEffect(() => {
    const flushNow = () => queueRef.current?.flushOnHide()
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flushNow()
    }
    window.addEventListener("pagehide", flushNow)
    document.addEventListener("visibilitychange", onVisibility)
    return () => {
      window.removeEventListener("pagehide", flushNow)
      document.removeEventListener("visibilitychange", onVisibility)
      queueRef.current?.destroy()
      queueRef.current = null
    }
  }, [config, impressionBatchMs])

  const count = ads?.length ?? 0
  const ad = count ? ads![seq % count] : undefined

  useEffect(() => {
    if (!ad || count < 2) return
    const timer = setTimeout(() => setSeq((s) => s + 1), Math.max(1, ad.display_duration_seconds || 10) * 1000)
    return () => clearTimeout(timer)
  }, [ad, count, seq])

  const report = useCallback(
    (impression: AdImpression) => {
      queueRef.current ??= createImpressionQueue(config, impressionBatchMs)
      queueRef.current.push(impression)
    },
    [config, impressionBatchMs]
  )

  if (!ad || !sessionToken) return null
  return (
    <AdCreative
      key={`${seq}:${ad.id}`}
      ad={ad}
      placement={placement}
      sessionId={sessionId}
      sessionToken={sessionToken}
      className={className}
      report={report}
      onClick={async () => openUrl(await clickAd(config, ad, placement, sessionToken))}
    />
  )
}

type AdCreativeProps = {
  ad: StoreAd
  placement: string
  sessionId?: string
  sessionToken: string
  className?: string
  report: (impression: AdImpression) => void
  onClick: () => void
}

function aspectRatioStyle(ratio?: string | null): CSSProperties | undefined {
  const match = ratio?.match(/^\s*(\d+(?:\.\d+)?)\s*[:/x]\s*(\d+(?:\.\d+)?)\s*$/)
  return match ? { aspectRatio: `${match[1]} / ${match[2]}` } : undefined
}

/** One render of one ad: one impression id, upgraded to viewable once. */
function AdCreative({ ad, placement, sessionId, sessionToken, className, report, onClick }: AdCreativeProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [impressionId] = useState(randomId)
  const reported = useRef({ shown: false, viewable: false })

  useEffect(() => {
    const base = {
      id: impressionId,
      ad_id: ad.id,
      placement,
      session_token: sessionToken,
      ...(sessionId ? { session_id: sessionId } : {}),
      ...(ad.serve_token ? { serve_token: ad.serve_token } : {}),
    }
    if (!reported.current.shown) {
      reported.current.shown = true
      report({ ...base, timestamp: new Date().toISOString() })
    }
    if (reported.current.viewable || !ref.current) return
    return observeViewability(ref.current, {
      durationMs: viewabilityDuration(ad.content_type),
      onViewable: () => {
        if (reported.current.viewable) return
        reported.current.viewable = true
        report({ ...base, viewable: true, timestamp: new Date().toISOString() })
      },
    })
  }, [ad, impressionId, placement, sessionId, sessionToken, report])

  return (
    <div
      ref={ref}
      className={className ?? "em-ad-slot"}
      data-ad-id={ad.id}
      data-placement={placement}
      role="link"
      tabIndex={0}
      aria-label={ad.name}
      style={{ cursor: "pointer", ...aspectRatioStyle(ad.aspect_ratio) }}
      onClick={onClick}
      onKeyDown={(e) => {
        if (e.key === "Enter") onClick()
      }}
    >
      {ad.content_type === "VIDEO" ? (
        <video src={ad.media_url} autoPlay muted loop playsInline style={{ width: "100%", height: "100%" }} />
      ) : (
        <img src={ad.media_url} alt={ad.name} style={{ width: "100%", height: "100%", objectFit: "cover" }} />
      )}
    </div>
  )
}
