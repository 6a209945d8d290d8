import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125124117 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "monetization_waitlist_entry" ("id" text not null, "session_id" text not null, "customer_id" text not null, "quantity" integer not null default 1, "status" text check ("status" in ('WAITING', 'OFFERED', 'ACCEPTED', 'EXPIRED', 'DECLINED', 'LEFT')) not null default 'WAITING', "seq" bigserial, "offered_at" timestamptz null, "offer_expires_at" timestamptz null, "join_token_hash" text null, "token_used_at" timestamptz null, "accepted_at" timestamptz null, "consumed_at" timestamptz null, "cart_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_waitlist_entry_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_entry_deleted_at" ON "monetization_waitlist_entry" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_entry_session_id_status_seq" ON "monetization_waitlist_entry" ("session_id", "status", "seq") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_entry_join_token_hash" ON "monetization_waitlist_entry" ("join_token_hash") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_entry_cart_id" ON "monetization_waitlist_entry" ("cart_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_waitlist_entry_session_id_customer_id_unique" ON "monetization_waitlist_entry" ("session_id", "customer_id") WHERE status IN ('WAITING', 'OFFERED') AND deleted_at IS NULL;`)

    this.addSql(`create table if not exists "monetization_waitlist_audit" ("id" text not null, "entry_id" text not null, "session_id" text not null, "action" text check ("action" in ('JOINED', 'LEFT', 'OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CONSUMED')) not null, "at" timestamptz not null, "details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_waitlist_audit_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_audit_deleted_at" ON "monetization_waitlist_audit" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_audit_entry_id_at" ON "monetization_waitlist_audit" ("entry_id", "at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_audit_session_id_at" ON "monetization_waitlist_audit" ("session_id", "at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "monetization_waitlist_entry" cascade;`)
    this.addSql(`drop table if exists "monetization_waitlist_audit" cascade;`)
  }
}
