import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityIds } from "../../lib/entity-ids"
import AbEvent from "./models/ab-event"
import AbExperiment from "./models/ab-experiment"
import AbSession from "./models/ab-session"
import { buildAbTestResults, AbTestResults } from "./results"
import { AB_VARIANT_AGGREGATES_SQL, EXPOSED_SESSIONS_SQL, INGEST_AB_EVENTS_SQL, REMOVE_AB_EVENTS_SQL } from "./sql"
import { AbEventInput, AbExperimentDTO, AbIngestResult, AbVariantAggregate } from "./types"
import { PluginOptions } from "../../lib/plugin-options"
import { injectedPluginOptions } from "../../lib/module-loaders/plugin-options"
import { executeCounting } from "../../lib/retention/execute-counting"
import { ERASE_CUSTOMER_AB_EVENTS_SQL, PURGE_AB_EVENTS_SQL } from "./retention-sql"

class AbTestModuleService extends MedusaService({
  AbExperiment,
  AbEvent,
  AbSession,
}) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = injectedPluginOptions(container)
  }

  async getOptions(): Promise<PluginOptions> {
    return this.options_
  }

  /** The live experiment with this public key; NOT_FOUND (404) otherwise. */
  /** Retention: deletes one batch of raw A/B events older than `cutoff`, never a running test's; answers how many. */
  @InjectManager()
  async purgeAbEventsBefore(
    cutoff: Date,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    return executeCounting(sharedContext.manager!, PURGE_AB_EVENTS_SQL, [cutoff.toISOString(), limit])
  }

  /** Erasure: removes a deleted customer's id, user id, user agent and IP prefix from their A/B events. */
  @InjectManager()
  async eraseCustomerAbEvents(
    customerId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    return executeCounting(sharedContext.manager!, ERASE_CUSTOMER_AB_EVENTS_SQL, [customerId])
  }

  @InjectManager()
  async retrieveAbExperimentByTestId(
    testId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AbExperimentDTO> {
    const [experiment] = await this.listAbExperiments({ test_id: testId }, { take: 1 }, sharedContext)
    if (!experiment) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `A/B test ${testId} was not found`)
    }
    return experiment as unknown as AbExperimentDTO
  }

  /**
   * Which of the given (test, session) pairs the server has an exposure for: a stored
   * `variant_view`, kept in the session rollup. Answers `test_id + "\n" + session_token` keys.
   */
  @InjectManager()
  async listExposedSessions(
    pairs: { test_id: string; session_token: string }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Set<string>> {
    if (!pairs.length) {
      return new Set()
    }
    // One join over all pairs; the generated list methods would take one filter per pair.
    const rows: { test_id: string; session_token: string }[] = await sharedContext.manager!.execute(
      EXPOSED_SESSIONS_SQL,
      [JSON.stringify(pairs)]
    )
    return new Set(rows.map((row) => `${row.test_id}\n${row.session_token}`))
  }

  /** Stores a batch in one statement; events whose dedup key is already stored for the test count as duplicates. */
  @InjectManager()
  async ingestAbEvents(
    events: AbEventInput[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AbIngestResult> {
    if (!events.length) {
      return { accepted: 0, duplicates: 0, inserted_ids: [] }
    }
    const ids = generateEntityIds("mabe", events.length)
    const rows = events.map((event, index) => ({
      ...event,
      id: ids[index],
      occurred_at: new Date(event.occurred_at).toISOString(),
    }))
    // One multi-row insert with dedup and the session rollup in the same statement (hot path).
    const inserted: { id: string }[] = await sharedContext.manager!.execute(INGEST_AB_EVENTS_SQL, [
      JSON.stringify(rows),
    ])
    return {
      accepted: inserted.length,
      duplicates: events.length - inserted.length,
      inserted_ids: inserted.map((row) => row.id),
    }
  }

  @InjectManager()
  async removeAbEvents(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    if (ids.length) {
      // The delete and the session rollup's correction must be one atomic statement.
      await sharedContext.manager!.execute(REMOVE_AB_EVENTS_SQL, [JSON.stringify(ids), JSON.stringify(ids)])
    }
  }

  /** Per-variant sessions, converting sessions and revenue sums, grouped in SQL from the session rollup. */
  @InjectManager()
  async aggregateAbVariants(
    testId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AbVariantAggregate[]> {
    // Grouped sums in the database: a running test can have millions of sessions.
    const rows: AbVariantAggregate[] = await sharedContext.manager!.execute(AB_VARIANT_AGGREGATES_SQL, [testId])
    return rows.map((row) => ({
      variant_id: row.variant_id,
      sessions: Number(row.sessions),
      conversions: Number(row.conversions),
      revenue_sum: Number(row.revenue_sum),
      revenue_sum_sq: Number(row.revenue_sum_sq),
    }))
  }

  /** The statistical read-out of an experiment (see `buildAbTestResults`). */
  @InjectManager()
  async computeAbTestResults(
    experiment: AbExperimentDTO,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AbTestResults> {
    const aggregates = await this.aggregateAbVariants(experiment.test_id, sharedContext)
    return buildAbTestResults(experiment, aggregates)
  }
}

export default AbTestModuleService
