import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Per-session join numbers, so a position is counted without scanning the whole list. */
export class Migration20261125150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_waitlist_entry" add column if not exists "ordinal" integer null;`)
    this.addSql(`update "monetization_waitlist_entry" as e set "ordinal" = numbered.n
      from (select "id", row_number() over (partition by "session_id" order by "seq") as n
            from "monetization_waitlist_entry" where "deleted_at" is null) as numbered
      where numbered."id" = e."id" and e."ordinal" is null;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_waitlist_entry_session_id_ordinal_unique" ON "monetization_waitlist_entry" ("session_id", "ordinal") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_entry_session_id_ordinal" ON "monetization_waitlist_entry" ("session_id", "ordinal") WHERE status <> 'WAITING' AND deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_entry_customer_id_session_id" ON "monetization_waitlist_entry" ("customer_id", "session_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_waitlist_entry_customer_id_session_id";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_waitlist_entry_session_id_ordinal";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_monetization_waitlist_entry_session_id_ordinal_unique";`)
    this.addSql(`alter table if exists "monetization_waitlist_entry" drop column if exists "ordinal";`)
  }
}
