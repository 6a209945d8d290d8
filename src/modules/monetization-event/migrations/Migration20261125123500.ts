import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The dashboard's only raw-event read (average waitlist wait, from metadata) walks
 * this small partial index instead of every event of the range. Hand-written and not
 * in the model's `.indexes()` yet, so `db:generate` neither recreates nor drops it.
 */
export class Migration20261125123500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_monetization_event_waitlist_accept" ON "monetization_event" ("event_id", "occurred_at") WHERE type = 'WAITLIST_OFFER_ACCEPT' AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_event_waitlist_accept";`)
  }
}
