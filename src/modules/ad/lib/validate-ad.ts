import { MedusaError } from "@medusajs/framework/utils"
import { AdDTO } from "../types"

type ScheduleAndCap = Partial<Pick<AdDTO, "starts_at" | "ends_at" | "frequency_cap" | "frequency_window_hours">>

/** Rules that span fields, checked on the merged ad so an update cannot break them either. */
export function assertValidAdConfig(ad: ScheduleAndCap) {
  if (ad.starts_at && ad.ends_at && new Date(ad.ends_at).getTime() <= new Date(ad.starts_at).getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "ends_at must be after starts_at")
  }
  if (ad.frequency_cap != null && !(Number(ad.frequency_window_hours) >= 1)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "a frequency_cap needs a frequency_window_hours of at least 1")
  }
}
