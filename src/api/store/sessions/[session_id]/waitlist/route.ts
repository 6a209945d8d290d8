import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { joinWaitlistWorkflow, leaveWaitlistWorkflow } from "../../../../../workflows/waitlist"
import { answerConflict, requireEntry, serializeEntry } from "../../helpers"
import { StoreJoinWaitlistType } from "../../validators"
import type { StoreWaitlistEntryResponse, StoreWaitlistLeaveResponse } from "../../../../../types/waitlists"

/** Joins a full session's waitlist (201); joining again answers the same entry. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreJoinWaitlistType>, res: MedusaResponse<StoreWaitlistEntryResponse>) => {
  const { result, errors } = await joinWaitlistWorkflow(req.scope).run({
    input: {
      session_id: req.params.session_id,
      customer_id: req.auth_context.actor_id,
      quantity: req.validatedBody.quantity,
      accept_partial: req.validatedBody.accept_partial,
    },
    throwOnError: false,
  })
  if (answerConflict(res, errors)) {
    return
  }
  res.status(result.created ? 201 : 200).json({ waitlist_entry: await serializeEntry(req.scope, result.entry) })
}

/** The customer's entry with position, total, ETA and the open offer's expiry. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreWaitlistEntryResponse>) => {
  const entry = await requireEntry(req.scope, req.params.session_id, req.auth_context.actor_id)
  res.json({ waitlist_entry: await serializeEntry(req.scope, entry) })
}

/** Leaves the waitlist. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreWaitlistLeaveResponse>) => {
  const { result } = await leaveWaitlistWorkflow(req.scope).run({
    input: { session_id: req.params.session_id, customer_id: req.auth_context.actor_id },
  })
  res.json({ id: result.id, object: "waitlist_entry", deleted: true })
}
