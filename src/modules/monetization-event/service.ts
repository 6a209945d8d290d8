import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import MonetizationEvent from "./models/monetization-event"
import MonetizationEventDaily from "./models/monetization-event-daily"
import { INGEST_EVENTS_SQL, REMOVE_EVENTS_SQL } from "./sql"
import { IngestResult, MonetizationEventInput } from "./types"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"

class MonetizationEventModuleService extends MedusaService({
  MonetizationEvent,
  MonetizationEventDaily,
}) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
  }

  async getOptions(): Promise<PluginOptions> {
    return this.options_
  }

  /** Stores a batch in one statement; events whose client id is already stored count as duplicates. */
  @InjectManager()
  async ingest(
    events: MonetizationEventInput[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<IngestResult> {
    if (!events.length) {
      return { accepted: 0, duplicates: 0, inserted_ids: [] }
    }
    const rows = events.map((event) => ({
      ...event,
      id: generateEntityId(undefined, "mev"),
      occurred_at: new Date(event.occurred_at).toISOString(),
    }))
    const inserted: { id: string }[] = await sharedContext.manager!.execute(INGEST_EVENTS_SQL, [
      JSON.stringify(rows),
    ])
    return {
      accepted: inserted.length,
      duplicates: events.length - inserted.length,
      inserted_ids: inserted.map((row) => row.id),
    }
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
}

export default MonetizationEventModuleService
