import { createHash, randomBytes } from "crypto"
import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { executeCounting } from "../../lib/retention/execute-counting"
import WaitlistAudit from "./models/waitlist-audit"
import WaitlistEntry from "./models/waitlist-entry"
import WaitlistSetting from "./models/waitlist-setting"
import { OfferCandidate, OfferPlan, planOffers } from "./offer-plan"
import { PluginOptions } from "../../lib/plugin-options"
import { injectedPluginOptions } from "../../lib/module-loaders/plugin-options"
import {
  OfferedSeat,
  WaitlistAuditAction,
  WaitlistEntryRow,
  WaitlistPosition,
  WaitlistStatus,
} from "./types"

export function hashJoinToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}

type Row = Record<string, unknown>

const ENTRY_COLUMNS = `id, session_id, customer_id, quantity, status, seq, ordinal, offered_at, offer_expires_at,
  join_token_hash, token_used_at, accepted_at, consumed_at, cart_id, created_at, checkout_expires_at,
  skip_count, accept_partial`

/** Entries per status and seats held, per session (the caller adds WHERE, GROUP BY session_id and ORDER BY). */
const SUMMARY_SQL = `SELECT session_id,
  count(*) FILTER (WHERE status = 'WAITING')::int AS waiting,
  count(*) FILTER (WHERE status = 'OFFERED')::int AS offered,
  count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
  count(*) FILTER (WHERE status = 'EXPIRED')::int AS expired,
  count(*) FILTER (WHERE status = 'DECLINED')::int AS declined,
  count(*) FILTER (WHERE status = 'LEFT')::int AS left,
  coalesce(sum(quantity) FILTER (WHERE status = 'OFFERED' OR (status = 'ACCEPTED' AND consumed_at IS NULL)), 0)::int AS held
FROM monetization_waitlist_entry`

function toEntry(row: Row): WaitlistEntryRow {
  return {
    ...(row as unknown as WaitlistEntryRow),
    seq: Number(row.seq),
    ordinal: row.ordinal == null ? null : Number(row.ordinal),
    quantity: Number(row.quantity),
    skip_count: Number(row.skip_count ?? 0),
    accept_partial: !!row.accept_partial,
  }
}

/**
 * State changes go through single conditional statements (UPDATE … WHERE status = … RETURNING)
 * so a double accept or an accept racing expiry can change an entry at most once, even
 * before the per-session lock the workflows take.
 */
class WaitlistModuleService extends MedusaService({ WaitlistEntry, WaitlistAudit, WaitlistSetting }) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = injectedPluginOptions(container)
  }

  async getOptions(): Promise<PluginOptions> {
    return this.options_
  }

  /** A customer's entries still on a list or holding a seat (not ordered), for erasure. */
  @InjectManager()
  async listLiveEntriesOfCustomer(
    customer_id: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow[]> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT ${ENTRY_COLUMNS} FROM monetization_waitlist_entry
       WHERE customer_id = ? AND status IN ('WAITING', 'OFFERED', 'ACCEPTED') AND consumed_at IS NULL
         AND deleted_at IS NULL
       ORDER BY session_id, seq`,
      [customer_id]
    )
    return rows.map(toEntry)
  }

  /**
   * Erasure: a deleted customer's entries (ended first by the workflow) keep their join number, so
   * positions stay gap-free, and lose the customer's id and any join token hash.
   */
  @InjectManager()
  async eraseCustomer(customer_id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    return executeCounting(
      sharedContext.manager!,
      `UPDATE monetization_waitlist_entry SET customer_id = NULL, join_token_hash = NULL, updated_at = now()
       WHERE customer_id = ?`,
      [customer_id]
    )
  }

  @InjectManager()
  async join(
    input: { session_id: string; customer_id: string; quantity: number; accept_partial?: boolean },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ entry: WaitlistEntryRow; created: boolean }> {
    return this.join_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async join_(
    input: { session_id: string; customer_id: string; quantity: number; accept_partial?: boolean },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ entry: WaitlistEntryRow; created: boolean }> {
    const manager = sharedContext.transactionManager!
    // Joins of one session take turns until commit, so join numbers have no gaps and grow with seq.
    await manager.execute(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [
      `monetization_waitlist_join:${input.session_id}`,
    ])
    const inserted: Row[] = await manager.execute(
      `INSERT INTO monetization_waitlist_entry (id, session_id, customer_id, quantity, accept_partial, status, ordinal, created_at, updated_at)
       SELECT ?, ?, ?, ?, ?, 'WAITING', coalesce(max(ordinal), 0) + 1, now(), now()
       FROM monetization_waitlist_entry WHERE session_id = ? AND deleted_at IS NULL
       ON CONFLICT (session_id, customer_id) WHERE status IN ('WAITING', 'OFFERED') AND deleted_at IS NULL DO NOTHING
       RETURNING ${ENTRY_COLUMNS}`,
      [
        generateEntityId(undefined, "mwle"),
        input.session_id,
        input.customer_id,
        input.quantity,
        !!input.accept_partial,
        input.session_id,
      ]
    )
    if (inserted.length) {
      const entry = toEntry(inserted[0])
      await this.audit_(manager, entry, "JOINED", {
        quantity: entry.quantity,
        ...(entry.accept_partial ? { accept_partial: true } : {}),
      })
      return { entry, created: true }
    }
    const existing = await this.findActive_(manager, input.session_id, input.customer_id)
    return { entry: existing!, created: false }
  }

  @InjectManager()
  async findActiveEntry(
    session_id: string,
    customer_id: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow | null> {
    return this.findActive_(sharedContext.manager!, session_id, customer_id)
  }

  /** The customer's current entry, or their latest one when none is active (accepted, expired…). */
  @InjectManager()
  async findLatestEntry(
    session_id: string,
    customer_id: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow | null> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT ${ENTRY_COLUMNS} FROM monetization_waitlist_entry
       WHERE session_id = ? AND customer_id = ? AND status <> 'LEFT' AND deleted_at IS NULL
       ORDER BY (status IN ('WAITING', 'OFFERED')) DESC, seq DESC LIMIT 1`,
      [session_id, customer_id]
    )
    return rows.length ? toEntry(rows[0]) : null
  }

  /**
   * Position = WAITING entries ahead + 1; 0 once offered. Counted from join numbers, which
   * have no gaps: between the head and an entry, the places not waiting are the entries that
   * left (or were offered) out of turn, found through a partial index. Cost: O(log n + those
   * entries), not O(n).
   */
  @InjectManager()
  async positionOf(
    entry: Pick<WaitlistEntryRow, "session_id" | "ordinal" | "status">,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistPosition> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `WITH head AS (
         SELECT ordinal FROM monetization_waitlist_entry
         WHERE session_id = ? AND status = 'WAITING' AND deleted_at IS NULL ORDER BY seq LIMIT 1
       ), tail AS (
         SELECT ordinal FROM monetization_waitlist_entry
         WHERE session_id = ? AND status = 'WAITING' AND deleted_at IS NULL ORDER BY seq DESC LIMIT 1
       )
       SELECT head.ordinal AS head, tail.ordinal AS tail,
         (SELECT count(*) FROM monetization_waitlist_entry
          WHERE session_id = ? AND status <> 'WAITING' AND deleted_at IS NULL
            AND ordinal > head.ordinal AND ordinal < tail.ordinal) AS gaps,
         (SELECT count(*) FROM monetization_waitlist_entry
          WHERE session_id = ? AND status <> 'WAITING' AND deleted_at IS NULL
            AND ordinal > head.ordinal AND ordinal < least(?::int, tail.ordinal)) AS gaps_ahead
       FROM head, tail`,
      [entry.session_id, entry.session_id, entry.session_id, entry.session_id, entry.ordinal ?? 0]
    )
    const span = rows[0]
    const total = span ? Number(span.tail) - Number(span.head) + 1 - Number(span.gaps) : 0
    if (entry.status !== "WAITING" || !span) {
      return { position: 0, total, estimated_wait_minutes: 0 }
    }
    const position = Number(entry.ordinal) - Number(span.head) + 1 - Number(span.gaps_ahead)
    return { position, total, estimated_wait_minutes: await this.estimate_(sharedContext.manager!, entry.session_id, position) }
  }

  /** Every WAITING entry of a session in FIFO order with its position and ETA. */
  @InjectManager()
  async listPositions(
    session_id: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<(WaitlistPosition & { entry_id: string; customer_id: string; seq: number })[]> {
    const manager = sharedContext.manager!
    const rows: Row[] = await manager.execute(
      `SELECT id, customer_id, seq FROM monetization_waitlist_entry
       WHERE session_id = ? AND status = 'WAITING' AND deleted_at IS NULL ORDER BY seq`,
      [session_id]
    )
    const perSeat = await this.minutesPerPosition_(manager, session_id)
    return rows.map((row, index) => ({
      entry_id: row.id as string,
      customer_id: row.customer_id as string,
      seq: Number(row.seq),
      position: index + 1,
      total: rows.length,
      estimated_wait_minutes: Math.ceil((index + 1) * perSeat),
    }))
  }

  /** Seats promised to waitlisted customers: open offers and accepted carts not yet ordered. */
  @InjectManager()
  async seatCounts(
    session_id: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ held: number; waiting: number }> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT
         coalesce(sum(quantity) FILTER (WHERE status = 'OFFERED' OR (status = 'ACCEPTED' AND consumed_at IS NULL)), 0) AS held,
         coalesce(sum(quantity) FILTER (WHERE status = 'WAITING'), 0) AS waiting
       FROM monetization_waitlist_entry WHERE session_id = ? AND deleted_at IS NULL`,
      [session_id]
    )
    return { held: Number(rows[0].held), waiting: Number(rows[0].waiting) }
  }

  /**
   * What the offer policy would do with `free` seats now (read-only): the cart guard and the
   * seat counts use `unclaimed` as the seats public sale may take.
   */
  @InjectManager()
  async planSeats(
    input: { session_id: string; free: number; unreserved: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<OfferPlan> {
    const candidates = await this.candidates_(sharedContext.manager!, input.session_id, input.free, false)
    return planOffers({ candidates, free: input.free, unreserved: input.unreserved, maxSkips: this.options_.waitlistHeadSkips })
  }

  /** Offers up to `seats` free seats by the offer policy (planOffers); `unreserved` = seats not sold. */
  @InjectManager()
  async offerSeats(
    input: { session_id: string; seats: number; unreserved: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<OfferedSeat[]> {
    return this.offerSeats_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async offerSeats_(
    input: { session_id: string; seats: number; unreserved: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<OfferedSeat[]> {
    const manager = sharedContext.transactionManager!
    if (input.seats <= 0) {
      return []
    }
    const candidates = await this.candidates_(manager, input.session_id, input.seats, true)
    const plan = planOffers({
      candidates,
      free: input.seats,
      unreserved: input.unreserved,
      maxSkips: this.options_.waitlistHeadSkips,
    })
    const wanted = new Map(candidates.map((entry) => [entry.id, entry.quantity]))
    const offered: OfferedSeat[] = []
    const minutes = this.options_.waitlistOfferMinutes
    for (const planned of plan.offers) {
      const token = randomBytes(32).toString("base64url")
      const updated: Row[] = await manager.execute(
        `UPDATE monetization_waitlist_entry
         SET status = 'OFFERED', quantity = ?, offered_at = now(), offer_expires_at = now() + make_interval(mins => ?),
             join_token_hash = ?, token_used_at = NULL, skip_count = 0, updated_at = now()
         WHERE id = ? AND status = 'WAITING'
         RETURNING ${ENTRY_COLUMNS}`,
        [planned.quantity, minutes, hashJoinToken(token), planned.id]
      )
      if (!updated.length) {
        continue
      }
      const entry = toEntry(updated[0])
      await this.audit_(manager, entry, "OFFERED", {
        expires_at: entry.offer_expires_at,
        quantity: planned.quantity,
        ...(planned.partial ? { partial: true, wanted: wanted.get(planned.id) } : {}),
      })
      offered.push({
        entry_id: entry.id,
        session_id: entry.session_id,
        customer_id: entry.customer_id,
        quantity: planned.quantity,
        wanted: wanted.get(planned.id) ?? planned.quantity,
        join_token: token,
        expires_at: new Date(entry.offer_expires_at as Date).toISOString(),
      })
    }
    if (plan.skipped_head && offered.length) {
      await manager.execute(
        `UPDATE monetization_waitlist_entry SET skip_count = skip_count + 1, updated_at = now() WHERE id = ? AND status = 'WAITING'`,
        [plan.skipped_head]
      )
    }
    return offered
  }

  /**
   * The head of the list and the first WAITING entries that could fit in `free` seats: each
   * offer takes at least one seat, so no more than `free` of them matter (O(free), not O(list)).
   */
  private async candidates_(manager: EntityManager, session_id: string, free: number, lock: boolean) {
    if (free <= 0) {
      return []
    }
    const rows: Row[] = await manager.execute(
      `(SELECT id, quantity, skip_count, accept_partial, seq FROM monetization_waitlist_entry
        WHERE session_id = ? AND status = 'WAITING' AND deleted_at IS NULL ORDER BY seq LIMIT 1)
       UNION
       (SELECT id, quantity, skip_count, accept_partial, seq FROM monetization_waitlist_entry
        WHERE session_id = ? AND status = 'WAITING' AND quantity <= ? AND deleted_at IS NULL ORDER BY seq LIMIT ?)
       ORDER BY seq`,
      [session_id, session_id, free, free]
    )
    if (lock && rows.length) {
      await manager.execute(
        `SELECT id FROM monetization_waitlist_entry WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) FOR UPDATE`,
        [JSON.stringify(rows.map((row) => row.id))]
      )
    }
    return rows.map(
      (row): OfferCandidate => ({
        id: row.id as string,
        quantity: Number(row.quantity),
        skip_count: Number(row.skip_count),
        accept_partial: !!row.accept_partial,
      })
    )
  }

  /** Compensation of offerSeats: the entries go back to WAITING with their place kept. */
  @InjectManager()
  async revertOffers(
    entries: { entry_id: string; quantity: number }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    return this.revertOffers_(entries, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertOffers_(
    entries: { entry_id: string; quantity: number }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    for (const entry of entries) {
      await sharedContext.transactionManager!.execute(
        `UPDATE monetization_waitlist_entry
         SET status = 'WAITING', quantity = ?, offered_at = NULL, offer_expires_at = NULL, join_token_hash = NULL,
             updated_at = now()
         WHERE id = ? AND status = 'OFFERED'`,
        [entry.quantity, entry.entry_id]
      )
    }
  }

  /** Uses a join token once: only an unexpired, unused offer of this customer becomes ACCEPTED. */
  @InjectManager()
  async claimOffer(
    input: { session_id: string; customer_id: string; join_token: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow> {
    return this.claimOffer_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async claimOffer_(
    input: { session_id: string; customer_id: string; join_token: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow> {
    const manager = sharedContext.transactionManager!
    const hash = hashJoinToken(input.join_token)
    const claimed: Row[] = await manager.execute(
      `UPDATE monetization_waitlist_entry
       SET status = 'ACCEPTED', token_used_at = now(), accepted_at = now(),
           checkout_expires_at = now() + make_interval(mins => ?), updated_at = now()
       WHERE session_id = ? AND customer_id = ? AND join_token_hash = ? AND status = 'OFFERED'
         AND token_used_at IS NULL AND offer_expires_at > now() AND deleted_at IS NULL
       RETURNING ${ENTRY_COLUMNS}`,
      [this.options_.waitlistCheckoutMinutes, input.session_id, input.customer_id, hash]
    )
    if (claimed.length) {
      const entry = toEntry(claimed[0])
      await this.audit_(manager, entry, "ACCEPTED", { checkout_expires_at: entry.checkout_expires_at })
      return entry
    }
    throw await this.tokenError_(manager, input.session_id, input.customer_id, hash)
  }

  /** Compensation of claimOffer (cart creation failed): the offer is open again. */
  @InjectManager()
  async restoreClaim(entry_id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    return this.restoreClaim_(entry_id, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreClaim_(entry_id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    await sharedContext.transactionManager!.execute(
      `UPDATE monetization_waitlist_entry
       SET status = 'OFFERED', token_used_at = NULL, accepted_at = NULL, checkout_expires_at = NULL, cart_id = NULL,
           updated_at = now()
       WHERE id = ? AND status = 'ACCEPTED' AND consumed_at IS NULL`,
      [entry_id]
    )
  }

  @InjectManager()
  async decline(
    input: { session_id: string; customer_id: string; join_token: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow> {
    return this.decline_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async decline_(
    input: { session_id: string; customer_id: string; join_token: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow> {
    const manager = sharedContext.transactionManager!
    const hash = hashJoinToken(input.join_token)
    const rows: Row[] = await manager.execute(
      `UPDATE monetization_waitlist_entry
       SET status = 'DECLINED', token_used_at = now(), updated_at = now()
       WHERE session_id = ? AND customer_id = ? AND join_token_hash = ? AND status = 'OFFERED'
         AND token_used_at IS NULL AND deleted_at IS NULL
       RETURNING ${ENTRY_COLUMNS}`,
      [input.session_id, input.customer_id, hash]
    )
    if (!rows.length) {
      throw await this.tokenError_(manager, input.session_id, input.customer_id, hash)
    }
    const entry = toEntry(rows[0])
    await this.audit_(manager, entry, "DECLINED", null)
    return entry
  }

  /** Leaves the list; answers the entry as it was so callers know whether a held seat was freed. */
  @InjectManager()
  async leave(
    input: { session_id: string; customer_id: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow> {
    return this.leave_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async leave_(
    input: { session_id: string; customer_id: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow> {
    const manager = sharedContext.transactionManager!
    const before = await this.findActive_(manager, input.session_id, input.customer_id)
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not on this session's waitlist")
    }
    await manager.execute(
      `UPDATE monetization_waitlist_entry SET status = 'LEFT', updated_at = now() WHERE id = ? AND status = ?`,
      [before.id, before.status]
    )
    await this.audit_(manager, before, "LEFT", { previous_status: before.status })
    return before
  }

  /**
   * Compensation of join: the entry leaves rather than disappearing, because join numbers
   * must have no gaps (positions are counted from them).
   */
  @InjectManager()
  async withdrawJoin(entry_id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    return this.withdrawJoin_(entry_id, sharedContext)
  }

  @InjectTransactionManager()
  protected async withdrawJoin_(entry_id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const manager = sharedContext.transactionManager!
    const rows: Row[] = await manager.execute(
      `UPDATE monetization_waitlist_entry SET status = 'LEFT', updated_at = now()
       WHERE id = ? AND status IN ('WAITING', 'OFFERED') AND deleted_at IS NULL
       RETURNING ${ENTRY_COLUMNS}`,
      [entry_id]
    )
    if (rows.length) {
      await this.audit_(manager, toEntry(rows[0]), "LEFT", { join_rolled_back: true })
    }
  }

  /** Compensation for leave/decline/expire: puts the entry back in its previous status. */
  @InjectManager()
  async restoreStatus(
    input: { entry_id: string; status: WaitlistStatus },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    return this.restoreStatus_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreStatus_(
    input: { entry_id: string; status: WaitlistStatus },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    await sharedContext.transactionManager!.execute(
      `UPDATE monetization_waitlist_entry SET status = ?, updated_at = now() WHERE id = ?`,
      [input.status, input.entry_id]
    )
  }

  /** Expires lapsed offers (all sessions, or one); answers the expired entries. */
  @InjectManager()
  async expireLapsedOffers(
    session_id: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow[]> {
    return this.expireLapsedOffers_(session_id, sharedContext)
  }

  @InjectTransactionManager()
  protected async expireLapsedOffers_(
    session_id: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow[]> {
    const manager = sharedContext.transactionManager!
    const rows: Row[] = await manager.execute(
      `UPDATE monetization_waitlist_entry SET status = 'EXPIRED', updated_at = now()
       WHERE status = 'OFFERED' AND offer_expires_at <= now() AND deleted_at IS NULL
         AND (?::text IS NULL OR session_id = ?)
       RETURNING ${ENTRY_COLUMNS}`,
      [session_id, session_id]
    )
    const entries = rows.map(toEntry)
    for (const entry of entries) {
      await this.audit_(manager, entry, "EXPIRED", { reason: "offer_lapsed" })
    }
    return entries
  }

  @InjectManager()
  async setCart(
    input: { entry_id: string; cart_id: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    return this.setCart_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async setCart_(
    input: { entry_id: string; cart_id: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    await sharedContext.transactionManager!.execute(
      `UPDATE monetization_waitlist_entry SET cart_id = ?, updated_at = now() WHERE id = ?`,
      [input.cart_id, input.entry_id]
    )
  }

  /** The accepted entry whose cart this is, if any: such a cart may buy the held seat. */
  @InjectManager()
  async findByCart(
    cart_id: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow | null> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT ${ENTRY_COLUMNS} FROM monetization_waitlist_entry
       WHERE cart_id = ? AND status = 'ACCEPTED' AND deleted_at IS NULL LIMIT 1`,
      [cart_id]
    )
    return rows.length ? toEntry(rows[0]) : null
  }

  /** The order was placed: Medusa's reservation now holds the seat, ours is released. */
  @InjectManager()
  async consumeByCart(cart_id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    return this.consumeByCart_(cart_id, sharedContext)
  }

  @InjectTransactionManager()
  protected async consumeByCart_(cart_id: string, @MedusaContext() sharedContext: Context<EntityManager> = {}) {
    const manager = sharedContext.transactionManager!
    const rows: Row[] = await manager.execute(
      `UPDATE monetization_waitlist_entry SET consumed_at = now(), updated_at = now()
       WHERE cart_id = ? AND status = 'ACCEPTED' AND consumed_at IS NULL AND deleted_at IS NULL
       RETURNING ${ENTRY_COLUMNS}`,
      [cart_id]
    )
    for (const row of rows) {
      await this.audit_(manager, toEntry(row), "CONSUMED", { cart_id })
    }
  }

  /** Accepted seats whose checkout deadline passed and whose order was not placed (all sessions, or one). */
  @InjectManager()
  async listLapsedCheckouts(
    session_id: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow[]> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT ${ENTRY_COLUMNS} FROM monetization_waitlist_entry
       WHERE status = 'ACCEPTED' AND consumed_at IS NULL AND deleted_at IS NULL
         AND coalesce(checkout_expires_at, accepted_at + make_interval(mins => ?)) <= now()
         AND (?::text IS NULL OR session_id = ?)`,
      [this.options_.waitlistCheckoutMinutes, session_id, session_id]
    )
    return rows.map(toEntry)
  }

  /**
   * Takes seats back from entries (ACCEPTED not ordered, or OFFERED) and ends them: EXPIRED
   * (a lapsed checkout, or released by the organizer) or LEFT (removed by the organizer), with
   * the reason in the audit trail. Answers the entries as they were.
   */
  @InjectManager()
  async endEntries(
    input: {
      session_id: string | null
      entry_ids: string[]
      status: "EXPIRED" | "LEFT"
      from: WaitlistStatus[]
      reason: string
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow[]> {
    return this.endEntries_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async endEntries_(
    input: {
      session_id: string | null
      entry_ids: string[]
      status: "EXPIRED" | "LEFT"
      from: WaitlistStatus[]
      reason: string
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<WaitlistEntryRow[]> {
    const manager = sharedContext.transactionManager!
    if (!input.entry_ids.length) {
      return []
    }
    const before: Row[] = await manager.execute(
      `SELECT ${ENTRY_COLUMNS} FROM monetization_waitlist_entry
       WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND (?::text IS NULL OR session_id = ?)
         AND status IN (SELECT jsonb_array_elements_text(?::jsonb)) AND consumed_at IS NULL AND deleted_at IS NULL
       FOR UPDATE`,
      [JSON.stringify(input.entry_ids), input.session_id, input.session_id, JSON.stringify(input.from)]
    )
    const ended: WaitlistEntryRow[] = []
    for (const row of before) {
      const entry = toEntry(row)
      await manager.execute(
        `UPDATE monetization_waitlist_entry SET status = ?, updated_at = now() WHERE id = ? AND status = ?`,
        [input.status, entry.id, entry.status]
      )
      await this.audit_(manager, entry, input.status, {
        reason: input.reason,
        previous_status: entry.status,
        ...(entry.cart_id ? { cart_id: entry.cart_id } : {}),
      })
      ended.push(entry)
    }
    return ended
  }

  /** Compensation of endEntries (and of other status changes): each entry back to its status. */
  @InjectManager()
  async restoreStatuses(
    input: { entry_id: string; status: WaitlistStatus }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    return this.restoreStatuses_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreStatuses_(
    input: { entry_id: string; status: WaitlistStatus }[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    for (const entry of input) {
      await sharedContext.transactionManager!.execute(
        `UPDATE monetization_waitlist_entry SET status = ?, updated_at = now() WHERE id = ?`,
        [entry.status, entry.entry_id]
      )
    }
  }

  /** Whether the organizer enabled a waitlist here: the session's own setting, else its product's. */
  @InjectManager()
  async isWaitlistEnabled(
    input: { session_id: string; product_id: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT scope, enabled FROM monetization_waitlist_setting
       WHERE deleted_at IS NULL AND ((scope = 'session' AND ref_id = ?) OR (scope = 'product' AND ref_id = ?))`,
      [input.session_id, input.product_id ?? ""]
    )
    const own = rows.find((row) => row.scope === "session")
    const product = rows.find((row) => row.scope === "product")
    return !!(own ?? product)?.enabled
  }

  /** Sets one setting; answers the previous one (null when there was none) for compensation. */
  @InjectManager()
  async setWaitlistEnabled(
    input: { scope: "session" | "product"; ref_id: string; enabled: boolean | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean | null> {
    return this.setWaitlistEnabled_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async setWaitlistEnabled_(
    input: { scope: "session" | "product"; ref_id: string; enabled: boolean | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean | null> {
    const manager = sharedContext.transactionManager!
    const previous: Row[] = await manager.execute(
      `DELETE FROM monetization_waitlist_setting WHERE scope = ? AND ref_id = ? RETURNING enabled`,
      [input.scope, input.ref_id]
    )
    if (input.enabled !== null) {
      await manager.execute(
        `INSERT INTO monetization_waitlist_setting (id, scope, ref_id, enabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, now(), now())`,
        [generateEntityId(undefined, "mwls"), input.scope, input.ref_id, input.enabled]
      )
    }
    return previous.length ? !!previous[0].enabled : null
  }

  /** Sessions that have people waiting or open offers (for the reconciliation job). */
  @InjectManager()
  async listActiveSessionIds(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<string[]> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `SELECT DISTINCT session_id FROM monetization_waitlist_entry
       WHERE (status IN ('WAITING', 'OFFERED') OR (status = 'ACCEPTED' AND consumed_at IS NULL)) AND deleted_at IS NULL`,
      []
    )
    return rows.map((row) => row.session_id as string)
  }

  /** Per-session counts by status. */
  /** One page of the per-session summaries (sessions in id order), and how many sessions have entries. */
  @InjectManager()
  async summarizePage(
    page: { limit: number; offset: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ rows: Record<string, unknown>[]; count: number }> {
    const manager = sharedContext.manager!
    const [counted]: Row[] = await manager.execute(
      `SELECT count(DISTINCT session_id)::int AS count FROM monetization_waitlist_entry WHERE deleted_at IS NULL`
    )
    const rows: Row[] = await manager.execute(
      `${SUMMARY_SQL} WHERE session_id IN (
         SELECT DISTINCT session_id FROM monetization_waitlist_entry WHERE deleted_at IS NULL
         ORDER BY session_id LIMIT ? OFFSET ?
       ) AND deleted_at IS NULL
       GROUP BY session_id ORDER BY session_id`,
      [page.limit, page.offset]
    )
    return { rows, count: Number(counted?.count ?? 0) }
  }

  @InjectManager()
  async summarize(
    session_id: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, unknown>[]> {
    const rows: Row[] = await sharedContext.manager!.execute(
      `${SUMMARY_SQL}
       WHERE deleted_at IS NULL AND (?::text IS NULL OR session_id = ?)
       GROUP BY session_id ORDER BY session_id`,
      [session_id, session_id]
    )
    return rows
  }

  private async findActive_(manager: EntityManager, session_id: string, customer_id: string) {
    const rows: Row[] = await manager.execute(
      `SELECT ${ENTRY_COLUMNS} FROM monetization_waitlist_entry
       WHERE session_id = ? AND customer_id = ? AND status IN ('WAITING', 'OFFERED') AND deleted_at IS NULL LIMIT 1`,
      [session_id, customer_id]
    )
    return rows.length ? toEntry(rows[0]) : null
  }

  private async tokenError_(manager: EntityManager, session_id: string, customer_id: string, hash: string) {
    const rows: Row[] = await manager.execute(
      `SELECT status, token_used_at, offer_expires_at FROM monetization_waitlist_entry
       WHERE session_id = ? AND customer_id = ? AND join_token_hash = ? AND deleted_at IS NULL LIMIT 1`,
      [session_id, customer_id, hash]
    )
    if (!rows.length) {
      return new MedusaError(MedusaError.Types.NOT_ALLOWED, "Invalid join token")
    }
    const row = rows[0]
    if (row.token_used_at || row.status !== "OFFERED") {
      return new MedusaError(MedusaError.Types.NOT_ALLOWED, `This join token was already used (offer ${String(row.status).toLowerCase()})`)
    }
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, "This offer has expired")
  }

  /**
   * Mean wait (accepted_at − joined_at, i.e. the entry's created_at) in minutes of the given
   * sessions' entries accepted in [from, to), over the newest `maxSamples` of them; null without any.
   * Read from the waitlist's own rows: no client report can move it.
   */
  @InjectManager()
  async averageWaitMinutes(
    input: { session_ids: string[]; from: Date; to: Date; max_samples: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ average_minutes: number | null; samples: number }> {
    if (!input.session_ids.length) {
      return { average_minutes: null, samples: 0 }
    }
    const [row]: Row[] = await sharedContext.manager!.execute(
      `SELECT avg(wait)::float8 AS average, count(*)::int AS samples FROM (
         SELECT extract(epoch FROM (accepted_at - created_at)) / 60 AS wait
         FROM monetization_waitlist_entry
         WHERE session_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND accepted_at IS NOT NULL
           AND accepted_at >= ? AND accepted_at < ? AND deleted_at IS NULL
         ORDER BY accepted_at DESC
         LIMIT ?
       ) recent`,
      [JSON.stringify(input.session_ids), input.from.toISOString(), input.to.toISOString(), input.max_samples]
    )
    const samples = Number(row?.samples ?? 0)
    return { average_minutes: samples ? Number(row.average) : null, samples }
  }

  /**
   * Minutes of waiting per place in line: the observed mean join→offer time per seat,
   * inflated by the share of offers that lapse or are declined; the offer window before data exists.
   */
  private async minutesPerPosition_(manager: EntityManager, session_id: string): Promise<number> {
    const rows: Row[] = await manager.execute(
      `SELECT
         count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
         count(*) FILTER (WHERE status IN ('EXPIRED', 'DECLINED'))::int AS lost,
         avg(extract(epoch FROM (coalesce(accepted_at, offered_at + make_interval(mins => ?)) - offered_at)) / 60)
           FILTER (WHERE status IN ('ACCEPTED', 'EXPIRED', 'DECLINED')) AS minutes_to_decide
       FROM monetization_waitlist_entry
       WHERE session_id = ? AND status IN ('ACCEPTED', 'EXPIRED', 'DECLINED') AND offered_at IS NOT NULL
         AND deleted_at IS NULL`,
      [this.options_.waitlistOfferMinutes, session_id]
    )
    const accepted = Number(rows[0].accepted)
    const lost = Number(rows[0].lost)
    if (accepted + lost === 0) {
      return this.options_.waitlistOfferMinutes
    }
    const acceptance = Math.max(accepted / (accepted + lost), 0.1)
    const minutesToDecide = Math.max(Number(rows[0].minutes_to_decide ?? this.options_.waitlistOfferMinutes), 1)
    return minutesToDecide / acceptance
  }

  private async estimate_(manager: EntityManager, session_id: string, position: number) {
    return Math.ceil(position * (await this.minutesPerPosition_(manager, session_id)))
  }

  private async audit_(
    manager: EntityManager,
    entry: Pick<WaitlistEntryRow, "id" | "session_id">,
    action: WaitlistAuditAction,
    details: Record<string, unknown> | null
  ) {
    await manager.execute(
      `INSERT INTO monetization_waitlist_audit (id, entry_id, session_id, action, at, details, created_at, updated_at)
       VALUES (?, ?, ?, ?, now(), ?::jsonb, now(), now())`,
      [generateEntityId(undefined, "mwla"), entry.id, entry.session_id, action, details ? JSON.stringify(details) : null]
    )
  }
}

export default WaitlistModuleService
