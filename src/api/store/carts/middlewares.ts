import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertCartChangeAllowed, releaseLineHolds } from "../../../cart-guard"
import type { CartItemInput } from "../../../cart-guard"

type Handler = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<void>

/**
 * The cart guard on Medusa's own store cart routes. These run after core's validators (so
 * `validatedBody` is there) and before core's handler; the matchers use core's parameter
 * names, else they would sort after the handler and never run.
 */
const guardCreate: Handler = async (req, _res, next) => {
  const body = req.validatedBody as { items?: CartItemInput[] }
  await assertCartChangeAllowed(req.scope, { kind: "create", items: body?.items ?? [] })
  next()
}

const guardAdd: Handler = async (req, _res, next) => {
  const body = req.validatedBody as CartItemInput
  await assertCartChangeAllowed(req.scope, { kind: "add", cart_id: req.params.id, items: [body] })
  next()
}

const guardUpdate: Handler = async (req, _res, next) => {
  const { quantity } = req.validatedBody as { quantity: number }
  const { id, line_id } = req.params
  await assertCartChangeAllowed(req.scope, { kind: "update", cart_id: id, line_id, quantity })
  if (quantity === 0) {
    await releaseLineHolds(req.scope, id, line_id) // Medusa removes a line updated to 0
  }
  next()
}

const releaseOnDelete: Handler = async (req, _res, next) => {
  await releaseLineHolds(req.scope, req.params.id, req.params.line_id)
  next()
}

const guardCheckout: Handler = async (req, _res, next) => {
  await assertCartChangeAllowed(req.scope, { kind: "checkout", cart_id: req.params.id, completing: true })
  next()
}

/** Opening a payment session is where a cart is paid for: check it before money is asked for. */
const guardPaymentSession: Handler = async (req, _res, next) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: req.params.id },
  })
  const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id
  if (cartId) {
    await assertCartChangeAllowed(req.scope, { kind: "checkout", cart_id: cartId, completing: false })
  }
  next()
}

export const storeCartGuardMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/carts", middlewares: [guardCreate] },
  { method: ["POST"], matcher: "/store/carts/:id/line-items", middlewares: [guardAdd] },
  { method: ["POST"], matcher: "/store/carts/:id/line-items/:line_id", middlewares: [guardUpdate] },
  { method: ["DELETE"], matcher: "/store/carts/:id/line-items/:line_id", middlewares: [releaseOnDelete] },
  { method: ["POST"], matcher: "/store/carts/:id/complete", middlewares: [guardCheckout] },
  { method: ["POST"], matcher: "/store/payment-collections/:id/payment-sessions", middlewares: [guardPaymentSession] },
]
