import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Per-customer limits, ticket-holder-only offers, and the lookup of a customer's live hold. */
export class Migration20261204210500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_offer" add column if not exists "max_per_customer" integer null;`)
    this.addSql(
      `alter table if exists "monetization_offer" add column if not exists "requires_ticket" boolean not null default false;`
    )
    // Not unique: holdStock answers a live hold instead of a second one (under a per-customer lock),
    // while a lapsed hold revived at checkout may sit beside a newer one in the same cart.
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_hold_offer_id_customer_id" ON "monetization_offer_hold" ("offer_id", "customer_id") WHERE status = 'HELD' AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_offer_hold_offer_id_customer_id";`)
    this.addSql(`alter table if exists "monetization_offer" drop column if exists "requires_ticket";`)
    this.addSql(`alter table if exists "monetization_offer" drop column if exists "max_per_customer";`)
  }
}
