import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Rollup counts become sums over per-session shards (see the model). */
export class Migration20261125150028 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "monetization_event_daily" drop constraint if exists "monetization_event_daily_event_id_day_type_entity_id_shard_unique";`);
    this.addSql(`drop index if exists "IDX_monetization_event_daily_event_id_day_type_entity_id_unique";`);

    this.addSql(`alter table if exists "monetization_event_daily" add column if not exists "shard" integer not null default 0;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_event_daily_event_id_day_type_entity_id_shard_unique" ON "monetization_event_daily" ("event_id", "day", "type", "entity_id", "shard") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    // Folds every key's shards into one row first, or the old unique index cannot return.
    this.addSql(`WITH groups AS (
      SELECT event_id, day, type, entity_id, sum(count)::int AS total, min(id) AS keep
      FROM "monetization_event_daily" WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4
    ), removed AS (
      DELETE FROM "monetization_event_daily" d USING groups g
      WHERE d.deleted_at IS NULL AND d.event_id = g.event_id AND d.day = g.day
        AND d.type = g.type AND d.entity_id = g.entity_id AND d.id <> g.keep
    )
    UPDATE "monetization_event_daily" d SET count = g.total FROM groups g WHERE d.id = g.keep;`);
    this.addSql(`drop index if exists "IDX_monetization_event_daily_event_id_day_type_entity_id_shard_unique";`);
    this.addSql(`alter table if exists "monetization_event_daily" drop column if exists "shard";`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_monetization_event_daily_event_id_day_type_entity_id_unique" ON "monetization_event_daily" ("event_id", "day", "type", "entity_id") WHERE deleted_at IS NULL;`);
  }

}
