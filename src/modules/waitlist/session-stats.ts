import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { Row, toEntry } from "./entry-row"
import {
  ACTIVE_SESSION_IDS_SQL,
  AVERAGE_WAIT_SQL,
  LAPSED_CHECKOUTS_SQL,
  SEAT_COUNTS_SQL,
  SESSIONS_WITH_ENTRIES_COUNT_SQL,
  SUMMARY_OF_SQL,
  SUMMARY_PAGE_SQL,
} from "./sql/reports"
import { WaitlistEntryRow } from "./types"

/** Per-session figures for the cart guard, the jobs and the admin: aggregates in one statement each. */

export async function seatCounts(manager: EntityManager, variantId: string): Promise<{ held: number; waiting: number }> {
  const [row]: Row[] = await manager.execute(SEAT_COUNTS_SQL, [variantId])
  return { held: Number(row.held), waiting: Number(row.waiting) }
}

export async function listLapsedCheckouts(
  manager: EntityManager,
  variantId: string | null,
  checkoutMinutes: number
): Promise<WaitlistEntryRow[]> {
  const rows: Row[] = await manager.execute(LAPSED_CHECKOUTS_SQL, [checkoutMinutes, variantId, variantId])
  return rows.map(toEntry)
}

export async function listActiveSessionIds(manager: EntityManager): Promise<string[]> {
  const rows: Row[] = await manager.execute(ACTIVE_SESSION_IDS_SQL, [])
  return rows.map((row) => row.session_id as string)
}

export async function summarizePage(
  manager: EntityManager,
  page: { limit: number; offset: number }
): Promise<{ rows: Record<string, unknown>[]; count: number }> {
  const [counted]: Row[] = await manager.execute(SESSIONS_WITH_ENTRIES_COUNT_SQL)
  const rows: Row[] = await manager.execute(SUMMARY_PAGE_SQL, [page.limit, page.offset])
  return { rows, count: Number(counted?.count ?? 0) }
}

export async function summarize(manager: EntityManager, variantId: string | null): Promise<Record<string, unknown>[]> {
  return manager.execute(SUMMARY_OF_SQL, [variantId, variantId])
}

export async function averageWaitMinutes(
  manager: EntityManager,
  input: { session_ids: string[]; from: Date; to: Date; max_samples: number }
): Promise<{ average_minutes: number | null; samples: number }> {
  if (!input.session_ids.length) {
    return { average_minutes: null, samples: 0 }
  }
  const [row]: Row[] = await manager.execute(AVERAGE_WAIT_SQL, [
    JSON.stringify(input.session_ids),
    input.from.toISOString(),
    input.to.toISOString(),
    input.max_samples,
  ])
  const samples = Number(row?.samples ?? 0)
  return { average_minutes: samples ? Number(row.average) : null, samples }
}
