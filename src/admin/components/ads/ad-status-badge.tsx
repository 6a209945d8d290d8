import { StatusBadge } from "@medusajs/ui"
import type { AdminAd } from "../../hooks/api/ads"

export type AdStatus = "live" | "scheduled" | "ended" | "paused" | "archived"

type Schedulable = Pick<AdminAd, "is_archived" | "is_active" | "starts_at" | "ends_at">

/** What a shopper would see now: archived and paused win over the schedule. */
export const adStatus = (ad: Schedulable, now = Date.now()): AdStatus => {
  if (ad.is_archived) {
    return "archived"
  }
  if (!ad.is_active) {
    return "paused"
  }
  if (ad.starts_at && new Date(ad.starts_at).getTime() > now) {
    return "scheduled"
  }
  if (ad.ends_at && new Date(ad.ends_at).getTime() <= now) {
    return "ended"
  }
  return "live"
}

const BADGES: Record<AdStatus, { label: string; color: "green" | "blue" | "orange" | "grey" | "red" }> = {
  live: { label: "Live", color: "green" },
  scheduled: { label: "Scheduled", color: "blue" },
  ended: { label: "Ended", color: "orange" },
  paused: { label: "Paused", color: "grey" },
  archived: { label: "Archived", color: "red" },
}

export const AdStatusBadge = ({ ad }: { ad: AdminAd }) => {
  const { label, color } = BADGES[adStatus(ad)]
  return (
    <StatusBadge color={color} data-testid="ad-status">
      {label}
    </StatusBadge>
  )
}
