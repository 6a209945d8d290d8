import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createPaymentCollectionForCartWorkflow } from "@medusajs/medusa/core-flows"

/** Answers the cart's payment collection, creating it when the cart has none. */
export const ensureOfferCartPaymentCollectionStep = createStep(
  "ensure-offer-cart-payment-collection",
  async (input: { cart_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const read = async () =>
      (
        await query.graph({
          entity: "cart",
          fields: ["id", "payment_collection.id"],
          filters: { id: input.cart_id },
        })
      ).data[0]?.payment_collection?.id as string | undefined
    const existing = await read()
    if (existing) {
      return new StepResponse({ payment_collection_id: existing })
    }
    await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: input.cart_id } })
    return new StepResponse({ payment_collection_id: (await read())! })
  }
)
