import { FetchError } from "@medusajs/js-sdk"
import { QueryKey, useMutation, UseMutationOptions, useQueryClient } from "@tanstack/react-query"

export type MutationOptions<TData, TVars> = Omit<UseMutationOptions<TData, FetchError, TVars>, "mutationFn">

/**
 * A mutation that marks the queries it changed as stale (lists, the record's detail)
 * before the caller's own `onSuccess` runs, so every view of the record refetches.
 */
export function useInvalidatingMutation<TData, TVars>(
  mutationFn: (variables: TVars) => Promise<TData>,
  staleKeys: (data: TData, variables: TVars) => QueryKey[],
  options?: MutationOptions<TData, TVars>
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    ...options,
    onSuccess: (data, variables, context) => {
      for (const queryKey of staleKeys(data, variables)) {
        queryClient.invalidateQueries({ queryKey })
      }
      return options?.onSuccess?.(data, variables, context)
    },
  })
}
