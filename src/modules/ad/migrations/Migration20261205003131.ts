import { Migration } from "@medusajs/framework/mikro-orm/migrations"

const TABLES = ["monetization_ad_impression", "monetization_ad_click"]

/** Issue #17: the retention job deletes by age, and a deleted customer's rows are found by customer. */
export class Migration20261205003131 extends Migration {
  override async up(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_${table}_occurred_at" ON "${table}" (occurred_at);`)
      this.addSql(
        `CREATE INDEX IF NOT EXISTS "IDX_${table}_customer_id" ON "${table}" (customer_id) WHERE customer_id IS NOT NULL;`
      )
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`DROP INDEX IF EXISTS "IDX_${table}_customer_id";`)
      this.addSql(`DROP INDEX IF EXISTS "IDX_${table}_occurred_at";`)
    }
  }
}
