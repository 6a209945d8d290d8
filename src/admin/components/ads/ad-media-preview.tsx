import { ExclamationCircle, Photo } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import { useState } from "react"
import type { AdContentType } from "../../../modules/ad/types"
import { isHttpUrl } from "./http-url"
import { useDebouncedValue } from "./use-debounced-value"

type PreviewState = "empty" | "loading" | "loaded" | "broken"

type AdMediaPreviewProps = {
  url: string
  contentType: AdContentType
  alt: string
  aspectRatio?: string
}

const ratio = (aspectRatio?: string) => {
  const [w, h] = (aspectRatio ?? "").split(":").map(Number)
  return w > 0 && h > 0 ? `${w} / ${h}` : "16 / 9"
}

/** Shows the creative as the storefront would load it; the URL is read once typing pauses. */
export const AdMediaPreview = ({ url, contentType, alt, aspectRatio }: AdMediaPreviewProps) => {
  const settled = useDebouncedValue(url.trim(), 400)
  const src = isHttpUrl(settled) ? settled : ""
  // Keyed by source and type, so a late event from a previous URL cannot overwrite the current state.
  const key = `${contentType} ${src}`
  const [outcome, setOutcome] = useState<{ key: string; state: PreviewState }>()
  const state: PreviewState = !src ? "empty" : outcome?.key === key ? outcome.state : "loading"
  const setState = (next: PreviewState) => setOutcome({ key, state: next })

  const media =
    contentType === "VIDEO" ? (
      <video
        key={key}
        src={src}
        muted
        controls
        playsInline
        preload="metadata"
        className="h-full w-full object-contain"
        onLoadedMetadata={() => setState("loaded")}
        onError={() => setState("broken")}
        data-testid="ad-preview-video"
      />
    ) : (
      <img
        key={key}
        src={src}
        alt={alt || "Ad preview"}
        className="h-full w-full object-contain"
        onLoad={() => setState("loaded")}
        onError={() => setState("broken")}
        data-testid="ad-preview-image"
      />
    )

  return (
    <div className="flex flex-col gap-y-2" data-testid="ad-media-preview" data-state={state}>
      <div
        className="bg-ui-bg-subtle border-ui-border-base relative flex w-full items-center justify-center overflow-hidden rounded-lg border"
        style={{ aspectRatio: ratio(aspectRatio) }}
      >
        {src && state !== "broken" && media}
        {state === "empty" && (
          <div className="text-ui-fg-muted flex flex-col items-center gap-y-1">
            <Photo />
            <Text size="xsmall">Enter an http(s) media URL to preview it</Text>
          </div>
        )}
        {state === "broken" && (
          <div className="text-ui-fg-error flex flex-col items-center gap-y-1 px-4 text-center" data-testid="ad-preview-broken">
            <ExclamationCircle />
            <Text size="xsmall">The media at this URL could not be loaded. Check the address or the file type.</Text>
          </div>
        )}
      </div>
      {state === "loading" && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          Loading preview…
        </Text>
      )}
    </div>
  )
}
