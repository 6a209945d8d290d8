export const ADMIN_AB_TEST_FIELDS = [
  "id",
  "test_id",
  "event_id",
  "name",
  "description",
  "variants",
  "control_variant_id",
  "primary_goal",
  "revenue_goal",
  "allow_repeat_conversions",
  "status",
  "started_at",
  "stopped_at",
  "winner_variant_id",
  "winner_declared_at",
  "winner_stats",
  "created_at",
  "updated_at",
]

export const retrieveAdminAbTestQueryConfig = {
  defaults: ADMIN_AB_TEST_FIELDS,
  allowed: ADMIN_AB_TEST_FIELDS,
  isList: false,
}

export const listAdminAbTestsQueryConfig = { ...retrieveAdminAbTestQueryConfig, isList: true }
