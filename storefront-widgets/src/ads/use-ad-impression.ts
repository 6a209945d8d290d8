"use client"

import { RefObject, useEffect, useRef, useState } from "react"
import { randomId } from "../session-token.js"
import type { AdImpression } from "./ad-slot.js"
import type { StoreAd } from "../types.js"
import { observeViewability, viewabilityDuration } from "./viewability.js"

export type AdImpressionContext = {
  placement: string
  sessionId?: string
  sessionToken: string
  report: (impression: AdImpression) => void
}

/**
 * One render of one ad: one impression id, upgraded to viewable once (MRC rule on `element`).
 * `viewableOnShow`: the creative covers the page (an interstitial), so it is viewable when shown.
 */
export function useAdImpression(
  ad: StoreAd,
  { placement, sessionId, sessionToken, report }: AdImpressionContext,
  element: RefObject<HTMLElement | null>,
  viewableOnShow = false
) {
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
      reported.current.viewable = viewableOnShow
      report({ ...base, ...(viewableOnShow ? { viewable: true } : {}), timestamp: new Date().toISOString() })
    }
    if (reported.current.viewable || !element.current) return
    return observeViewability(element.current, {
      durationMs: viewabilityDuration(ad.content_type),
      onViewable: () => {
        if (reported.current.viewable) return
        reported.current.viewable = true
        report({ ...base, viewable: true, timestamp: new Date().toISOString() })
      },
    })
  }, [ad, impressionId, placement, sessionId, sessionToken, report, element, viewableOnShow])
}
