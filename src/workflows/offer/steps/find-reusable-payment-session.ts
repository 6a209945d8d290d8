import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type SessionRow = { id: string; provider_id: string; status: string; amount: BigNumberInput; data: unknown }

/** A pending session of the provider for the collection's current amount (a retried checkout reuses it), or null. */
export const findReusablePaymentSessionStep = createStep(
  "find-reusable-payment-session",
  async (input: { payment_collection_id: string; provider_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "payment_collection",
      fields: [
        "id",
        "amount",
        "payment_sessions.id",
        "payment_sessions.provider_id",
        "payment_sessions.status",
        "payment_sessions.amount",
        "payment_sessions.data",
      ],
      filters: { id: input.payment_collection_id },
    })
    const collection = data[0] as { amount: BigNumberInput; payment_sessions?: (SessionRow | null)[] } | undefined
    const session = (collection?.payment_sessions ?? []).find(
      (s) =>
        !!s &&
        s.provider_id === input.provider_id &&
        s.status === "pending" &&
        MathBN.eq(s.amount, collection!.amount)
    )
    return new StepResponse(session ?? null)
  }
)
