import { z } from "@medusajs/framework/zod"

export const StoreJoinWaitlist = z
  .object({
    /** Capped by the `waitlistMaxQuantity` option and the session's capacity (checked when joining). */
    quantity: z.number().int().min(1).max(100).default(1),
    /** At the head of the list, take fewer seats than asked when that is what is free. */
    accept_partial: z.boolean().default(false),
  })
  .strict()
export type StoreJoinWaitlistType = z.infer<typeof StoreJoinWaitlist>

export const StoreWaitlistToken = z
  .object({
    join_token: z.string().min(16).max(200),
    /** Region of the cart; the store's default region (else the first one) when omitted. */
    region_id: z.string().optional(),
  })
  .strict()
export type StoreWaitlistTokenType = z.infer<typeof StoreWaitlistToken>
