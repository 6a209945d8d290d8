import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"

export type ResolveOfferCartInput = {
  cart_id?: string
  customer_id: string
  currency_code: string
  sales_channel_id?: string
}

/** Uses the customer's open cart (checked for ownership and currency) or creates one; compensation deletes a created cart. */
export const resolveOfferCartStep = createStep(
  "resolve-offer-cart",
  async (input: ResolveOfferCartInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    if (input.cart_id) {
      const { data } = await query.graph({
        entity: "cart",
        fields: ["id", "customer_id", "currency_code", "completed_at"],
        filters: { id: input.cart_id },
      })
      const cart = data[0]
      // Another customer's cart answers exactly like a missing one.
      if (!cart || cart.customer_id !== input.customer_id) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${input.cart_id}`)
      }
      if (cart.completed_at) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed`)
      }
      if (cart.currency_code !== input.currency_code) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Cart currency ${cart.currency_code} does not match the offer's ${input.currency_code}`
        )
      }
      return new StepResponse({ cart_id: cart.id as string }, null)
    }
    const { data: regions } = await query.graph({
      entity: "region",
      fields: ["id"],
      filters: { currency_code: input.currency_code },
    })
    if (!regions.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `No region sells in ${input.currency_code}`)
    }
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email"],
      filters: { id: input.customer_id },
    })
    const { result } = await createCartWorkflow(container).run({
      input: {
        region_id: regions[0].id,
        customer_id: input.customer_id,
        email: customers[0]?.email ?? undefined,
        sales_channel_id: input.sales_channel_id,
      },
    })
    return new StepResponse({ cart_id: result.id }, result.id)
  },
  async (createdCartId, { container }) => {
    if (!createdCartId) {
      return
    }
    await container.resolve(Modules.CART).softDeleteCarts([createdCartId])
  }
)
