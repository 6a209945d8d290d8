"use client"

import { useRef } from "react"
import { AdMedia, aspectRatioStyle } from "./ad-media.js"
import type { StoreAd } from "../types.js"
import { AdImpressionContext, useAdImpression } from "./use-ad-impression.js"

type SponsoredSessionCardProps = AdImpressionContext & {
  ad: StoreAd
  className?: string
  onClick: () => void
}

/**
 * A SPONSORED_SESSION ad: a card for the sponsored session (its title is the ad's name, its link
 * the ad's click URL), labelled as sponsored. The link goes through the ad's click tracking.
 */
export function SponsoredSessionCard({ ad, className, onClick, ...context }: SponsoredSessionCardProps) {
  const ref = useRef<HTMLElement>(null)
  useAdImpression(ad, context, ref)
  const sponsor = typeof ad.sponsor_name === "string" && ad.sponsor_name ? ad.sponsor_name : null
  const titleId = `em-ad-${ad.id}-title`
  return (
    <article
      ref={ref}
      className={className ?? "em-ad-slot em-ad-sponsored-session"}
      data-ad-id={ad.id}
      data-placement={context.placement}
      data-content-type={ad.content_type}
      aria-labelledby={titleId}
    >
      <div style={aspectRatioStyle(ad.aspect_ratio)}>
        <AdMedia ad={ad} />
      </div>
      <p className="em-ad-label">Sponsored</p>
      <h3 id={titleId}>{ad.name}</h3>
      {sponsor ? <p className="em-ad-sponsor">Presented by {sponsor}</p> : null}
      <a
        href={typeof ad.signed_click_url === "string" ? ad.signed_click_url : ad.click_url}
        onClick={(event) => {
          event.preventDefault()
          onClick()
        }}
      >
        View session
      </a>
    </article>
  )
}
