import { z } from "@medusajs/framework/zod"

export const AdminOfferNextWaitlistSeats = z.object({ count: z.number().int().min(1).max(1000).default(1) }).strict()
export type AdminOfferNextWaitlistSeatsType = z.infer<typeof AdminOfferNextWaitlistSeats>
