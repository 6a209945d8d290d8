import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClientContext } from "../../../lib/ingestion/client-context"
import type { RejectedItem } from "../../../lib/ingestion/validate-batch"
import { ABTEST_MODULE } from "../../../modules/abtest"
import { abEventDedupKey } from "../../../modules/abtest/dedup"
import type AbTestModuleService from "../../../modules/abtest/service"
import { AbEventInput, AbExperimentDTO, AbTrackEvent } from "../../../modules/abtest/types"
import { assignVariant } from "../../../shared/ab-assignment"

export type ValidateAbEventsStepInput = { events: AbTrackEvent[]; context: ClientContext; received_at: Date }

const exposureKey = (event: { test_id: string; session_token: string }) => `${event.test_id}\n${event.session_token}`

/**
 * Checks each schema-valid event against its experiment and trusts the rule, not the client:
 * known and running test, same event, the variant the shared DJB2 rule assigns this session,
 * `goal_value` within 0..`abTests.maxGoalValue`, and a conversion or metric only for a session
 * whose view the server recorded (stored, or earlier in this batch). Turns the accepted ones into
 * rows with their dedup key. Read-only.
 */
export const validateAbEventsStep = createStep(
  "validate-ab-events",
  async ({ events, context, received_at }: ValidateAbEventsStepInput, { container }) => {
    const service: AbTestModuleService = container.resolve(ABTEST_MODULE)
    const testIds = [...new Set(events.map((event) => event.test_id))]
    const experiments = testIds.length
      ? ((await service.listAbExperiments({ test_id: testIds }, { take: testIds.length })) as unknown as AbExperimentDTO[])
      : []
    const byTestId = new Map(experiments.map((experiment) => [experiment.test_id, experiment]))
    const { maxGoalValue } = (await service.getOptions()).abTests
    const outcomes = events.filter((event) => event.event_type !== "variant_view")
    const exposed = await service.listExposedSessions(
      outcomes.map((event) => ({ test_id: event.test_id, session_token: event.session_token }))
    )
    const rows: AbEventInput[] = []
    const rejected: RejectedItem[] = []
    for (const event of events) {
      const experiment = byTestId.get(event.test_id)
      if (!experiment) {
        rejected.push({ index: event.index, reason: "test_id: unknown A/B test" })
        continue
      }
      const problem = rejectionReason(event, experiment, maxGoalValue) ?? exposureProblem(event, exposed)
      if (problem) {
        rejected.push({ index: event.index, reason: problem })
        continue
      }
      if (event.event_type === "variant_view") {
        exposed.add(exposureKey(event))
      }
      rows.push(toRow(event, experiment, context, received_at))
    }
    return new StepResponse({ rows, rejected })
  }
)

function rejectionReason(event: AbTrackEvent, experiment: AbExperimentDTO, maxGoalValue: number): string | null {
  if (experiment.status !== "RUNNING") {
    return `test_id: A/B test is not running (${experiment.status})`
  }
  if (experiment.event_id !== event.event_id) {
    return "event_id: does not match the A/B test's event"
  }
  if (!experiment.variants.some((variant) => variant.id === event.variant_id)) {
    return "variant_id: not a variant of this A/B test"
  }
  const assigned = assignVariant(event.session_token, experiment.test_id, experiment.variants)
  if (assigned !== event.variant_id) {
    return `variant_id: this session is assigned ${assigned} by the test's rule`
  }
  if (event.goal_value !== undefined && (event.goal_value < 0 || event.goal_value > maxGoalValue)) {
    return `goal_value: must be between 0 and ${maxGoalValue}`
  }
  return null
}

/** A conversion or metric counts only for a session the server saw exposed to its variant. */
function exposureProblem(event: AbTrackEvent, exposed: Set<string>): string | null {
  if (event.event_type === "variant_view" || exposed.has(exposureKey(event))) {
    return null
  }
  return `event_type: no variant_view of this session was recorded for the test, so its ${event.event_type} cannot count`
}

function toRow(
  event: AbTrackEvent,
  experiment: AbExperimentDTO,
  context: ClientContext,
  receivedAt: Date
): AbEventInput {
  // A conversion without a named goal is one on the test's primary goal.
  const goal = event.goal ?? (event.event_type === "goal_conversion" ? experiment.primary_goal : null)
  const clientEventId = event.id ?? null
  return {
    client_event_id: clientEventId,
    test_id: event.test_id,
    event_id: event.event_id,
    session_token: event.session_token,
    variant_id: event.variant_id,
    event_type: event.event_type,
    goal,
    goal_value: event.goal_value ?? null,
    user_id: event.user_id ?? null,
    customer_id: context.customer_id,
    dedup_key: abEventDedupKey(
      { event_type: event.event_type, session_token: event.session_token, goal, client_event_id: clientEventId },
      experiment.allow_repeat_conversions
    ),
    occurred_at: event.timestamp ?? receivedAt,
    user_agent: context.user_agent,
    ip_prefix: context.ip_prefix,
  }
}
