import { z } from "@medusajs/framework/zod"

export const AdminOfferNextWaitlistSeats = z.object({ count: z.number().int().min(1).max(1000).default(1) }).strict()
export type AdminOfferNextWaitlistSeatsType = z.infer<typeof AdminOfferNextWaitlistSeats>

export const AdminWaitlistEntryIds = z.object({ entry_ids: z.array(z.string().min(1).max(100)).min(1).max(500) }).strict()
export type AdminWaitlistEntryIdsType = z.infer<typeof AdminWaitlistEntryIds>

/** `enabled: null` clears a session's own setting (it then follows its product). */
export const AdminWaitlistSettings = z.object({ enabled: z.boolean().nullable() }).strict()
export type AdminWaitlistSettingsType = z.infer<typeof AdminWaitlistSettings>
