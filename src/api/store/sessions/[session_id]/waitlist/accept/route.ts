import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { acceptWaitlistOfferWorkflow } from "../../../../../../workflows/waitlist"
import { resolveCartRegion, serializeEntry } from "../../../helpers"
import { StoreWaitlistTokenType } from "../../../validators"
import type { StoreWaitlistAcceptResponse } from "../../../../../../types/waitlists"

/** Spends the join token: answers a cart holding the seat, ready for checkout. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreWaitlistTokenType>, res: MedusaResponse<StoreWaitlistAcceptResponse>) => {
  const salesChannelIds = (req as { publishable_key_context?: { sales_channel_ids?: string[] } })
    .publishable_key_context?.sales_channel_ids
  const { result } = await acceptWaitlistOfferWorkflow(req.scope).run({
    input: {
      session_id: req.params.session_id,
      customer_id: req.auth_context.actor_id,
      join_token: req.validatedBody.join_token,
      region_id: await resolveCartRegion(req.scope, req.validatedBody.region_id),
      sales_channel_id: salesChannelIds?.[0],
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "region_id", "sales_channel_id", "currency_code", "total", "items.*"],
    filters: { id: result.cart_id },
  })
  res.json({ cart: carts[0], waitlist_entry: await serializeEntry(req.scope, { ...result.entry, cart_id: result.cart_id }) })
}
