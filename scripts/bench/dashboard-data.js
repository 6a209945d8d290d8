/**
 * Bulk data for the dashboard and A/B sections, shaped as ingestion stores it:
 * raw events plus the daily rollup ingestion keeps beside them, and A/B events plus
 * their per-session rollup. One INSERT … SELECT generate_series per table; the
 * table's secondary indexes are dropped for the load and rebuilt after it (same
 * definitions, read from the catalog), which is far quicker than maintaining them row
 * by row and leaves the tables exactly as the app created them.
 */

const DAYS = 90
// As many rollup shards as concurrent ingestion fills (src/modules/monetization-event/sql.ts).
const ROLLUP_SHARDS = 16

// Per-mille shares of each type, roughly a busy event's mix; each type's entity is of its kind.
const TYPE_MIX = [
  ["AD_SERVE", "ad", 200],
  ["AD_IMPRESSION", "ad", 250],
  ["AD_VIEWABLE_IMPRESSION", "ad", 150],
  ["AD_CLICK", "ad", 20],
  ["OFFER_VIEW", "offer", 250],
  ["OFFER_CLICK", "offer", 50],
  ["OFFER_ADD_TO_CART", "offer", 20],
  ["OFFER_PURCHASE", "offer", 10],
  ["WAITLIST_JOIN", "session", 30],
  ["WAITLIST_OFFER", "session", 10],
  ["WAITLIST_OFFER_ACCEPT", "session", 5],
  ["WAITLIST_OFFER_DECLINE", "session", 3],
  ["WAITLIST_OFFER_EXPIRE", "session", 2],
]

function typeCase(column) {
  let upper = 0
  const branches = TYPE_MIX.map(([type, kind, share]) => {
    upper += share
    return { type, kind, upper }
  })
  const typeSql = branches.map((b) => `WHEN ${column} < ${b.upper} THEN '${b.type}'`).join(" ")
  const kindSql = branches.map((b) => `WHEN ${column} < ${b.upper} THEN '${b.kind}'`).join(" ")
  return { typeSql: `CASE ${typeSql} END`, kindSql: `CASE ${kindSql} END` }
}

/** Drops a table's secondary indexes (not its primary key), runs `load`, and rebuilds them. */
async function withoutSecondaryIndexes(client, table, load) {
  const { rows } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.tablename = $1 AND i.schemaname = current_schema()
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`,
    [table]
  )
  for (const row of rows) {
    await client.query(`DROP INDEX "${row.indexname}"`)
  }
  await load()
  for (const row of rows) {
    await client.query(row.indexdef)
  }
}

const count = async (client, sql, params = []) => Number((await client.query(sql, params)).rows[0].n)

/** Entities the generated events point at: the event's real ads, offers and sessions, padded with stand-ins. */
async function eventEntities(client, info) {
  const ads = (await client.query("SELECT id FROM monetization_ad WHERE event_id = $1", [info.event_id])).rows.map((r) => r.id)
  const offers = (await client.query("SELECT id FROM monetization_offer WHERE event_id = $1", [info.event_id])).rows.map((r) => r.id)
  const pad = (list, prefix, size) => [...list, ...Array.from({ length: Math.max(0, size - list.length) }, (_, i) => `${prefix}${i}`)]
  return {
    ads: pad(ads, "ad_bench_", 20),
    offers: pad(offers, "moff_bench_", 8),
    sessions: Object.values(info.variants ?? {}).slice(0, 4),
  }
}

/**
 * Tops monetization_event up to `target` rows (all of the seeded event, spread over the
 * last DAYS days) and folds the new rows into monetization_event_daily with ingestion's
 * own upsert. Returns the rows added.
 */
async function loadMonetizationEvents(client, info, target) {
  const existing = await count(client, "SELECT count(*) AS n FROM monetization_event")
  if (existing >= target) {
    return 0
  }
  const { rows: mark } = await client.query(
    "SELECT coalesce(max(substring(id from 10)::bigint), 0) AS n FROM monetization_event WHERE id LIKE 'mev_bench%'"
  )
  const from = Number(mark[0].n) + 1
  const to = from + (target - existing) - 1
  const entities = await eventEntities(client, info)
  const { typeSql, kindSql } = typeCase("(h % 1000)")
  await withoutSecondaryIndexes(client, "monetization_event", () =>
    client.query(
      `INSERT INTO monetization_event (id, client_event_id, type, entity_id, event_id, session_token, customer_id,
         occurred_at, metadata, user_agent, ip_prefix, source, created_at, updated_at)
       SELECT 'mev_bench' || lpad(g::text, 10, '0'), md5('bench:' || g), type,
         CASE kind WHEN 'ad' THEN ($3::text[])[1 + (h / 1000) % cardinality($3::text[])]
                   WHEN 'offer' THEN ($4::text[])[1 + (h / 1000) % cardinality($4::text[])]
                   ELSE ($5::text[])[1 + (h / 1000) % cardinality($5::text[])] END,
         $6, 'sess_' || (h % greatest($2::bigint / 20, 1)), NULL, at,
         CASE WHEN type = 'WAITLIST_OFFER_ACCEPT' THEN jsonb_build_object('wait_minutes', h % 240) END,
         'Mozilla/5.0 (bench)', '127.0.0.0/24', CASE WHEN kind = 'ad' THEN 'server' ELSE 'client' END, at, at
       FROM (
         SELECT g, h, ${typeSql} AS type, ${kindSql} AS kind,
           now() - make_interval(secs => (h % (${DAYS} * 86400))::float8) AS at
         FROM (SELECT g, (hashint8(g) & 2147483647)::bigint AS h FROM generate_series($1::bigint, $2::bigint) g) s
       ) x`,
      [from, to, entities.ads, entities.offers, entities.sessions, info.event_id]
    )
  )
  await client.query(
    `INSERT INTO monetization_event_daily (id, event_id, day, type, entity_id, shard, count, created_at, updated_at)
     SELECT 'mevd_' || replace(gen_random_uuid()::text, '-', ''), event_id, day, type, entity_id, shard, n, now(), now()
     FROM (
       SELECT coalesce(event_id, '') AS event_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
         type, entity_id, abs(hashtext(id)) % $3 AS shard, count(*)::int AS n
       FROM monetization_event
       WHERE id BETWEEN 'mev_bench' || lpad($1::text, 10, '0') AND 'mev_bench' || lpad($2::text, 10, '0')
       GROUP BY 1, 2, 3, 4, 5
     ) grouped
     ON CONFLICT (event_id, day, type, entity_id, shard) WHERE deleted_at IS NULL
     DO UPDATE SET count = monetization_event_daily.count + excluded.count, updated_at = now()`,
    [from, to, ROLLUP_SHARDS]
  )
  return to - from + 1
}

/**
 * Tops the A/B test up to `sessions` sessions that saw a variant: one variant_view per
 * session and a primary-goal conversion for ~10% (control) / ~12% (others) of them, with
 * the per-session rollup the results are computed from. Returns the sessions added.
 */
async function loadAbSessions(client, experiment, sessions) {
  const existing = await count(client, "SELECT count(*) AS n FROM monetization_ab_session WHERE test_id = $1", [experiment.test_id])
  if (existing >= sessions) {
    return 0
  }
  const { rows: mark } = await client.query(
    "SELECT coalesce(max(substring(session_token from 10)::bigint), 0) AS n FROM monetization_ab_session WHERE session_token LIKE 'abs_bench%'"
  )
  const from = Number(mark[0].n) + 1
  const to = from + (sessions - existing) - 1
  const variants = experiment.variants.map((v) => v.id)
  const generated = `
    SELECT g, 'abs_bench' || lpad(g::text, 10, '0') AS token, ($3::text[])[1 + g % cardinality($3::text[])] AS variant,
      (h % 1000) < CASE WHEN g % cardinality($3::text[]) = 0 THEN 100 ELSE 120 END AS converted,
      ((h / 1000) % 300 + 20)::numeric AS value,
      now() - make_interval(secs => (h % (14 * 86400))::float8) AS at
    FROM (SELECT g, (hashint8(g) & 2147483647)::bigint AS h FROM generate_series($1::bigint, $2::bigint) g) s`
  await withoutSecondaryIndexes(client, "monetization_ab_event", () =>
    client.query(
      `INSERT INTO monetization_ab_event (id, client_event_id, test_id, event_id, session_token, variant_id, event_type,
         goal, goal_value, raw_goal_value, dedup_key, occurred_at, user_agent, ip_prefix, created_at, updated_at)
       SELECT 'mabe_bench' || lpad(g::text, 10, '0') || e.kind, md5('ab:' || g || e.kind), $4, $5, token, variant,
         e.type, e.goal, e.value, CASE WHEN e.value IS NOT NULL THEN jsonb_build_object('value', e.value::text, 'precision', 20) END,
         e.dedup, at, 'Mozilla/5.0 (bench)', '127.0.0.0/24', at, at
       FROM (${generated}) s
       CROSS JOIN LATERAL (VALUES
         ('v', 'variant_view', NULL::text, NULL::numeric, 'view:' || token),
         ('c', CASE WHEN converted THEN 'goal_conversion' END, 'conversion', value, 'conversion:conversion:' || token)
       ) AS e(kind, type, goal, value, dedup)
       WHERE e.type IS NOT NULL`,
      [from, to, variants, experiment.test_id, experiment.event_id]
    )
  )
  await withoutSecondaryIndexes(client, "monetization_ab_session", () =>
    client.query(
      `INSERT INTO monetization_ab_session (id, test_id, session_token, variant_id, converted, revenue, raw_revenue,
         created_at, updated_at)
       SELECT 'mabs_' || md5($4 || ':' || token), $4, token, variant, converted,
         CASE WHEN converted THEN value ELSE 0 END,
         jsonb_build_object('value', (CASE WHEN converted THEN value ELSE 0 END)::text, 'precision', 20), at, at
       FROM (${generated}) s`,
      [from, to, variants, experiment.test_id]
    )
  )
  return to - from + 1
}

module.exports = { loadMonetizationEvents, loadAbSessions }
