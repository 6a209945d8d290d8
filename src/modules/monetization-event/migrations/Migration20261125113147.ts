import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125113147 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_event_daily" drop constraint if exists "monetization_event_daily_event_id_day_type_entity_id_unique";`);
    this.addSql(`alter table if exists "monetization_event" drop constraint if exists "monetization_event_client_event_id_unique";`);
    this.addSql(`create table if not exists "monetization_event" ("id" text not null, "client_event_id" text not null, "type" text check ("type" in ('OFFER_VIEW', 'OFFER_CLICK', 'OFFER_ADD_TO_CART', 'OFFER_PURCHASE', 'AD_IMPRESSION', 'AD_VIEWABLE_IMPRESSION', 'AD_CLICK', 'AD_SERVE', 'WAITLIST_JOIN', 'WAITLIST_OFFER', 'WAITLIST_OFFER_ACCEPT', 'WAITLIST_OFFER_DECLINE', 'WAITLIST_OFFER_EXPIRE')) not null, "entity_id" text not null, "event_id" text null, "session_token" text null, "customer_id" text null, "occurred_at" timestamptz not null, "metadata" jsonb null, "user_agent" text null, "ip_prefix" text null, "source" text check ("source" in ('client', 'server')) not null default 'client', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_event_deleted_at" ON "monetization_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_event_client_event_id_unique" ON "monetization_event" ("client_event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_event_event_id_occurred_at" ON "monetization_event" ("event_id", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "monetization_event_daily" ("id" text not null, "event_id" text not null, "day" text not null, "type" text check ("type" in ('OFFER_VIEW', 'OFFER_CLICK', 'OFFER_ADD_TO_CART', 'OFFER_PURCHASE', 'AD_IMPRESSION', 'AD_VIEWABLE_IMPRESSION', 'AD_CLICK', 'AD_SERVE', 'WAITLIST_JOIN', 'WAITLIST_OFFER', 'WAITLIST_OFFER_ACCEPT', 'WAITLIST_OFFER_DECLINE', 'WAITLIST_OFFER_EXPIRE')) not null, "entity_id" text not null, "count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_event_daily_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_event_daily_deleted_at" ON "monetization_event_daily" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_event_daily_event_id_day_type_entity_id_unique" ON "monetization_event_daily" ("event_id", "day", "type", "entity_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "monetization_event" cascade;`);

    this.addSql(`drop table if exists "monetization_event_daily" cascade;`);
  }

}
