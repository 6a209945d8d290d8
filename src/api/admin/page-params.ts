import { z } from "@medusajs/framework/zod"

/** The largest page an admin list answers; a larger `limit` is a 400, as on the ads and events lists. */
export const MAX_ADMIN_PAGE = 100

const numeric = (value: unknown) => (typeof value === "string" && value !== "" ? Number(value) : value)

/** `limit` for an admin list: 1…MAX_ADMIN_PAGE (createFindParams alone accepts any number). */
export const adminPageLimit = (defaultLimit = 20) =>
  z.preprocess(numeric, z.number().int().min(1).max(MAX_ADMIN_PAGE).optional().default(defaultLimit))

export const adminPageOffset = () => z.preprocess(numeric, z.number().int().min(0).optional().default(0))

/** `?limit=&offset=` of an admin route that pages without createFindParams. */
export const AdminPageParams = (defaultLimit = 20) =>
  z.object({ limit: adminPageLimit(defaultLimit), offset: adminPageOffset() }).strict()
export type AdminPageParamsType = { limit: number; offset: number }
