import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Issue #17: a deleted customer's holds keep their facts (units, offer, status) but lose the customer's id. */
export class Migration20261205003157 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_offer_hold" alter column "customer_id" drop not null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`update "monetization_offer_hold" set "customer_id" = 'erased_' || "id" where "customer_id" is null;`)
    this.addSql(`alter table if exists "monetization_offer_hold" alter column "customer_id" set not null;`)
  }
}
