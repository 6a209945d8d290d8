"use client"

import { useEffect, useRef } from "react"
import { createPortal } from "react-dom"
import { AdMedia, aspectRatioStyle } from "./ad-media.js"
import type { StoreAd } from "../types.js"
import { AdImpressionContext, useAdImpression } from "./use-ad-impression.js"

type InterstitialOverlayProps = AdImpressionContext & {
  ad: StoreAd
  onClick: () => void
  onClose: () => void
}

/**
 * An INTERSTITIAL ad as a modal overlay over the page: closed by its button, Escape or the
 * backdrop, and by itself after the ad's `display_duration_seconds`. Focus moves to the close
 * button and back when it closes. Rendered only after mount (it is chosen in an effect), so it
 * may portal into `document.body`.
 */
export function InterstitialOverlay({ ad, onClick, onClose, ...context }: InterstitialOverlayProps) {
  const dialogRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  useAdImpression(ad, context, dialogRef, true)

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    closeRef.current?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose()
    }
    document.addEventListener("keydown", onKey)
    const timer = setTimeout(onClose, Math.max(1, ad.display_duration_seconds || 30) * 1000)
    return () => {
      document.removeEventListener("keydown", onKey)
      clearTimeout(timer)
      previous?.focus?.()
    }
  }, [ad, onClose])

  const titleId = `em-ad-${ad.id}-dialog-title`
  return createPortal(
    <div
      className="em-ad-interstitial-backdrop"
      style={{
        position: "fixed",
        inset: 0,
        zIndex: 2147483000,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "rgba(0, 0, 0, 0.6)",
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="em-ad-interstitial"
        data-ad-id={ad.id}
        data-placement={context.placement}
        data-content-type={ad.content_type}
        style={{ position: "relative", width: "min(90vw, 960px)", background: "#fff" }}
      >
        <p id={titleId} className="em-ad-label">
          Sponsored: {ad.name}
        </p>
        <button ref={closeRef} type="button" aria-label="Close ad" onClick={onClose} style={{ position: "absolute", top: 8, right: 8 }}>
          ×
        </button>
        <div
          role="link"
          tabIndex={0}
          aria-label={ad.name}
          style={{ cursor: "pointer", ...(aspectRatioStyle(ad.aspect_ratio) ?? { aspectRatio: "16 / 9" }) }}
          onClick={onClick}
          onKeyDown={(event) => {
            if (event.key === "Enter") onClick()
          }}
        >
          <AdMedia ad={ad} />
        </div>
      </div>
    </div>,
    document.body
  )
}
