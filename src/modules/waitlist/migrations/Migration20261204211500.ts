import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { ENABLE_SESSIONS_WITH_ENTRIES } from "../migration-sql"

/**
 * #16: waitlists only where the organizer enabled them (sessions that already have entries are
 * enabled here), checkout deadlines of accepted seats, head-of-list skips and partial offers.
 */
export class Migration20261204211500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "monetization_waitlist_setting" ("id" text not null, "scope" text check ("scope" in ('session', 'product')) not null, "ref_id" text not null, "enabled" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_waitlist_setting_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_waitlist_setting_deleted_at" ON "monetization_waitlist_setting" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_waitlist_setting_scope_ref_id_unique" ON "monetization_waitlist_setting" ("scope", "ref_id") WHERE deleted_at IS NULL;`)
    this.addSql(`alter table if exists "monetization_waitlist_entry" add column if not exists "checkout_expires_at" timestamptz null, add column if not exists "skip_count" integer not null default 0, add column if not exists "accept_partial" boolean not null default false;`)
    this.addSql(ENABLE_SESSIONS_WITH_ENTRIES)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "monetization_waitlist_entry" drop column if exists "checkout_expires_at", drop column if exists "skip_count", drop column if exists "accept_partial";`)
    this.addSql(`drop table if exists "monetization_waitlist_setting" cascade;`)
  }
}
