import { z } from "@medusajs/framework/zod"

export { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"
// `…/common-validators` is a folder: Medusa's `./api/*` export needs the file named.
export { booleanString } from "@medusajs/medusa/api/utils/common-validators/index"

/** The largest page a list answers unless its route says otherwise; a larger `limit` is a 400. */
export const MAX_PAGE_SIZE = 100

const numeric = (value: unknown) => (typeof value === "string" && value !== "" ? Number(value) : value)

/** `limit` of a list: 1…max (createFindParams alone accepts any number). */
export const pageLimit = ({ defaultLimit = 20, max = MAX_PAGE_SIZE }: { defaultLimit?: number; max?: number } = {}) =>
  z.preprocess(numeric, z.number().int().min(1).max(max).optional().default(defaultLimit))

export const pageOffset = () => z.preprocess(numeric, z.number().int().min(0).optional().default(0))

/** `?limit=&offset=` of a route that pages without createFindParams. */
export const createPageParams = (defaultLimit = 20) =>
  z.object({ limit: pageLimit({ defaultLimit }), offset: pageOffset() }).strict()
export type PageParamsType = { limit: number; offset: number }
