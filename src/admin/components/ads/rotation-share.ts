import type { AdPlacement } from "../../../modules/ad/types"
import type { AdminAd } from "../../hooks/api/ads"
import { adStatus } from "./ad-status-badge"

export type RotationShare = { placement: AdPlacement; share: number }

type Rotating = Pick<AdminAd, "id" | "event_id" | "placements" | "weight" | "starts_at" | "ends_at" | "is_active" | "is_archived">

const slot = (productId: string, placement: string) => `${productId}\u0000${placement}`

/**
 * Each live ad's weight over the summed weight of the live ads of its event and placement:
 * the share of picks it gets before session targeting and frequency caps narrow the field.
 */
export function rotationShares(liveAds: Rotating[]): Map<string, RotationShare[]> {
  const live = liveAds.filter((ad) => adStatus(ad) === "live")
  const totals = new Map<string, number>()
  for (const ad of live) {
    for (const placement of ad.placements) {
      totals.set(slot(ad.event_id, placement), (totals.get(slot(ad.event_id, placement)) ?? 0) + Number(ad.weight))
    }
  }
  return new Map(
    live.map((ad) => [
      ad.id,
      ad.placements.map((placement) => {
        const total = totals.get(slot(ad.event_id, placement)) ?? 0
        return { placement, share: total > 0 ? Number(ad.weight) / total : 0 }
      }),
    ])
  )
}
