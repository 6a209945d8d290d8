import { Context, ModulesSdkTypes } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MathBN,
  MedusaService,
} from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { HoldRecord, toHoldRecord } from "./hold-record"
import Offer from "./models/offer"
import OfferHold from "./models/offer-hold"
import OfferPurchase from "./models/offer-purchase"
import {
  CANCEL_PURCHASES_SQL,
  CONVERT_HOLD_SQL,
  CUSTOMER_OFFER_STATE_SQL,
  EXPIRE_HOLDS_SQL,
  INSERT_PURCHASE_SQL,
  LOCK_CUSTOMER_OFFER_SQL,
  LOCK_HOLD_SQL,
  RELEASE_HOLD_SQL,
  RELEASE_STOCK_SQL,
  RESERVE_AND_HOLD_SQL,
  RESERVE_STOCK_SQL,
  SELL_FREE_STOCK_SQL,
  SELL_STOCK_SQL,
  SHORTEN_HOLD_SQL,
} from "./sql"
import { CanceledPurchase, ConvertHoldsInput, ConvertHoldResult, OfferPurchaseFlag, RenewHoldResult } from "./types"
import { PluginOptions } from "../../lib/plugin-options"
import { injectedPluginOptions } from "../../lib/module-loaders/plugin-options"

export type { HoldRecord } from "./hold-record"

type HoldRow = { id: string; offer_id: string; quantity: number }
type Ctx = Context<EntityManager>

type InjectedDependencies = {
  offerService: ModulesSdkTypes.IMedusaInternalService<typeof Offer>
  offerHoldService: ModulesSdkTypes.IMedusaInternalService<typeof OfferHold>
  offerPurchaseService: ModulesSdkTypes.IMedusaInternalService<typeof OfferPurchase>
}

/**
 * Offers and their stock. Stock moves are single conditional statements (sql.ts); everything else
 * goes through the generated services. Public methods open the manager, protected `_` ones the
 * transaction, as Medusa's own modules do.
 */
class OfferModuleService extends MedusaService({
  Offer,
  OfferHold,
  OfferPurchase,
}) {
  protected readonly options_: PluginOptions
  protected readonly offerService_: InjectedDependencies["offerService"]
  protected readonly offerHoldService_: InjectedDependencies["offerHoldService"]
  protected readonly offerPurchaseService_: InjectedDependencies["offerPurchaseService"]

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = injectedPluginOptions(container)
    this.offerService_ = container.offerService
    this.offerHoldService_ = container.offerHoldService
    this.offerPurchaseService_ = container.offerPurchaseService
  }

  /** How long a purchase holds stock before the job releases it. */
  async getHoldMinutes(): Promise<number> {
    return this.options_.offerHoldMinutes
  }

  async getOptions(): Promise<PluginOptions> {
    return this.options_
  }

  /**
   * Erasure: a deleted customer's holds and purchases keep their facts (offer, units, amount, order)
   * and lose the customer's id. Live holds are released by the workflow first.
   */
  @InjectManager()
  async eraseCustomer(customerId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    return this.eraseCustomer_(customerId, sharedContext)
  }

  @InjectTransactionManager()
  protected async eraseCustomer_(customerId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<number> {
    const erase = [{ selector: { customer_id: customerId }, data: { customer_id: null } }]
    const holds = await this.offerHoldService_.update(erase, sharedContext)
    const purchases = await this.offerPurchaseService_.update(erase, sharedContext)
    return holds.length + purchases.length
  }

  /** Atomically adds `quantity` to the offer's held units if that many are still available. */
  @InjectManager()
  async reserveStock(offerId: string, quantity: number, @MedusaContext() sharedContext: Ctx = {}): Promise<boolean> {
    const rows: unknown[] = await sharedContext.manager!.execute(RESERVE_STOCK_SQL, [quantity, offerId, quantity])
    return rows.length === 1
  }

  /**
   * Holds units for a customer, at most one live hold per customer and offer: a retry answers
   * the live hold (`created: false`). One transaction, serialized per customer and offer (so the
   * per-customer limit cannot be raced), of three statements: the customer's state, then the
   * conditional reserve and the hold row together (a process killed between the two would
   * otherwise strand units in `held`). The decision itself is raw SQL; only a retry's answer is read through the ORM.
   */
  @InjectManager()
  async holdStock(
    input: { offer_id: string; customer_id: string; quantity: number; expires_at: Date; max_per_customer: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ hold: HoldRecord; created: boolean } | { refused: "SOLD_OUT" | "MAX_PER_CUSTOMER" }> {
    return this.holdStock_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async holdStock_(
    input: { offer_id: string; customer_id: string; quantity: number; expires_at: Date; max_per_customer: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ hold: HoldRecord; created: boolean } | { refused: "SOLD_OUT" | "MAX_PER_CUSTOMER" }> {
    const manager = sharedContext.transactionManager!
    const { offer_id, customer_id } = input
    await manager.execute(LOCK_CUSTOMER_OFFER_SQL, [offer_id, customer_id])
    const [state]: { live_id: string | null; bought: number }[] = await manager.execute(CUSTOMER_OFFER_STATE_SQL, [
      offer_id,
      customer_id,
      offer_id,
      offer_id,
      customer_id,
      offer_id,
      customer_id,
    ])
    if (state.live_id) {
      const live = await this.offerHoldService_.retrieve(state.live_id, {}, sharedContext)
      return { hold: toHoldRecord(live as unknown as Record<string, unknown>), created: false }
    }
    if (Number(state.bought) + input.quantity > input.max_per_customer) {
      return { refused: "MAX_PER_CUSTOMER" }
    }
    const [hold]: HoldRecord[] = await manager.execute(RESERVE_AND_HOLD_SQL, [
      input.quantity,
      offer_id,
      input.quantity,
      generateEntityId(undefined, "mofh"),
      customer_id,
      input.quantity,
      input.expires_at.toISOString(),
    ])
    return hold ? { hold, created: true } : { refused: "SOLD_OUT" }
  }

  /** The customer's live hold on the offer, or null; no lock (holdStock decides under one). */
  @InjectManager()
  async findLiveHold(offerId: string, customerId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<HoldRecord | null> {
    const [hold] = await this.offerHoldService_.list(
      { offer_id: offerId, customer_id: customerId, status: "HELD", expires_at: { $gt: new Date() } },
      { order: { created_at: "DESC" }, take: 1 },
      sharedContext
    )
    return hold ? toHoldRecord(hold as unknown as Record<string, unknown>) : null
  }

  /** A failed payment attempt: the buyer keeps the units for at most the retry grace. */
  @InjectManager()
  async shortenHolds(holdIds: string[], expiresAt: Date, @MedusaContext() sharedContext: Ctx = {}): Promise<string[]> {
    return this.shortenHolds_(holdIds, expiresAt, sharedContext)
  }

  @InjectTransactionManager()
  protected async shortenHolds_(holdIds: string[], expiresAt: Date, @MedusaContext() sharedContext: Ctx = {}): Promise<string[]> {
    const shortened: string[] = []
    for (const id of holdIds) {
      const rows: { id: string }[] = await sharedContext.transactionManager!.execute(SHORTEN_HOLD_SQL, [
        expiresAt.toISOString(),
        id,
      ])
      shortened.push(...rows.map((row) => row.id))
    }
    return shortened
  }

  /** Releases a HELD hold and its units; answers false when the hold was not HELD any more. */
  @InjectManager()
  async releaseHold(holdId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<boolean> {
    return this.releaseHold_(holdId, sharedContext)
  }

  @InjectTransactionManager()
  protected async releaseHold_(holdId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<boolean> {
    const manager = sharedContext.transactionManager!
    const rows: HoldRow[] = await manager.execute(RELEASE_HOLD_SQL, [holdId])
    for (const row of rows) {
      await manager.execute(RELEASE_STOCK_SQL, [row.quantity, row.offer_id])
    }
    return rows.length === 1
  }

  /**
   * Turns an order's holds of one offer into one purchase, exactly once per hold and per
   * (offer, order). Only units within each hold and the offer's stock count as sold: a line
   * that carried more (a host route that skipped the cart guard) or a lapsed hold whose units
   * were sold meanwhile is recorded with a flag for the organizer, so `sold` never exceeds the
   * stock. Answers null when every hold was already converted.
   */
  @InjectManager()
  async convertHolds(input: ConvertHoldsInput, @MedusaContext() sharedContext: Ctx = {}): Promise<ConvertHoldResult | null> {
    return this.convertHolds_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async convertHolds_(
    input: ConvertHoldsInput,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<ConvertHoldResult | null> {
    const manager = sharedContext.transactionManager!
    const converted: string[] = []
    let sold = 0
    let flagged = 0
    let amount = MathBN.convert(0)
    let flag: OfferPurchaseFlag | null = null
    for (const line of input.holds) {
      const rows: (HoldRow & { previous_status: string })[] = await manager.execute(CONVERT_HOLD_SQL, [line.hold_id])
      if (!rows.length) {
        continue
      }
      const hold = rows[0]
      converted.push(hold.id)
      const wanted = Math.min(hold.quantity, Math.max(0, line.line_quantity))
      let taken = wanted
      if (hold.previous_status === "HELD") {
        // The whole hold leaves `held`; units the line no longer carried return to stock.
        await manager.execute(SELL_STOCK_SQL, [wanted, hold.quantity, hold.offer_id])
      } else if (wanted) {
        // A lapsed hold already gave its units back: sell them only if nobody took them since.
        const free: unknown[] = await manager.execute(SELL_FREE_STOCK_SQL, [wanted, hold.offer_id, wanted])
        if (!free.length) {
          taken = 0
          flag = flag ?? "HOLD_LAPSED"
        }
      }
      const beyondHold = Math.max(0, line.line_quantity - hold.quantity)
      if (beyondHold) {
        flag = "EXCEEDS_HOLD"
      }
      sold += taken
      flagged += beyondHold + (wanted - taken)
      let unitPrice = line.unit_price
      if (unitPrice === null || !Number.isFinite(unitPrice)) {
        const offer = await this.offerService_.retrieve(hold.offer_id, { withDeleted: true }, sharedContext)
        unitPrice = Number(offer.price)
      }
      amount = MathBN.add(amount, MathBN.mult(unitPrice, Math.max(line.line_quantity, 0)))
    }
    if (!converted.length) {
      return null
    }
    const total = amount.toNumber()
    const inserted: { id: string }[] = await manager.execute(INSERT_PURCHASE_SQL, [
      generateEntityId(undefined, "mofp"),
      input.offer_id,
      input.order_id,
      input.customer_id,
      converted[0],
      sold,
      flagged,
      flag,
      total,
      String(total),
      input.currency_code,
    ])
    return {
      hold_ids: converted,
      offer_id: input.offer_id,
      quantity: sold,
      flagged_quantity: flagged,
      flag,
      amount: total,
      purchase_id: inserted[0]?.id ?? null,
    }
  }

  /** Cancels an order's offer purchases and returns their units to stock. */
  @InjectManager()
  async cancelPurchasesForOrder(orderId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<CanceledPurchase[]> {
    return this.cancelPurchasesForOrder_(orderId, sharedContext)
  }

  @InjectTransactionManager()
  protected async cancelPurchasesForOrder_(
    orderId: string,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<CanceledPurchase[]> {
    return await sharedContext.transactionManager!.execute(CANCEL_PURCHASES_SQL, [orderId])
  }

  /** Expires every HELD hold past its time and gives the units back. */
  @InjectManager()
  async expireHolds(now: Date, @MedusaContext() sharedContext: Ctx = {}): Promise<HoldRow[]> {
    return this.expireHolds_(now, sharedContext)
  }

  @InjectTransactionManager()
  protected async expireHolds_(now: Date, @MedusaContext() sharedContext: Ctx = {}): Promise<HoldRow[]> {
    return await sharedContext.transactionManager!.execute(EXPIRE_HOLDS_SQL, [now.toISOString()])
  }

  /**
   * Keeps a hold alive until `expiresAt`: a HELD one is extended (with `extend`, or when its
   * time is already up), an expired or released one is revived only if its units can be
   * reserved again. Answers null when stock is gone.
   */
  @InjectManager()
  async renewHold(
    holdId: string,
    expiresAt: Date,
    options: { extend: boolean },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<RenewHoldResult> {
    return this.renewHold_(holdId, expiresAt, options, sharedContext)
  }

  @InjectTransactionManager()
  protected async renewHold_(
    holdId: string,
    expiresAt: Date,
    { extend }: { extend: boolean },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<RenewHoldResult> {
    const manager = sharedContext.transactionManager!
    const [hold]: (HoldRow & { status: string; expires_at: Date })[] = await manager.execute(LOCK_HOLD_SQL, [holdId])
    if (!hold) {
      return null
    }
    if (hold.status === "CONVERTED") {
      return "CONVERTED"
    }
    if (hold.status === "HELD") {
      if (!extend && new Date(hold.expires_at) > new Date()) {
        return "LIVE"
      }
      // The row is locked and HELD: a plain update.
      await this.offerHoldService_.update({ id: holdId, expires_at: expiresAt }, sharedContext)
      return "EXTENDED"
    }
    const reserved: unknown[] = await manager.execute(RESERVE_STOCK_SQL, [hold.quantity, hold.offer_id, hold.quantity])
    if (!reserved.length) {
      return null
    }
    await this.offerHoldService_.update({ id: holdId, status: "HELD", expires_at: expiresAt }, sharedContext)
    return "REVIVED"
  }
}

export default OfferModuleService
