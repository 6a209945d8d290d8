export const AB_TEST_STATUSES = ["DRAFT", "RUNNING", "STOPPED"] as const
export type AbTestStatus = (typeof AB_TEST_STATUSES)[number]

/** The only moves a test may make; anything else is refused with a 400. */
export const AB_TEST_TRANSITIONS: Record<AbTestStatus, AbTestStatus[]> = {
  DRAFT: ["RUNNING"],
  RUNNING: ["STOPPED"],
  STOPPED: [],
}

export const AB_EVENT_TYPES = ["variant_view", "goal_conversion", "secondary_metric"] as const
export type AbEventType = (typeof AB_EVENT_TYPES)[number]

/** `test_id` is the experiment's public key and appears in URLs. */
export const AB_TEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/
export const AB_VARIANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/
export const AB_GOAL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/ // no ":" — it separates parts of dedup keys
export const AB_MAX_VARIANTS = 10

export type AbVariant = { id: string; name: string; weight: number }

export type AbExperimentDTO = {
  id: string
  test_id: string
  event_id: string
  name: string
  description: string | null
  variants: AbVariant[]
  control_variant_id: string | null
  primary_goal: string
  revenue_goal: string | null
  allow_repeat_conversions: boolean
  status: AbTestStatus
  started_at: Date | string | null
  stopped_at: Date | string | null
  winner_variant_id: string | null
  winner_declared_at: Date | string | null
  winner_stats: Record<string, unknown> | null
  created_at?: Date | string
  updated_at?: Date | string
}

/** One row to ingest; `dedup_key` decides what counts as a repeat (see `abEventDedupKey`). */
export type AbEventInput = {
  client_event_id: string | null
  test_id: string
  event_id: string
  session_token: string
  variant_id: string
  event_type: AbEventType
  goal: string | null
  goal_value: number | null
  user_id: string | null
  customer_id: string | null
  dedup_key: string | null
  occurred_at: Date | string
  user_agent: string | null
  ip_prefix: string | null
}

export type AbIngestResult = {
  accepted: number
  duplicates: number
  inserted_ids: string[]
}

/** Per-variant aggregates computed in SQL. */
export type AbVariantAggregate = {
  variant_id: string
  sessions: number
  conversions: number
  revenue_sum: number
  revenue_sum_sq: number
}

/** The configurable part of an experiment, as created or updated by the admin. */
export type AbTestConfig = {
  event_id: string
  name: string
  description?: string | null
  variants: AbVariant[]
  control_variant_id?: string | null
  primary_goal: string
  revenue_goal?: string | null
  allow_repeat_conversions?: boolean
}

/** A schema-valid tracked event, with its position in the batch for the receipt. */
export type AbTrackEvent = {
  index: number
  id?: string
  test_id: string
  event_id: string
  session_token: string
  variant_id: string
  event_type: AbEventType
  goal?: string
  goal_achieved?: boolean
  goal_value?: number
  user_id?: string
  timestamp?: Date
}
