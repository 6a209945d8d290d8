import { z } from "@medusajs/framework/zod"

export const StoreJoinWaitlist = z.object({ quantity: z.number().int().min(1).max(10).default(1) }).strict()
export type StoreJoinWaitlistType = z.infer<typeof StoreJoinWaitlist>

export const StoreWaitlistToken = z
  .object({
    join_token: z.string().min(16).max(200),
    /** Region of the cart; the store's default region (else the first one) when omitted. */
    region_id: z.string().optional(),
  })
  .strict()
export type StoreWaitlistTokenType = z.infer<typeof StoreWaitlistToken>
