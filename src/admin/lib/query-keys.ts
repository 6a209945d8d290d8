export type QueryKeys<TKey extends string, TListQuery = unknown> = {
  all: readonly [TKey]
  lists: () => readonly [TKey, "list"]
  list: (query?: TListQuery) => readonly [TKey, "list"] | readonly [TKey, "list", { query: TListQuery }]
  details: () => readonly [TKey, "detail"]
  detail: (id: string) => readonly [TKey, "detail", string]
}

/** Query keys shaped like the dashboard's, so `lists()` invalidates every filtered list. */
export const queryKeysFactory = <TKey extends string, TListQuery = unknown>(
  key: TKey
): QueryKeys<TKey, TListQuery> => ({
  all: [key],
  lists: () => [key, "list"],
  list: (query) => (query === undefined ? [key, "list"] : [key, "list", { query }]),
  details: () => [key, "detail"],
  detail: (id) => [key, "detail", id],
})
