"use client"

import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { useMonetizationConfig } from "../config.js"
import { useSessionToken } from "../hydration.js"
import { randomId } from "../session-token.js"
import { MonetizationConfig, storeFetch } from "../store-api.js"
import type { StoreAdClickResponse } from "../types.js"
import { AdMedia, aspectRatioStyle } from "./ad-media.js"
import { InterstitialOverlay } from "./interstitial-overlay.js"
import { rememberInterstitialShown, wasInterstitialShown } from "./interstitial-memory.js"
import { SponsoredSessionCard } from "./sponsored-session-card.js"
import { StoreAd, useAds } from "./use-ads.js"
import { AdImpressionContext, useAdImpression } from "./use-ad-impression.js"

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
    const body = await storeFetch<Partial<StoreAdClickResponse>>(config, `/store/ads/${encodeURIComponent(ad.id)}/click`, {
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

/**
 * Shows the server's ads for a placement, reporting impressions, viewability and clicks: BANNER and
 * VIDEO in the slot, SPONSORED_SESSION as a session card, rotating every `display_duration_seconds`;
 * an INTERSTITIAL as a dismissable overlay, at most once per cap window in this browser.
 */
export function AdSlot({ eventId, placement, sessionId, limit = 3, className, impressionBatchMs = 1000 }: AdSlotProps) {
  const config = useMonetizationConfig()
  // Ads are per viewer: none on the server, fetched once the browser's token is known.
  const sessionToken = useSessionToken()
  const { data: ads } = useAds({ eventId, placement, sessionId, limit, sessionToken: sessionToken ?? undefined, enabled: !!sessionToken })
  const [seq, setSeq] = useState(0)
  const queueRef = useRef<ImpressionQueue | null>(null)
  const [overlay, setOverlay] = useState<StoreAd | null>(null)
  const overlayPicked = useRef(false)

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

  // One overlay per mount, chosen after mount: what this browser was shown lives in localStorage.
  useEffect(() => {
    if (overlayPicked.current || !ads) return
    const now = Date.now()
    const next = ads.find((candidate) => candidate.content_type === "INTERSTITIAL" && !wasInterstitialShown(candidate, now))
    if (!next) return
    overlayPicked.current = true
    rememberInterstitialShown(next, now)
    setOverlay(next)
  }, [ads])
  const closeOverlay = useCallback(() => setOverlay(null), [])

  const inline = useMemo(() => (ads ?? []).filter((candidate) => candidate.content_type !== "INTERSTITIAL"), [ads])
  const count = inline.length
  const ad = count ? inline[seq % count] : undefined

  useEffect(() => {
    if (!ad || count < 2) return
    const timer = setTimeout(() => setSeq((s) => s + 1), Math.max(1, ad.display_duration_seconds || 30) * 1000)
    return () => clearTimeout(timer)
  }, [ad, count, seq])

  const report = useCallback(
    (impression: AdImpression) => {
      queueRef.current ??= createImpressionQueue(config, impressionBatchMs)
      queueRef.current.push(impression)
    },
    [config, impressionBatchMs]
  )
  if (!sessionToken) return null
  const context: AdImpressionContext = { placement, sessionId, sessionToken, report }
  const clickThrough = (target: StoreAd) => async () => openUrl(await clickAd(config, target, placement, sessionToken))

  return (
    <>
      {ad?.content_type === "SPONSORED_SESSION" ? (
        <SponsoredSessionCard key={`${seq}:${ad.id}`} ad={ad} className={className} onClick={clickThrough(ad)} {...context} />
      ) : ad ? (
        <AdCreative key={`${seq}:${ad.id}`} ad={ad} className={className} onClick={clickThrough(ad)} {...context} />
      ) : null}
      {overlay ? <InterstitialOverlay ad={overlay} onClick={clickThrough(overlay)} onClose={closeOverlay} {...context} /> : null}
    </>
  )
}

type AdCreativeProps = AdImpressionContext & {
  ad: StoreAd
  className?: string
  onClick: () => void
}

/** A BANNER or VIDEO ad in the slot, the whole creative a link. */
function AdCreative({ ad, className, onClick, ...context }: AdCreativeProps) {
  const ref = useRef<HTMLDivElement>(null)
  useAdImpression(ad, context, ref)
  return (
    <div
      ref={ref}
      className={className ?? "em-ad-slot"}
      data-ad-id={ad.id}
      data-placement={context.placement}
      data-content-type={ad.content_type}
      role="link"
      tabIndex={0}
      aria-label={ad.name}
      style={{ cursor: "pointer", ...aspectRatioStyle(ad.aspect_ratio) }}
      onClick={onClick}
      onKeyDown={(e) => {
        if (e.key === "Enter") onClick()
      }}
    >
      <AdMedia ad={ad} />
    </div>
  )
}
