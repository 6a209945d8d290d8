import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125122627 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_ad_impression" drop constraint if exists "monetization_ad_impression_client_id_unique";`);
    this.addSql(`alter table if exists "monetization_ad_click" drop constraint if exists "monetization_ad_click_click_id_unique";`);
    this.addSql(`create table if not exists "monetization_ad" ("id" text not null, "event_id" text not null, "name" text not null, "content_type" text check ("content_type" in ('BANNER', 'VIDEO', 'SPONSORED_SESSION', 'INTERSTITIAL')) not null, "media_url" text not null, "click_url" text not null, "display_duration_seconds" integer not null default 10, "aspect_ratio" text null, "placements" jsonb not null, "target_sessions" jsonb not null, "weight" real not null default 1, "frequency_cap" integer null, "frequency_window_hours" integer not null default 24, "starts_at" timestamptz null, "ends_at" timestamptz null, "is_active" boolean not null default true, "is_archived" boolean not null default false, "sponsor_name" text null, "pricing_model" text check ("pricing_model" in ('FLAT', 'CPM', 'CPC')) not null default 'FLAT', "rate" numeric not null default 0, "currency_code" text not null default 'eur', "raw_rate" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_ad_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ad_deleted_at" ON "monetization_ad" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ad_event_id_is_active_is_archived" ON "monetization_ad" ("event_id", "is_active", "is_archived") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "monetization_ad_click" ("id" text not null, "click_id" text not null, "ad_id" text not null, "event_id" text not null, "placement" text null, "viewer_key" text null, "session_token" text null, "customer_id" text null, "ivt_reason" text check ("ivt_reason" in ('bot_user_agent', 'prefetch', 'click_too_fast')) null, "user_agent" text null, "ip_prefix" text null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_ad_click_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ad_click_deleted_at" ON "monetization_ad_click" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_ad_click_click_id_unique" ON "monetization_ad_click" ("click_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ad_click_ad_id" ON "monetization_ad_click" ("ad_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "monetization_ad_impression" ("id" text not null, "client_id" text not null, "ad_id" text not null, "event_id" text not null, "placement" text not null, "viewer_key" text null, "session_token" text null, "session_id" text null, "customer_id" text null, "viewable" boolean not null default false, "viewable_at" timestamptz null, "ivt_reason" text check ("ivt_reason" in ('bot_user_agent', 'prefetch', 'click_too_fast')) null, "user_agent" text null, "ip_prefix" text null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_ad_impression_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ad_impression_deleted_at" ON "monetization_ad_impression" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_ad_impression_client_id_unique" ON "monetization_ad_impression" ("client_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ad_impression_ad_id_viewer_key_occurred_at" ON "monetization_ad_impression" ("ad_id", "viewer_key", "occurred_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "monetization_ad" cascade;`);

    this.addSql(`drop table if exists "monetization_ad_click" cascade;`);

    this.addSql(`drop table if exists "monetization_ad_impression" cascade;`);
  }

}
