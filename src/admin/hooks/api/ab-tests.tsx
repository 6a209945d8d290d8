import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useQuery, UseQueryOptions } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"
import type {
  AdminAbTestDeleteResponse,
  AdminAbTestListParams,
  AdminAbTestListResponse,
  AdminAbTestResponse,
  AdminAbTestResults,
  AdminCreateAbTestPayload,
  AdminDeclareWinnerPayload,
  AdminUpdateAbTestPayload,
} from "../../../types/ab-tests"
import { MutationOptions, useInvalidatingMutation } from "./invalidating-mutation"

export type * from "../../../types/ab-tests"

export const abTestQueryKeys = queryKeysFactory<"ab_test", AdminAbTestListParams>("ab_test")
/** Results live under the detail key, so invalidating details refreshes them too. */
const resultsKey = (testId: string) => [...abTestQueryKeys.detail(testId), "results"] as const

type QueryOptions<T> = Omit<UseQueryOptions<T, FetchError, T, QueryKey>, "queryKey" | "queryFn">

const path = (testId: string) => `/admin/ab-tests/${encodeURIComponent(testId)}`

/** `GET /admin/ab-tests`. */
export const useAbTests = (query?: AdminAbTestListParams, options?: QueryOptions<AdminAbTestListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: abTestQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminAbTestListResponse>("/admin/ab-tests", { query }),
    ...options,
  })
  return { ...data, ...rest }
}

/** `GET /admin/ab-tests/:test_id`. */
export const useAbTest = (testId: string, options?: QueryOptions<AdminAbTestResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: abTestQueryKeys.detail(testId),
    queryFn: () => sdk.client.fetch<AdminAbTestResponse>(path(testId)),
    ...options,
  })
  return { ...data, ...rest }
}

/** `GET /admin/ab-tests/:test_id/results`. */
export const useAbTestResults = (testId: string, options?: QueryOptions<AdminAbTestResults>) => {
  const { data, ...rest } = useQuery({
    queryKey: resultsKey(testId),
    queryFn: () => sdk.client.fetch<AdminAbTestResults>(`${path(testId)}/results`),
    ...options,
  })
  return { results: data, ...rest }
}

const staleAbTest = (testId: string) => [abTestQueryKeys.lists(), abTestQueryKeys.detail(testId)]

export const useCreateAbTest = (options?: MutationOptions<AdminAbTestResponse, AdminCreateAbTestPayload>) =>
  useInvalidatingMutation(
    (body) => sdk.client.fetch<AdminAbTestResponse>("/admin/ab-tests", { method: "POST", body }),
    (data) => staleAbTest(data.ab_test.test_id),
    options
  )

export const useUpdateAbTest = (
  testId: string,
  options?: MutationOptions<AdminAbTestResponse, AdminUpdateAbTestPayload>
) =>
  useInvalidatingMutation(
    (body) => sdk.client.fetch<AdminAbTestResponse>(path(testId), { method: "POST", body }),
    () => staleAbTest(testId),
    options
  )

export const useDeleteAbTest = (options?: MutationOptions<AdminAbTestDeleteResponse, string>) =>
  useInvalidatingMutation(
    (testId) => sdk.client.fetch<AdminAbTestDeleteResponse>(path(testId), { method: "DELETE" }),
    (_, testId) => staleAbTest(testId),
    options
  )

/** `POST /admin/ab-tests/:test_id/start|stop`. */
export const useTransitionAbTest = (
  options?: MutationOptions<AdminAbTestResponse, { test_id: string; action: "start" | "stop" }>
) =>
  useInvalidatingMutation(
    ({ test_id, action }) => sdk.client.fetch<AdminAbTestResponse>(`${path(test_id)}/${action}`, { method: "POST" }),
    (_, { test_id }) => staleAbTest(test_id),
    options
  )

export const useDeclareAbTestWinner = (
  testId: string,
  options?: MutationOptions<AdminAbTestResponse, AdminDeclareWinnerPayload>
) =>
  useInvalidatingMutation(
    (body) => sdk.client.fetch<AdminAbTestResponse>(`${path(testId)}/declare-winner`, { method: "POST", body }),
    () => staleAbTest(testId),
    options
  )
