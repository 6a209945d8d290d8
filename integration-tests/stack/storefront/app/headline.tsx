"use client"

import { useABTest } from "@event-monetization/storefront-widgets"
import type { ABVariantWeight } from "@event-monetization/storefront-widgets/types"

type Variant = ABVariantWeight & { headline: string }

export function Headline({ testId, eventId, variants }: { testId: string; eventId: string; variants: Variant[] }) {
  const { variant } = useABTest(testId, variants, { eventId })
  // null on the server and while hydrating: the session token is the browser's.
  const headline = variants.find((v) => v.id === variant)?.headline
  return (
    <h1 className="stack-headline" data-variant={variant ?? ""}>
      {headline ?? "Summer Stack Conference"}
    </h1>
  )
}
