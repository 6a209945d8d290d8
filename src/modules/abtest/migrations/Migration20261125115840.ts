import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125115840 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_ab_experiment" drop constraint if exists "monetization_ab_experiment_test_id_unique";`);
    this.addSql(`alter table if exists "monetization_ab_event" drop constraint if exists "monetization_ab_event_test_id_dedup_key_unique";`);
    this.addSql(`create table if not exists "monetization_ab_event" ("id" text not null, "client_event_id" text null, "test_id" text not null, "event_id" text not null, "session_token" text not null, "variant_id" text not null, "event_type" text check ("event_type" in ('variant_view', 'goal_conversion', 'secondary_metric')) not null, "goal" text null, "goal_value" numeric null, "user_id" text null, "customer_id" text null, "dedup_key" text null, "occurred_at" timestamptz not null, "user_agent" text null, "ip_prefix" text null, "raw_goal_value" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_ab_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ab_event_deleted_at" ON "monetization_ab_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_ab_event_test_id_dedup_key_unique" ON "monetization_ab_event" ("test_id", "dedup_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ab_event_test_id_event_type_session_token" ON "monetization_ab_event" ("test_id", "event_type", "session_token") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "monetization_ab_experiment" ("id" text not null, "test_id" text not null, "event_id" text not null, "name" text not null, "description" text null, "variants" jsonb not null, "control_variant_id" text null, "primary_goal" text not null, "revenue_goal" text null, "allow_repeat_conversions" boolean not null default false, "status" text check ("status" in ('DRAFT', 'RUNNING', 'STOPPED')) not null default 'DRAFT', "started_at" timestamptz null, "stopped_at" timestamptz null, "winner_variant_id" text null, "winner_declared_at" timestamptz null, "winner_stats" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_ab_experiment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ab_experiment_deleted_at" ON "monetization_ab_experiment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_ab_experiment_test_id_unique" ON "monetization_ab_experiment" ("test_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_ab_experiment_event_id_status" ON "monetization_ab_experiment" ("event_id", "status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "monetization_ab_event" cascade;`);

    this.addSql(`drop table if exists "monetization_ab_experiment" cascade;`);
  }

}
