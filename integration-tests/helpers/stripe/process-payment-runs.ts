import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { processPaymentWorkflowId } from "@medusajs/medusa/core-flows"

export type ProcessPaymentRun = { transactionId: string; errors: unknown[] }

/**
 * Inside a runner's suite: makes Stripe webhooks run without the 5 s delay and records
 * each finished run of the workflow the webhook subscriber starts. Tests wait for these
 * runs rather than for the first visible effect: completeCartWorkflow links the order
 * before it authorizes the payment, and a run still going when the runner drops the
 * database fails with "DriverException: aborted".
 */
export function trackProcessPaymentRuns(getContainer: () => MedusaContainer): ProcessPaymentRun[] {
  const runs: ProcessPaymentRun[] = []
  const onEvent = (event: { eventType: string; transactionId: string; errors?: unknown[] }) => {
    if (event.eventType === "onFinish") {
      runs.push({ transactionId: event.transactionId, errors: event.errors ?? [] })
    }
  }

  beforeAll(async () => {
    // 2.21.2's webhook route reads `webhook_delay` from `paymentModule.options`, which the
    // module never sets; set it on the resolved singleton (0 would fall back to 5000).
    const paymentModule = getContainer().resolve(Modules.PAYMENT) as unknown as { options?: object }
    paymentModule.options = { ...(paymentModule.options ?? {}), webhook_delay: 50 }
    await getContainer()
      .resolve(Modules.WORKFLOW_ENGINE)
      .subscribe({ workflowId: processPaymentWorkflowId, subscriber: onEvent })
  })

  afterAll(async () => {
    await getContainer()
      ?.resolve(Modules.WORKFLOW_ENGINE)
      .unsubscribe({ workflowId: processPaymentWorkflowId, subscriberOrId: onEvent })
  })

  return runs
}
