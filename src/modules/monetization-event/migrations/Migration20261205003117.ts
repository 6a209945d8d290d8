import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Issue #17: the retention job deletes by age, and a deleted customer's rows are found by customer. */
export class Migration20261205003117 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_monetization_event_occurred_at" ON "monetization_event" (occurred_at);`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_monetization_event_customer_id" ON "monetization_event" (customer_id) WHERE customer_id IS NOT NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_event_customer_id";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_event_occurred_at";`)
  }
}
