import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Issue #18: the seed's ad defaults (cap 3 per 24 h, 30 s, 16:9) for new rows; existing ads keep their values. */
export class Migration20261204235000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_ad" alter column "display_duration_seconds" set default 30;`)
    this.addSql(`alter table if exists "monetization_ad" alter column "aspect_ratio" set default '16:9';`)
    this.addSql(`alter table if exists "monetization_ad" alter column "frequency_cap" set default 3;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "monetization_ad" alter column "display_duration_seconds" set default 10;`)
    this.addSql(`alter table if exists "monetization_ad" alter column "aspect_ratio" drop default;`)
    this.addSql(`alter table if exists "monetization_ad" alter column "frequency_cap" drop default;`)
  }
}
