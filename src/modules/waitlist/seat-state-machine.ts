import { Context } from "@medusajs/framework/types"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PluginOptions } from "../../lib/plugin-options"
import { AuditRecord, recordAudits } from "./audit-log"
import { findActiveEntry } from "./entry-records"
import { Row, toEntry } from "./entry-row"
import { AuditService, EntryService } from "./internal-services"
import { joinTokenError, hashJoinToken, newJoinToken } from "./join-token"
import { OfferCandidate, planOffers } from "./offer-plan"
import {
  CLAIM_OFFER_SQL,
  CONSUME_BY_CART_SQL,
  DECLINE_OFFER_SQL,
  EXPIRE_LAPSED_OFFERS_SQL,
  JOIN_SQL,
  LOCK_ENDABLE_ENTRIES_SQL,
  LOCK_ENTRIES_SQL,
  LOCK_SESSION_JOINS_SQL,
  OFFER_CANDIDATES_SQL,
  OFFER_ENTRY_SQL,
  RESTORE_CLAIM_SQL,
  REVERT_OFFER_SQL,
  SET_STATUS_IF_SQL,
  SKIP_HEAD_SQL,
  WITHDRAW_JOIN_SQL,
} from "./sql/seat-transitions"
import { OfferedSeat, WaitlistEntryRow, WaitlistStatus } from "./types"

type TxContext = Context<EntityManager>

/** The statements answer each changed row with the database's time of the change. */
const changedAt = (row: Row) => new Date(row.changed_at as string | Date)

/**
 * The seat state machine: WAITING → OFFERED → ACCEPTED → consumed | EXPIRED; DECLINED; LEFT.
 * Every transition is one conditional statement plus its audit record, in the caller's transaction.
 */
export class SeatStateMachine {
  constructor(
    private readonly deps: {
      entries: EntryService
      audits: AuditService
      options: PluginOptions
    }
  ) {}

  async join(
    input: { session_id: string; customer_id: string; quantity: number; accept_partial?: boolean },
    context: TxContext
  ): Promise<{ entry: WaitlistEntryRow; created: boolean }> {
    const manager = context.transactionManager!
    await manager.execute(LOCK_SESSION_JOINS_SQL, [`monetization_waitlist_join:${input.session_id}`])
    const inserted: Row[] = await manager.execute(JOIN_SQL, [
      generateEntityId(undefined, "mwle"),
      input.session_id,
      input.customer_id,
      input.quantity,
      !!input.accept_partial,
      input.session_id,
    ])
    if (!inserted.length) {
      const existing = await findActiveEntry(this.deps.entries, input.session_id, input.customer_id, context)
      return { entry: existing!, created: false }
    }
    const entry = toEntry(inserted[0])
    await this.audit_(context, [
      {
        entry,
        action: "JOINED",
        at: entry.created_at,
        details: { quantity: entry.quantity, ...(entry.accept_partial ? { accept_partial: true } : {}) },
      },
    ])
    return { entry, created: true }
  }

  /**
   * The head of the list and the first WAITING entries that could fit in `free` seats
   * (O(free), not O(list)); locked when they are about to be offered.
   */
  async candidates(manager: EntityManager, variantId: string, free: number, lock: boolean): Promise<OfferCandidate[]> {
    if (free <= 0) {
      return []
    }
    const rows: Row[] = await manager.execute(OFFER_CANDIDATES_SQL, [variantId, variantId, free, free])
    if (lock && rows.length) {
      await manager.execute(LOCK_ENTRIES_SQL, [JSON.stringify(rows.map((row) => row.id))])
    }
    return rows.map((row) => ({
      id: row.id as string,
      quantity: Number(row.quantity),
      skip_count: Number(row.skip_count),
      accept_partial: !!row.accept_partial,
    }))
  }

  async offerSeats(
    input: { session_id: string; seats: number; unreserved: number },
    context: TxContext
  ): Promise<OfferedSeat[]> {
    const manager = context.transactionManager!
    if (input.seats <= 0) {
      return []
    }
    const options = this.deps.options
    const candidates = await this.candidates(manager, input.session_id, input.seats, true)
    const plan = planOffers({
      candidates,
      free: input.seats,
      unreserved: input.unreserved,
      maxSkips: options.waitlistHeadSkips,
    })
    const wanted = new Map(candidates.map((entry) => [entry.id, entry.quantity]))
    const offered: OfferedSeat[] = []
    const audits: AuditRecord[] = []
    for (const planned of plan.offers) {
      const { token, hash } = newJoinToken()
      const updated: Row[] = await manager.execute(OFFER_ENTRY_SQL, [
        planned.quantity,
        options.waitlistOfferMinutes,
        hash,
        planned.id,
      ])
      if (!updated.length) {
        continue
      }
      const entry = toEntry(updated[0])
      audits.push({
        entry,
        action: "OFFERED",
        at: entry.offered_at as Date,
        details: {
          expires_at: entry.offer_expires_at,
          quantity: planned.quantity,
          ...(planned.partial ? { partial: true, wanted: wanted.get(planned.id) } : {}),
        },
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
      await manager.execute(SKIP_HEAD_SQL, [plan.skipped_head])
    }
    await this.audit_(context, audits)
    return offered
  }

  /** Compensation of offerSeats: the entries go back to WAITING with their place kept. */
  async revertOffers(entries: { entry_id: string; quantity: number }[], context: TxContext): Promise<void> {
    for (const entry of entries) {
      await context.transactionManager!.execute(REVERT_OFFER_SQL, [entry.quantity, entry.entry_id])
    }
  }

  /** Uses a join token once: only an unexpired, unused offer of this customer becomes ACCEPTED. */
  async claimOffer(
    input: { session_id: string; customer_id: string; join_token: string },
    context: TxContext
  ): Promise<WaitlistEntryRow> {
    const hash = hashJoinToken(input.join_token)
    const claimed: Row[] = await context.transactionManager!.execute(CLAIM_OFFER_SQL, [
      this.deps.options.waitlistCheckoutMinutes,
      input.session_id,
      input.customer_id,
      hash,
    ])
    if (!claimed.length) {
      throw await joinTokenError(this.deps.entries, { ...input, hash }, context)
    }
    const entry = toEntry(claimed[0])
    await this.audit_(context, [
      { entry, action: "ACCEPTED", at: entry.accepted_at as Date, details: { checkout_expires_at: entry.checkout_expires_at } },
    ])
    return entry
  }

  /** Compensation of claimOffer (cart creation failed): the offer is open again. */
  async restoreClaim(entry_id: string, context: TxContext): Promise<void> {
    await context.transactionManager!.execute(RESTORE_CLAIM_SQL, [entry_id])
  }

  async decline(
    input: { session_id: string; customer_id: string; join_token: string },
    context: TxContext
  ): Promise<WaitlistEntryRow> {
    const hash = hashJoinToken(input.join_token)
    const rows: Row[] = await context.transactionManager!.execute(DECLINE_OFFER_SQL, [
      input.session_id,
      input.customer_id,
      hash,
    ])
    if (!rows.length) {
      throw await joinTokenError(this.deps.entries, { ...input, hash }, context)
    }
    const entry = toEntry(rows[0])
    await this.audit_(context, [{ entry, action: "DECLINED", at: entry.token_used_at as Date, details: null }])
    return entry
  }

  /** Leaves the list; answers the entry as it was so callers know whether a held seat was freed. */
  async leave(input: { session_id: string; customer_id: string }, context: TxContext): Promise<WaitlistEntryRow> {
    const before = await findActiveEntry(this.deps.entries, input.session_id, input.customer_id, context)
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not on this session's waitlist")
    }
    const [changed]: Row[] = await context.transactionManager!.execute(SET_STATUS_IF_SQL, [
      "LEFT",
      before.id,
      before.status,
    ])
    await this.audit_(context, [
      { entry: before, action: "LEFT", at: changed ? changedAt(changed) : new Date(), details: { previous_status: before.status } },
    ])
    return before
  }

  /**
   * Compensation of join: the entry leaves rather than disappearing, because join numbers
   * must have no gaps (positions are counted from them).
   */
  async withdrawJoin(entry_id: string, context: TxContext): Promise<void> {
    const rows: Row[] = await context.transactionManager!.execute(WITHDRAW_JOIN_SQL, [entry_id])
    await this.audit_(
      context,
      rows.map((row) => ({ entry: toEntry(row), action: "LEFT", at: changedAt(row), details: { join_rolled_back: true } }))
    )
  }

  /** Expires lapsed offers (all sessions, or one); answers the expired entries. */
  async expireLapsedOffers(variantId: string | null, context: TxContext): Promise<WaitlistEntryRow[]> {
    const rows: Row[] = await context.transactionManager!.execute(EXPIRE_LAPSED_OFFERS_SQL, [variantId, variantId])
    await this.audit_(
      context,
      rows.map((row) => ({ entry: toEntry(row), action: "EXPIRED", at: changedAt(row), details: { reason: "offer_lapsed" } }))
    )
    return rows.map(toEntry)
  }

  /** The order was placed: Medusa's reservation now holds the seat, ours is released. */
  async consumeByCart(cart_id: string, context: TxContext): Promise<void> {
    const rows: Row[] = await context.transactionManager!.execute(CONSUME_BY_CART_SQL, [cart_id])
    await this.audit_(
      context,
      rows.map((row) => {
        const entry = toEntry(row)
        return { entry, action: "CONSUMED", at: entry.consumed_at as Date, details: { cart_id } }
      })
    )
  }

  /**
   * Takes seats back from entries (ACCEPTED not ordered, or OFFERED) and ends them: EXPIRED or
   * LEFT, with the reason in the audit trail. Answers the entries as they were.
   */
  async endEntries(
    input: { session_id: string | null; entry_ids: string[]; status: "EXPIRED" | "LEFT"; from: WaitlistStatus[]; reason: string },
    context: TxContext
  ): Promise<WaitlistEntryRow[]> {
    if (!input.entry_ids.length) {
      return []
    }
    const manager = context.transactionManager!
    const before: Row[] = await manager.execute(LOCK_ENDABLE_ENTRIES_SQL, [
      JSON.stringify(input.entry_ids),
      input.session_id,
      input.session_id,
      JSON.stringify(input.from),
    ])
    const ended = before.map(toEntry)
    const audits: AuditRecord[] = []
    for (const entry of ended) {
      const [changed]: Row[] = await manager.execute(SET_STATUS_IF_SQL, [input.status, entry.id, entry.status])
      audits.push({
        entry,
        action: input.status,
        at: changed ? changedAt(changed) : new Date(),
        details: {
          reason: input.reason,
          previous_status: entry.status,
          ...(entry.cart_id ? { cart_id: entry.cart_id } : {}),
        },
      })
    }
    await this.audit_(context, audits)
    return ended
  }

  private async audit_(context: TxContext, records: AuditRecord[]): Promise<void> {
    await recordAudits(this.deps.audits, records, context)
  }
}
