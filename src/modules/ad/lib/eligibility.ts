import { AdDTO } from "../types"

export type EligibilityContext = { placement: string; session_id?: string | null; now: Date }

type EligibilityFields = Pick<
  AdDTO,
  "is_active" | "is_archived" | "placements" | "target_sessions" | "starts_at" | "ends_at" | "weight"
>

/**
 * Whether an ad may be served: active, not archived, within [starts_at, ends_at)
 * (start inclusive, end exclusive), for this placement, and either untargeted or
 * targeting the viewer's session.
 */
export function isAdEligible(ad: EligibilityFields, { placement, session_id, now }: EligibilityContext): boolean {
  if (!ad.is_active || ad.is_archived || !(Number(ad.weight) > 0)) {
    return false
  }
  if (ad.starts_at && new Date(ad.starts_at).getTime() > now.getTime()) {
    return false
  }
  if (ad.ends_at && new Date(ad.ends_at).getTime() <= now.getTime()) {
    return false
  }
  if (!(ad.placements ?? []).includes(placement as AdDTO["placements"][number])) {
    return false
  }
  const targets = ad.target_sessions ?? []
  return targets.length === 0 || (!!session_id && targets.includes(session_id))
}
