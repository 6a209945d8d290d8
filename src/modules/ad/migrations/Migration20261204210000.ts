import { Migration } from "@medusajs/framework/mikro-orm/migrations"

const REASONS = [
  "bot_user_agent",
  "prefetch",
  "click_too_fast",
  "unsigned",
  "bad_signature",
  "expired",
  "replayed",
  "duplicate_click",
  "ip_rate_limited",
]
const OLD_REASONS = ["bot_user_agent", "prefetch", "click_too_fast"]
const list = (reasons: string[]) => reasons.map((reason) => `'${reason}'`).join(", ")

/** Issue #15: the new invalid-traffic reasons, and indexes for the per-IP-prefix and per-viewer click rules. */
export class Migration20261204210000 extends Migration {
  override async up(): Promise<void> {
    for (const table of ["monetization_ad_click", "monetization_ad_impression"]) {
      this.addSql(`alter table if exists "${table}" drop constraint if exists "${table}_ivt_reason_check";`)
      this.addSql(
        `alter table if exists "${table}" add constraint "${table}_ivt_reason_check" check ("ivt_reason" in (${list(REASONS)}));`
      )
    }
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_monetization_ad_click_ad_id_ip_prefix_occurred_at" ON "monetization_ad_click" (ad_id, ip_prefix, occurred_at) WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_monetization_ad_impression_ad_id_ip_prefix_created_at" ON "monetization_ad_impression" (ad_id, ip_prefix, created_at) WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_monetization_ad_click_ad_id_viewer_key_occurred_at" ON "monetization_ad_click" (ad_id, viewer_key, occurred_at) WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_ad_click_ad_id_viewer_key_occurred_at";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_ad_click_ad_id_ip_prefix_occurred_at";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_ad_impression_ad_id_ip_prefix_created_at";`)
    for (const table of ["monetization_ad_click", "monetization_ad_impression"]) {
      this.addSql(`update "${table}" set "ivt_reason" = 'bot_user_agent' where "ivt_reason" not in (${list(OLD_REASONS)});`)
      this.addSql(`alter table if exists "${table}" drop constraint if exists "${table}_ivt_reason_check";`)
      this.addSql(
        `alter table if exists "${table}" add constraint "${table}_ivt_reason_check" check ("ivt_reason" in (${list(OLD_REASONS)}));`
      )
    }
  }
}
