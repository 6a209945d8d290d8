import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Per-customer limits, ticket-holder-only offers, and one live hold per customer and offer. */
export class Migration20261204210500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_offer" add column if not exists "max_per_customer" integer null;`)
    this.addSql(
      `alter table if exists "monetization_offer" add column if not exists "requires_ticket" boolean not null default false;`
    )
    // Older duplicates (several live holds of one customer on one offer) keep only the newest.
    this.addSql(`
      WITH ranked AS (
        SELECT id, offer_id, quantity,
               row_number() OVER (PARTITION BY offer_id, customer_id ORDER BY created_at DESC, id DESC) AS n
        FROM monetization_offer_hold WHERE status = 'HELD' AND deleted_at IS NULL
      ), released AS (
        UPDATE monetization_offer_hold h SET status = 'RELEASED', updated_at = now()
        FROM ranked r WHERE h.id = r.id AND r.n > 1
        RETURNING h.offer_id, h.quantity
      )
      UPDATE monetization_offer o SET held = GREATEST(o.held - x.quantity, 0)
      FROM (SELECT offer_id, sum(quantity)::int AS quantity FROM released GROUP BY offer_id) x
      WHERE o.id = x.offer_id;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_offer_hold_offer_id_customer_id_unique" ON "monetization_offer_hold" ("offer_id", "customer_id") WHERE status = 'HELD' AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_offer_hold_offer_id_customer_id_unique";`)
    this.addSql(`alter table if exists "monetization_offer" drop column if exists "requires_ticket";`)
    this.addSql(`alter table if exists "monetization_offer" drop column if exists "max_per_customer";`)
  }
}
