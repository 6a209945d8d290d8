import type { CSSProperties } from "react"
import type { StoreAd } from "../types.js"

/** `16:9` (also `16/9`, `16x9`) as a CSS aspect ratio; none when the ad has none. */
export function aspectRatioStyle(ratio?: string | null): CSSProperties | undefined {
  const match = ratio?.match(/^\s*(\d+(?:\.\d+)?)\s*[:/x]\s*(\d+(?:\.\d+)?)\s*$/)
  return match ? { aspectRatio: `${match[1]} / ${match[2]}` } : undefined
}

/** The creative itself: a muted looping video for VIDEO, else the image. */
export function AdMedia({ ad }: { ad: StoreAd }) {
  return ad.content_type === "VIDEO" ? (
    <video src={ad.media_url} autoPlay muted loop playsInline style={{ width: "100%", height: "100%" }} />
  ) : (
    <img src={ad.media_url} alt={ad.name} style={{ width: "100%", height: "100%", objectFit: "cover" }} />
  )
}
