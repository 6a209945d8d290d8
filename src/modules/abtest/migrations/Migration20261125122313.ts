import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125122313 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_ab_session" drop constraint if exists "monetization_ab_session_test_id_session_token_unique";`);
    this.addSql(`create table if not exists "monetization_ab_session" ("id" text not null, "test_id" text not null, "session_token" text not null, "variant_id" text null, "converted" boolean not null default false, "revenue" numeric not null default 0, "raw_revenue" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_ab_session_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ab_session_deleted_at" ON "monetization_ab_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_ab_session_test_id_session_token_unique" ON "monetization_ab_session" ("test_id", "session_token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ab_session_test_id_variant_id" ON "monetization_ab_session" ("test_id", "variant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "monetization_ab_session" cascade;`);
  }

}
