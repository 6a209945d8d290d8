import type { PaginatedResponse } from "../common/http.js"
import type { AbTestResults, AbTestVariantResult } from "../../modules/abtest/results.js"
import type { AbTestStatus, AbVariant } from "../../modules/abtest/types.js"

export type { AbTestStatus }

export type AdminAbVariant = AbVariant

export type AdminAbTest = {
  id: string
  test_id: string
  event_id: string
  name: string
  description: string | null
  variants: AdminAbVariant[]
  control_variant_id: string | null
  primary_goal: string
  revenue_goal: string | null
  allow_repeat_conversions: boolean
  status: AbTestStatus
  started_at: string | null
  stopped_at: string | null
  winner_variant_id: string | null
  winner_declared_at: string | null
  winner_stats: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type AdminAbTestListParams = {
  event_id?: string | string[]
  status?: AbTestStatus | AbTestStatus[]
  offset?: number
  limit?: number
  order?: string
}

export type AdminAbTestListResponse = PaginatedResponse<{ ab_tests: AdminAbTest[] }>
export type AdminAbTestResponse = { ab_test: AdminAbTest }
export type AdminAbTestDeleteResponse = { id: string; object: "ab_test"; deleted: true }

/** `GET /admin/ab-tests/:test_id/results`: the module computes the answer as it is sent. */
export type AdminAbTestResults = AbTestResults
export type AdminAbTestVariantResult = AbTestVariantResult

export type AdminAbTestConfigPayload = {
  event_id: string
  name: string
  description?: string | null
  variants: AdminAbVariant[]
  primary_goal: string
}
export type AdminCreateAbTestPayload = AdminAbTestConfigPayload & { test_id: string }
export type AdminUpdateAbTestPayload = Partial<AdminAbTestConfigPayload>
export type AdminDeclareWinnerPayload = { variant_id?: string; note?: string }

/** What the storefront sees of a running test: enough to assign and track. */
export type StoreAbTest = Pick<
  AdminAbTest,
  "test_id" | "event_id" | "name" | "variants" | "primary_goal" | "revenue_goal" | "allow_repeat_conversions" | "started_at"
>
export type StoreAbTestListResponse = PaginatedResponse<{ ab_tests: StoreAbTest[] }>
export type StoreAbAssignmentResponse = { test_id: string; variant_id: string }
