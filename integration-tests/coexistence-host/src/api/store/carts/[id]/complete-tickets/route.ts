import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"

/** The ticket-booking recipe's own completion route: it runs completeCartWorkflow itself, so no plugin middleware sees it. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await completeCartWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ type: "order", order: { id: result.id } })
}
