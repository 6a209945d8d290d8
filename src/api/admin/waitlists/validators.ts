import { z } from "@medusajs/framework/zod"

export const MAX_ADMIN_WAITLISTS_PAGE = 500

export const AdminGetWaitlistsParams = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_ADMIN_WAITLISTS_PAGE).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminGetWaitlistsParamsType = z.infer<typeof AdminGetWaitlistsParams>
