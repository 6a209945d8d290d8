import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Moves the rollups of the given events (`removed`: event_id, type, entity_id, occurred_at) by `sign`. */
const bumpRollups = (sign: "-" | "") => `
grouped AS (
  SELECT coalesce(event_id, '') AS event_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
    type, entity_id, ${sign}count(*)::int AS n
  FROM removed GROUP BY 1, 2, 3, 4
)
INSERT INTO monetization_event_daily (id, event_id, day, type, entity_id, shard, count, created_at, updated_at)
SELECT 'mevd_' || replace(gen_random_uuid()::text, '-', ''), event_id, day, type, entity_id, 0, n, now(), now()
FROM grouped
ON CONFLICT (event_id, day, type, entity_id, shard) WHERE deleted_at IS NULL
DO UPDATE SET count = monetization_event_daily.count + excluded.count, updated_at = now()`

/**
 * Issue #15: a storefront may report only OFFER_VIEW and OFFER_CLICK. Server facts that clients
 * reported before (forgeable purchases, ad traffic, waitlist actions) are soft-deleted and taken
 * out of the daily rollups, so every figure is what the server recorded. `down` puts them back.
 */
export class Migration20261204220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`WITH removed AS (
  UPDATE monetization_event SET deleted_at = now(), updated_at = now()
  WHERE source = 'client' AND type NOT IN ('OFFER_VIEW', 'OFFER_CLICK') AND deleted_at IS NULL
  RETURNING event_id, type, entity_id, occurred_at
), ${bumpRollups("-")};`)
  }

  override async down(): Promise<void> {
    this.addSql(`WITH removed AS (
  UPDATE monetization_event SET deleted_at = NULL, updated_at = now()
  WHERE source = 'client' AND type NOT IN ('OFFER_VIEW', 'OFFER_CLICK') AND deleted_at IS NOT NULL
  RETURNING event_id, type, entity_id, occurred_at
), ${bumpRollups("")};`)
  }
}
