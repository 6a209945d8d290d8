import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { PluginOptions } from "../../lib/plugin-options"
import {
  eraseCustomerEntries,
  findActiveEntry,
  findEntryByCart,
  findLatestEntry,
  listLiveEntriesOfCustomer,
  listWaitingEntries,
  setEntryCart,
  setEntryStatuses,
} from "./entry-records"
import { positionOf, positionsInOrder } from "./eta"
import { AuditService, EntryService, SettingService, WaitlistInternalServices } from "./internal-services"
import WaitlistAudit from "./models/waitlist-audit"
import WaitlistEntry from "./models/waitlist-entry"
import WaitlistSetting from "./models/waitlist-setting"
import { OfferPlan, planOffers } from "./offer-plan"
import { SeatStateMachine } from "./seat-state-machine"
import * as stats from "./session-stats"
import * as settings from "./settings"
import { OfferedSeat, WaitlistEntryRow, WaitlistPosition, WaitlistStatus } from "./types"
import { injectedPluginOptions } from "../../lib/module-loaders/plugin-options"

export { hashJoinToken } from "./join-token"

type Ctx = Context<EntityManager>

/**
 * The waitlist module's public face: each method opens the manager (reads) or the transaction
 * (changes) and hands over to the piece that does the job — the seat state machine, the entry
 * records, positions and ETAs, session figures, settings.
 */
class WaitlistModuleService extends MedusaService({ WaitlistEntry, WaitlistAudit, WaitlistSetting }) {
  protected readonly options_: PluginOptions
  protected readonly entries_: EntryService
  protected readonly audits_: AuditService
  protected readonly settings_: SettingService
  protected readonly seats_: SeatStateMachine

  constructor(container: WaitlistInternalServices) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = injectedPluginOptions(container)
    this.entries_ = container.waitlistEntryService
    this.audits_ = container.waitlistAuditService
    this.settings_ = container.waitlistSettingService
    this.seats_ = new SeatStateMachine({ entries: this.entries_, audits: this.audits_, options: this.options_ })
  }

  async getOptions(): Promise<PluginOptions> {
    return this.options_
  }

  /** A customer's entries still on a list or holding a seat (not ordered), for erasure. */
  @InjectManager()
  async listLiveEntriesOfCustomer(customer_id: string, @MedusaContext() sharedContext: Ctx = {}): Promise<WaitlistEntryRow[]> {
    return listLiveEntriesOfCustomer(this.entries_, customer_id, sharedContext)
  }

  /**
   * Erasure: a deleted customer's entries (ended first by the workflow) keep their join number, so
   * positions stay gap-free, and lose the customer's id and any join token hash.
   */
  @InjectManager()
  async eraseCustomer(customer_id: string, @MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    return this.eraseCustomer_(customer_id, sharedContext)
  }

  @InjectTransactionManager()
  protected async eraseCustomer_(customer_id: string, @MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    return eraseCustomerEntries(this.entries_, customer_id, sharedContext)
  }

  @InjectManager()
  async join(
    input: { session_id: string; customer_id: string; quantity: number; accept_partial?: boolean },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ entry: WaitlistEntryRow; created: boolean }> {
    return this.join_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async join_(
    input: { session_id: string; customer_id: string; quantity: number; accept_partial?: boolean },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ entry: WaitlistEntryRow; created: boolean }> {
    return this.seats_.join(input, sharedContext)
  }

  @InjectManager()
  async findActiveEntry(
    variantId: string,
    customer_id: string,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow | null> {
    return findActiveEntry(this.entries_, variantId, customer_id, sharedContext)
  }

  /** The customer's current entry, or their latest one when none is active (accepted, expired…). */
  @InjectManager()
  async findLatestEntry(
    variantId: string,
    customer_id: string,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow | null> {
    return findLatestEntry(this.entries_, variantId, customer_id, sharedContext)
  }

  /** Position = WAITING entries ahead + 1; 0 once offered. O(log n), see eta.ts. */
  @InjectManager()
  async positionOf(
    entry: Pick<WaitlistEntryRow, "session_id" | "ordinal" | "status">,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistPosition> {
    return positionOf(sharedContext.manager!, entry, this.options_.waitlistOfferMinutes)
  }

  /** Every WAITING entry of a session in FIFO order with its position and ETA. */
  @InjectManager()
  async listPositions(
    variantId: string,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<(WaitlistPosition & { entry_id: string; customer_id: string; seq: number })[]> {
    const waiting = await listWaitingEntries(this.entries_, variantId, sharedContext)
    return positionsInOrder(sharedContext.manager!, variantId, waiting, this.options_.waitlistOfferMinutes)
  }

  /** Seats promised to waitlisted customers: open offers and accepted carts not yet ordered. */
  @InjectManager()
  async seatCounts(variantId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<{ held: number; waiting: number }> {
    return stats.seatCounts(sharedContext.manager!, variantId)
  }

  /**
   * What the offer policy would do with `free` seats now (read-only): the cart guard and the
   * seat counts use `unclaimed` as the seats public sale may take.
   */
  @InjectManager()
  async planSeats(
    input: { session_id: string; free: number; unreserved: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<OfferPlan> {
    const candidates = await this.seats_.candidates(sharedContext.manager!, input.session_id, input.free, false)
    return planOffers({ candidates, free: input.free, unreserved: input.unreserved, maxSkips: this.options_.waitlistHeadSkips })
  }

  /** Offers up to `seats` free seats by the offer policy (planOffers); `unreserved` = seats not sold. */
  @InjectManager()
  async offerSeats(
    input: { session_id: string; seats: number; unreserved: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<OfferedSeat[]> {
    return this.offerSeats_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async offerSeats_(
    input: { session_id: string; seats: number; unreserved: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<OfferedSeat[]> {
    return this.seats_.offerSeats(input, sharedContext)
  }

  /** Compensation of offerSeats: the entries go back to WAITING with their place kept. */
  @InjectManager()
  async revertOffers(entries: { entry_id: string; quantity: number }[], @MedusaContext() sharedContext: Ctx = {}) {
    return this.revertOffers_(entries, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertOffers_(entries: { entry_id: string; quantity: number }[], @MedusaContext() sharedContext: Ctx = {}) {
    return this.seats_.revertOffers(entries, sharedContext)
  }

  /** Uses a join token once: only an unexpired, unused offer of this customer becomes ACCEPTED. */
  @InjectManager()
  async claimOffer(
    input: { session_id: string; customer_id: string; join_token: string },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow> {
    return this.claimOffer_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async claimOffer_(
    input: { session_id: string; customer_id: string; join_token: string },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow> {
    return this.seats_.claimOffer(input, sharedContext)
  }

  /** Compensation of claimOffer (cart creation failed): the offer is open again. */
  @InjectManager()
  async restoreClaim(entry_id: string, @MedusaContext() sharedContext: Ctx = {}) {
    return this.restoreClaim_(entry_id, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreClaim_(entry_id: string, @MedusaContext() sharedContext: Ctx = {}) {
    return this.seats_.restoreClaim(entry_id, sharedContext)
  }

  @InjectManager()
  async decline(
    input: { session_id: string; customer_id: string; join_token: string },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow> {
    return this.decline_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async decline_(
    input: { session_id: string; customer_id: string; join_token: string },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow> {
    return this.seats_.decline(input, sharedContext)
  }

  /** Leaves the list; answers the entry as it was so callers know whether a held seat was freed. */
  @InjectManager()
  async leave(
    input: { session_id: string; customer_id: string },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow> {
    return this.leave_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async leave_(
    input: { session_id: string; customer_id: string },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow> {
    return this.seats_.leave(input, sharedContext)
  }

  /** Compensation of join: the entry leaves rather than disappearing (join numbers have no gaps). */
  @InjectManager()
  async withdrawJoin(entry_id: string, @MedusaContext() sharedContext: Ctx = {}) {
    return this.withdrawJoin_(entry_id, sharedContext)
  }

  @InjectTransactionManager()
  protected async withdrawJoin_(entry_id: string, @MedusaContext() sharedContext: Ctx = {}) {
    return this.seats_.withdrawJoin(entry_id, sharedContext)
  }

  /** Compensation for leave/decline/expire: puts the entry back in its previous status. */
  @InjectManager()
  async restoreStatus(input: { entry_id: string; status: WaitlistStatus }, @MedusaContext() sharedContext: Ctx = {}) {
    return this.restoreStatuses_([input], sharedContext)
  }

  /** Expires lapsed offers (all sessions, or one); answers the expired entries. */
  @InjectManager()
  async expireLapsedOffers(variantId: string | null, @MedusaContext() sharedContext: Ctx = {}): Promise<WaitlistEntryRow[]> {
    return this.expireLapsedOffers_(variantId, sharedContext)
  }

  @InjectTransactionManager()
  protected async expireLapsedOffers_(
    variantId: string | null,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow[]> {
    return this.seats_.expireLapsedOffers(variantId, sharedContext)
  }

  @InjectManager()
  async setCart(input: { entry_id: string; cart_id: string }, @MedusaContext() sharedContext: Ctx = {}) {
    return this.setCart_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async setCart_(input: { entry_id: string; cart_id: string }, @MedusaContext() sharedContext: Ctx = {}) {
    return setEntryCart(this.entries_, input, sharedContext)
  }

  /** The accepted entry whose cart this is, if any: such a cart may buy the held seat. */
  @InjectManager()
  async findByCart(cart_id: string, @MedusaContext() sharedContext: Ctx = {}): Promise<WaitlistEntryRow | null> {
    return findEntryByCart(this.entries_, cart_id, sharedContext)
  }

  /** The order was placed: Medusa's reservation now holds the seat, ours is released. */
  @InjectManager()
  async consumeByCart(cart_id: string, @MedusaContext() sharedContext: Ctx = {}) {
    return this.consumeByCart_(cart_id, sharedContext)
  }

  @InjectTransactionManager()
  protected async consumeByCart_(cart_id: string, @MedusaContext() sharedContext: Ctx = {}) {
    return this.seats_.consumeByCart(cart_id, sharedContext)
  }

  /** Accepted seats whose checkout deadline passed and whose order was not placed (all sessions, or one). */
  @InjectManager()
  async listLapsedCheckouts(variantId: string | null, @MedusaContext() sharedContext: Ctx = {}): Promise<WaitlistEntryRow[]> {
    return stats.listLapsedCheckouts(sharedContext.manager!, variantId, this.options_.waitlistCheckoutMinutes)
  }

  /**
   * Takes seats back from entries (ACCEPTED not ordered, or OFFERED) and ends them: EXPIRED
   * (a lapsed checkout, or released by the organizer) or LEFT (removed by the organizer), with
   * the reason in the audit trail. Answers the entries as they were.
   */
  @InjectManager()
  async endEntries(
    input: { session_id: string | null; entry_ids: string[]; status: "EXPIRED" | "LEFT"; from: WaitlistStatus[]; reason: string },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow[]> {
    return this.endEntries_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async endEntries_(
    input: { session_id: string | null; entry_ids: string[]; status: "EXPIRED" | "LEFT"; from: WaitlistStatus[]; reason: string },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<WaitlistEntryRow[]> {
    return this.seats_.endEntries(input, sharedContext)
  }

  /** Compensation of endEntries (and of other status changes): each entry back to its status. */
  @InjectManager()
  async restoreStatuses(input: { entry_id: string; status: WaitlistStatus }[], @MedusaContext() sharedContext: Ctx = {}) {
    return this.restoreStatuses_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreStatuses_(
    input: { entry_id: string; status: WaitlistStatus }[],
    @MedusaContext() sharedContext: Ctx = {}
  ) {
    return setEntryStatuses(this.entries_, input, sharedContext)
  }

  /** Whether the organizer enabled a waitlist here: the session's own setting, else its product's. */
  @InjectManager()
  async isWaitlistEnabled(
    input: { session_id: string; product_id: string | null },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<boolean> {
    return settings.isWaitlistEnabled(this.settings_, input, sharedContext)
  }

  /** Sets one setting; answers the previous one (null when there was none) for compensation. */
  @InjectManager()
  async setWaitlistEnabled(
    input: { scope: "session" | "product"; ref_id: string; enabled: boolean | null },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<boolean | null> {
    return this.setWaitlistEnabled_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async setWaitlistEnabled_(
    input: { scope: "session" | "product"; ref_id: string; enabled: boolean | null },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<boolean | null> {
    return settings.setWaitlistEnabled(this.settings_, input, sharedContext)
  }

  /** Sessions that have people waiting or open offers (for the reconciliation job). */
  @InjectManager()
  async listActiveSessionIds(@MedusaContext() sharedContext: Ctx = {}): Promise<string[]> {
    return stats.listActiveSessionIds(sharedContext.manager!)
  }

  /** One page of the per-session summaries (sessions in id order), and how many sessions have entries. */
  @InjectManager()
  async summarizePage(
    page: { limit: number; offset: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ rows: Record<string, unknown>[]; count: number }> {
    return stats.summarizePage(sharedContext.manager!, page)
  }

  /** Per-session counts by status (all sessions, or one). */
  @InjectManager()
  async summarize(variantId: string | null, @MedusaContext() sharedContext: Ctx = {}): Promise<Record<string, unknown>[]> {
    return stats.summarize(sharedContext.manager!, variantId)
  }

  /**
   * Mean wait (accepted_at − joined_at) in minutes of the sessions' entries accepted in [from, to),
   * over the newest `max_samples` of them; null without any. Read from the waitlist's own rows.
   */
  @InjectManager()
  async averageWaitMinutes(
    input: { session_ids: string[]; from: Date; to: Date; max_samples: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ average_minutes: number | null; samples: number }> {
    return stats.averageWaitMinutes(sharedContext.manager!, input)
  }
}

export default WaitlistModuleService
