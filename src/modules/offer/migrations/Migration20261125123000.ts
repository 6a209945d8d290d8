import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125123000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "monetization_offer" ("id" text not null, "event_id" text not null, "variant_id" text not null, "title" text not null, "description" text null, "image_url" text null, "offer_type" text check ("offer_type" in ('TICKET_UPGRADE', 'MERCHANDISE', 'EXCLUSIVE_CONTENT', 'SERVICE')) not null, "price" numeric not null, "original_price" numeric null, "currency_code" text not null, "placement" text check ("placement" in ('CHECKOUT', 'POST_PURCHASE', 'IN_EVENT', 'EMAIL')) not null, "target_sessions" jsonb not null, "target_ticket_tiers" jsonb not null, "starts_at" timestamptz null, "expires_at" timestamptz null, "is_active" boolean not null default true, "is_archived" boolean not null default false, "inventory_total" integer null, "sold" integer not null default 0, "held" integer not null default 0, "raw_price" jsonb not null, "raw_original_price" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_offer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_deleted_at" ON "monetization_offer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_event_id_is_archived_is_active" ON "monetization_offer" ("event_id", "is_archived", "is_active") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "monetization_offer_hold" ("id" text not null, "customer_id" text not null, "cart_id" text null, "line_item_id" text null, "quantity" integer not null, "expires_at" timestamptz not null, "status" text check ("status" in ('HELD', 'CONVERTED', 'RELEASED', 'EXPIRED')) not null default 'HELD', "offer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_offer_hold_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_hold_offer_id" ON "monetization_offer_hold" ("offer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_hold_deleted_at" ON "monetization_offer_hold" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_hold_status_expires_at" ON "monetization_offer_hold" ("status", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_hold_customer_id" ON "monetization_offer_hold" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "monetization_offer_purchase" ("id" text not null, "order_id" text not null, "customer_id" text null, "hold_id" text null, "quantity" integer not null, "amount" numeric not null, "currency_code" text not null, "status" text check ("status" in ('COMPLETED', 'CANCELED')) not null default 'COMPLETED', "offer_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "monetization_offer_purchase_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_purchase_offer_id" ON "monetization_offer_purchase" ("offer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_purchase_deleted_at" ON "monetization_offer_purchase" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_offer_purchase_offer_id_order_id_unique" ON "monetization_offer_purchase" ("offer_id", "order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_purchase_customer_id" ON "monetization_offer_purchase" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_monetization_offer_purchase_order_id" ON "monetization_offer_purchase" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "monetization_offer_hold" add constraint "monetization_offer_hold_offer_id_foreign" foreign key ("offer_id") references "monetization_offer" ("id") on update cascade;`);
    this.addSql(`alter table if exists "monetization_offer_purchase" add constraint "monetization_offer_purchase_offer_id_foreign" foreign key ("offer_id") references "monetization_offer" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "monetization_offer_purchase" cascade;`);
    this.addSql(`drop table if exists "monetization_offer_hold" cascade;`);
    this.addSql(`drop table if exists "monetization_offer" cascade;`);
  }

}
