import { z } from "@medusajs/framework/zod"
import { createPageParams } from "../../utils/validators"

export const AdminOfferNextWaitlistSeats = z.object({ count: z.number().int().min(1).max(1000).default(1) }).strict()
export type AdminOfferNextWaitlistSeatsType = z.infer<typeof AdminOfferNextWaitlistSeats>

export const AdminWaitlistEntryIds = z.object({ entry_ids: z.array(z.string().min(1).max(100)).min(1).max(500) }).strict()
export type AdminWaitlistEntryIdsType = z.infer<typeof AdminWaitlistEntryIds>

/** `enabled: null` clears a session's own setting (it then follows its product). */
export const AdminWaitlistSettings = z.object({ enabled: z.boolean().nullable() }).strict()
export type AdminWaitlistSettingsType = z.infer<typeof AdminWaitlistSettings>

/** A page of a session's entries in list order (each with its whole audit trail). */
export const AdminGetSessionWaitlistParams = createPageParams(50)
export type AdminGetSessionWaitlistParamsType = z.infer<typeof AdminGetSessionWaitlistParams>

/** A page of an event's offers, ads and A/B tests (the same page of each). */
export const AdminGetEventMonetizationParams = createPageParams(50)
export type AdminGetEventMonetizationParamsType = z.infer<typeof AdminGetEventMonetizationParams>

/** A page of the sessions that have a waitlist. */
export const AdminGetWaitlistsParams = createPageParams(50)
export type AdminGetWaitlistsParamsType = z.infer<typeof AdminGetWaitlistsParams>
