export const formatDateTime = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString() : "-"

/** "4:05" or "1:02:03" for a positive duration; null once it has run out. */
export const formatRemaining = (ms: number): string | null => {
  if (ms <= 0) {
    return null
  }
  const total = Math.ceil(ms / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, "0")
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`
}

export const count = (value: number | null | undefined) => (value === null || value === undefined ? "-" : String(value))

const REASONS: Record<string, string> = {
  offer_lapsed: "Offer not answered in time",
  checkout_not_completed: "Checkout not completed in time",
  released_by_organizer: "Released by the organizer",
  removed_by_organizer: "Removed by the organizer",
}

/** Why an entry ended (EXPIRED or LEFT), from its last audit row; null while it is live. */
export const endReason = (audit: { action: string; details: Record<string, unknown> | null }[]): string | null => {
  const last = audit[audit.length - 1]
  const reason = last && (last.action === "EXPIRED" || last.action === "LEFT") ? last.details?.reason : undefined
  if (typeof reason === "string") {
    return REASONS[reason] ?? reason
  }
  return last?.action === "LEFT" ? "Left the list" : last?.action === "DECLINED" ? "Declined the offer" : null
}
