import { PhotoSolid, PlaySolid } from "@medusajs/icons"
import { useState } from "react"
import type { AdminAd } from "../../hooks/api/ads"

const FRAME = "bg-ui-bg-component border-ui-border-base flex h-9 w-14 shrink-0 items-center justify-center overflow-hidden rounded-md border"

/** A small picture of the creative; videos get an icon so the list does not download them. */
export const AdThumbnail = ({ ad }: { ad: Pick<AdminAd, "content_type" | "media_url" | "name"> }) => {
  const [broken, setBroken] = useState(false)
  if (ad.content_type === "VIDEO") {
    return (
      <div className={FRAME} title="Video">
        <PlaySolid className="text-ui-fg-muted" />
      </div>
    )
  }
  return (
    <div className={FRAME}>
      {broken ? (
        <PhotoSolid className="text-ui-fg-muted" aria-label="Image unavailable" />
      ) : (
        <img
          src={ad.media_url}
          alt={ad.name}
          className="h-full w-full object-cover"
          loading="lazy"
          onError={() => setBroken(true)}
          data-testid="ad-thumbnail"
        />
      )}
    </div>
  )
}
