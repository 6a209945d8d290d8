import {
  addToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  validateAddToCart,
  validateCompleteCart,
  validateCreateCart,
  validateUpdateLineItem,
} from "medusa-plugin-event-monetization/cart-guard"

type Item = { quantity?: unknown; metadata?: Record<string, unknown> | null }

const refuse = (message: string) => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Host: ${message}`)
}

// The host's own rules (a ticket-booking app's), each beside the plugin's check: the README sample.
createCartWorkflow.hooks.validate(async (args, context) => {
  if (((args.input as { items?: Item[] }).items ?? []).some((item) => Number(item.quantity ?? 1) > 8)) {
    refuse("at most 8 tickets per order")
  }
  await validateCreateCart(args, context)
})

addToCartWorkflow.hooks.validate(async (args, context) => {
  const query = context.container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["items.metadata"], filters: { id: args.input.cart_id } })
  const taken = new Set(((data[0]?.items ?? []) as Item[]).map((item) => item?.metadata?.seat_id).filter(Boolean))
  if ((args.input.items as Item[]).some((item) => item.metadata?.seat_id && taken.has(item.metadata.seat_id))) {
    refuse("one ticket per seat")
  }
  await validateAddToCart(args, context)
})

updateLineItemInCartWorkflow.hooks.validate(async (args, context) => {
  const item = ((args.cart as { items?: (Item & { id: string })[] }).items ?? []).find((i) => i.id === args.input.item_id)
  if (item?.metadata?.seat_id && Number(args.input.update.quantity) > 1) {
    refuse("one ticket per seat")
  }
  await validateUpdateLineItem(args, context)
})

completeCartWorkflow.hooks.validate(async (args, context) => {
  if ((args.cart as { email?: string | null }).email?.endsWith("@blocked.test")) {
    refuse("this buyer is blocked")
  }
  await validateCompleteCart(args, context)
})
