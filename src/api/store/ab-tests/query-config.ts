/** What the storefront may see of a running test: enough to assign and track, nothing of the results. */
export const STORE_AB_TEST_FIELDS = [
  "test_id",
  "event_id",
  "name",
  "variants",
  "primary_goal",
  "revenue_goal",
  "allow_repeat_conversions",
  "started_at",
]

export const listStoreAbTestsQueryConfig = {
  defaults: STORE_AB_TEST_FIELDS,
  allowed: STORE_AB_TEST_FIELDS,
  isList: true,
}

export const retrieveStoreAbTestQueryConfig = {
  defaults: ["test_id", "variants"],
  allowed: ["test_id", "variants"],
  isList: false,
}
