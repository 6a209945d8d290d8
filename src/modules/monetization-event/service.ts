import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import MonetizationEvent from "./models/monetization-event"
import MonetizationEventDaily from "./models/monetization-event-daily"
import { INGEST_EVENTS_SQL, REMOVE_EVENTS_SQL } from "./sql"
import { toIngestRows } from "./ingest-rows"
import { IngestCoalescer } from "./ingest-coalescer"
import { generateEntityIds } from "../../lib/entity-ids"
import { IngestResult, MonetizationEventInput, MonetizationEventType } from "./types"
import {
  COUNTS_BY_DAY_AND_ENTITY_SQL,
  COUNTS_BY_DAY_SQL,
  COUNTS_BY_ENTITY_SQL,
  COUNTS_BY_TYPE_SQL,
} from "./analytics-sql"
import { DayCount, DayEntityCount, DayRange, EntityCount } from "./analytics-types"
import { PluginOptions } from "../../lib/plugin-options"
import { injectedPluginOptions } from "../../lib/module-loaders/plugin-options"
import { executeCounting } from "../../lib/retention/execute-counting"
import { ERASE_CUSTOMER_EVENTS_SQL, PURGE_EVENTS_SQL } from "./retention-sql"

const emptyResult = (): IngestResult => ({ accepted: 0, duplicates: 0, inserted_ids: [], inserted_client_event_ids: [] })

/** Statements in flight before client batches queue up to share one, and how many events one carries. */
const COALESCE_IN_FLIGHT = 4
const COALESCE_MAX_EVENTS = 5000

class MonetizationEventModuleService extends MedusaService({
  MonetizationEvent,
  MonetizationEventDaily,
}) {
  protected readonly options_: PluginOptions
  protected readonly coalescer_ = new IngestCoalescer(
    (batches) => this.ingestBatches(batches),
    COALESCE_IN_FLIGHT,
    COALESCE_MAX_EVENTS
  )

  constructor(container: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = injectedPluginOptions(container)
  }

  async getOptions(): Promise<PluginOptions> {
    return this.options_
  }

  /** Retention: deletes one batch of raw events older than `cutoff` (rollups stay); answers how many. */
  @InjectManager()
  async purgeEventsBefore(
    cutoff: Date,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    return executeCounting(sharedContext.manager!, PURGE_EVENTS_SQL, [cutoff.toISOString(), limit])
  }

  /** Erasure: removes a deleted customer's id, session token, user agent and IP prefix from their events. */
  @InjectManager()
  async eraseCustomerEvents(
    customerId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    return executeCounting(sharedContext.manager!, ERASE_CUSTOMER_EVENTS_SQL, [customerId])
  }

  /** Stores a batch in one statement; events whose client id is already stored count as duplicates. */
  @InjectManager()
  async ingest(
    events: MonetizationEventInput[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<IngestResult> {
    const [result] = await this.ingestBatches([events], sharedContext)
    return result
  }

  /**
   * Stores a batch like `ingest`, committed together with other callers' batches when the
   * server is busy (IngestCoalescer): for autocommitted client traffic, never inside a transaction.
   */
  ingestCoalesced(events: MonetizationEventInput[]): Promise<IngestResult> {
    return events.length ? this.coalescer_.submit(events) : Promise.resolve(emptyResult())
  }

  /** Several batches in one statement, each with its own result. */
  @InjectManager()
  async ingestBatches(
    batches: MonetizationEventInput[][],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<IngestResult[]> {
    const events = batches.flat()
    if (!events.length) {
      return batches.map(emptyResult)
    }
    const ids = generateEntityIds("mev", events.length)
    const { shared, rows } = toIngestRows(events, ids)
    // Through knex, the batch travels as one bound parameter; MikroORM's `execute`
    // would first inline it into the SQL text, escaping it character by character.
    const manager = sharedContext.manager!
    const knex = manager.getTransactionContext() ?? manager.getKnex()
    const { rows: inserted }: { rows: { id: string; client_event_id: string }[] } = await knex.raw(
      INGEST_EVENTS_SQL,
      [JSON.stringify(shared), JSON.stringify(rows)]
    )
    const stored = new Map(inserted.map((row) => [row.id, row.client_event_id]))
    let offset = 0
    return batches.map((batch) => {
      const result = emptyResult()
      for (const id of ids.slice(offset, offset + batch.length)) {
        const clientEventId = stored.get(id)
        if (clientEventId === undefined) {
          result.duplicates++
        } else {
          result.accepted++
          result.inserted_ids.push(id)
          result.inserted_client_event_ids.push(clientEventId)
        }
      }
      offset += batch.length
      return result
    })
  }

  @InjectManager()
  async removeIngested(
    ids: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    if (ids.length) {
      await sharedContext.manager!.execute(REMOVE_EVENTS_SQL, [JSON.stringify(ids)])
    }
  }

  /** Rollup counts over a day range, summed per type and entity, for the given entities only. */
  @InjectManager()
  async countEventsByEntity(
    range: DayRange,
    entityIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<EntityCount[]> {
    if (!entityIds.length) {
      return []
    }
    const rows: { type: MonetizationEventType; entity_id: string; count: string | number }[] =
      await sharedContext.manager!.execute(COUNTS_BY_ENTITY_SQL, [
        range.event_id,
        range.date_from,
        range.date_to,
        JSON.stringify(entityIds),
      ])
    return rows.map((row) => ({ type: row.type, entity_id: row.entity_id, count: Number(row.count) }))
  }

  /** Rollup counts over a day range, summed per type. */
  @InjectManager()
  async countEventsByType(
    range: DayRange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Partial<Record<MonetizationEventType, number>>> {
    const rows: { type: MonetizationEventType; count: string | number }[] = await sharedContext.manager!.execute(
      COUNTS_BY_TYPE_SQL,
      [range.event_id, range.date_from, range.date_to]
    )
    return Object.fromEntries(rows.map((row) => [row.type, Number(row.count)]))
  }

  /** Rollup counts over a day range, summed per day and type. */
  @InjectManager()
  async countEventsByDay(
    range: DayRange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<DayCount[]> {
    const rows: { day: string; type: MonetizationEventType; count: string | number }[] =
      await sharedContext.manager!.execute(COUNTS_BY_DAY_SQL, [range.event_id, range.date_from, range.date_to])
    return rows.map((row) => ({ day: row.day, type: row.type, count: Number(row.count) }))
  }

  /** Rollup counts per day of the given entities and types (e.g. what CPM/CPC ads bill on). */
  @InjectManager()
  async countEventsByDayAndEntity(
    range: DayRange,
    types: MonetizationEventType[],
    entityIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<DayEntityCount[]> {
    const rows: { day: string; type: MonetizationEventType; entity_id: string; count: string | number }[] =
      await sharedContext.manager!.execute(COUNTS_BY_DAY_AND_ENTITY_SQL, [
        range.event_id,
        range.date_from,
        range.date_to,
        JSON.stringify(types),
        JSON.stringify(entityIds),
      ])
    return rows.map((row) => ({ day: row.day, type: row.type, entity_id: row.entity_id, count: Number(row.count) }))
  }
}

export default MonetizationEventModuleService
