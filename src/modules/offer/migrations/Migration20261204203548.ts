import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Purchases record units at the offer price that the hold or the stock did not cover. */
export class Migration20261204203548 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "monetization_offer_purchase" add column if not exists "flagged_quantity" integer not null default 0;`
    )
    this.addSql(
      `alter table if exists "monetization_offer_purchase" add column if not exists "flag" text check ("flag" in ('EXCEEDS_HOLD', 'HOLD_LAPSED')) null;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_hold_cart_id" ON "monetization_offer_hold" ("cart_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_offer_hold_cart_id";`)
    this.addSql(`alter table if exists "monetization_offer_purchase" drop column if exists "flag";`)
    this.addSql(`alter table if exists "monetization_offer_purchase" drop column if exists "flagged_quantity";`)
  }
}
