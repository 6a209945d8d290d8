/** How deep a client's `metadata` object may nest (the object itself is depth 1). */
export const MAX_METADATA_DEPTH = 5

function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") {
    return 0
  }
  const children = Object.values(value as Record<string, unknown>)
  return 1 + children.reduce<number>((deepest, child) => Math.max(deepest, depthOf(child)), 0)
}

/**
 * Why a client event's metadata is refused, or null when it fits: at most `maxBytes`
 * serialized (UTF-8) and MAX_METADATA_DEPTH levels deep. Bounds what one event can cost.
 */
export function metadataProblem(metadata: unknown, maxBytes: number): string | null {
  if (metadata === undefined || metadata === null) {
    return null
  }
  const bytes = Buffer.byteLength(JSON.stringify(metadata), "utf8")
  if (bytes > maxBytes) {
    return `metadata: ${bytes} bytes serialized, at most ${maxBytes} allowed`
  }
  // Depth is checked after size, so the walk is bounded by maxBytes.
  if (depthOf(metadata) > MAX_METADATA_DEPTH) {
    return `metadata: nested deeper than ${MAX_METADATA_DEPTH} levels`
  }
  return null
}
