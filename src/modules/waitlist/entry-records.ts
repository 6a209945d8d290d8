import { Context } from "@medusajs/framework/types"
import { Row, toEntry } from "./entry-row"
import { EntryService } from "./internal-services"
import { ACTIVE_WAITLIST_STATUSES, WaitlistEntryRow, WaitlistStatus } from "./types"

/* Plain reads and writes of entries through the generated service: no state-machine rule lives here. */

export async function findActiveEntry(
  entries: EntryService,
  variantId: string,
  customer_id: string,
  context: Context
): Promise<WaitlistEntryRow | null> {
  const [entry] = await entries.list(
    { session_id: variantId, customer_id, status: ACTIVE_WAITLIST_STATUSES },
    { take: 1 },
    context
  )
  return entry ? toEntry(entry as unknown as Row) : null
}

/** The customer's current entry, or their latest one when none is active (accepted, expired…). */
export async function findLatestEntry(
  entries: EntryService,
  variantId: string,
  customer_id: string,
  context: Context
): Promise<WaitlistEntryRow | null> {
  const active = await findActiveEntry(entries, variantId, customer_id, context)
  if (active) {
    return active
  }
  const [latest] = await entries.list(
    { session_id: variantId, customer_id, status: { $ne: "LEFT" } },
    { order: { seq: "DESC" }, take: 1 },
    context
  )
  return latest ? toEntry(latest as unknown as Row) : null
}

/** A customer's entries still on a list or holding a seat (not ordered). */
export async function listLiveEntriesOfCustomer(
  entries: EntryService,
  customer_id: string,
  context: Context
): Promise<WaitlistEntryRow[]> {
  const live = await entries.list(
    { customer_id, status: ["WAITING", "OFFERED", "ACCEPTED"], consumed_at: null },
    { order: { session_id: "ASC", seq: "ASC" } },
    context
  )
  return live.map((entry) => toEntry(entry as unknown as Row))
}

/** The accepted entry whose cart this is, if any. */
export async function findEntryByCart(
  entries: EntryService,
  cart_id: string,
  context: Context
): Promise<WaitlistEntryRow | null> {
  const [entry] = await entries.list({ cart_id, status: "ACCEPTED" }, { take: 1 }, context)
  return entry ? toEntry(entry as unknown as Row) : null
}

/** The session's WAITING entries in list order (id, customer and seq only). */
export async function listWaitingEntries(
  entries: EntryService,
  variantId: string,
  context: Context
): Promise<{ id: string; customer_id: string; seq: number }[]> {
  const waiting = await entries.list(
    { session_id: variantId, status: "WAITING" },
    { select: ["id", "customer_id", "seq"], order: { seq: "ASC" } },
    context
  )
  return waiting.map((entry) => ({ id: entry.id, customer_id: entry.customer_id as string, seq: Number(entry.seq) }))
}

export async function setEntryStatuses(
  entries: EntryService,
  input: { entry_id: string; status: WaitlistStatus }[],
  context: Context
): Promise<void> {
  if (input.length) {
    await entries.update(
      input.map(({ entry_id, status }) => ({ id: entry_id, status })),
      context
    )
  }
}

export async function setEntryCart(
  entries: EntryService,
  input: { entry_id: string; cart_id: string },
  context: Context
): Promise<void> {
  await entries.update({ id: input.entry_id, cart_id: input.cart_id }, context)
}

/** Erasure: the entries keep their join numbers (positions stay gap-free), lose the customer's id and token hash. */
export async function eraseCustomerEntries(entries: EntryService, customer_id: string, context: Context): Promise<number> {
  const erased = await entries.update(
    [{ selector: { customer_id }, data: { customer_id: null, join_token_hash: null } }],
    context
  )
  return erased.length
}
