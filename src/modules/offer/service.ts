import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MathBN,
  MedusaService,
} from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import Offer from "./models/offer"
import OfferHold from "./models/offer-hold"
import OfferPurchase from "./models/offer-purchase"
import {
  CANCEL_PURCHASES_SQL,
  CONVERT_HOLD_SQL,
  EXPIRE_HOLDS_SQL,
  EXTEND_HOLD_SQL,
  INSERT_PURCHASE_SQL,
  LOCK_HOLD_SQL,
  OFFER_PRICE_SQL,
  RELEASE_HOLD_SQL,
  RELEASE_STOCK_SQL,
  RESERVE_STOCK_SQL,
  REVIVE_HOLD_SQL,
  SELL_FREE_STOCK_SQL,
  SELL_STOCK_SQL,
} from "./sql"
import { CanceledPurchase, ConvertHoldInput, ConvertHoldResult, OfferPurchaseFlag, RenewHoldResult } from "./types"
import { parsePluginOptions, PluginOptions } from "../../lib/plugin-options"

type HoldRow = { id: string; offer_id: string; quantity: number }

class OfferModuleService extends MedusaService({
  Offer,
  OfferHold,
  OfferPurchase,
}) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parsePluginOptions(options)
  }

  /** How long a purchase holds stock before the job releases it. */
  async getHoldMinutes(): Promise<number> {
    return this.options_.offerHoldMinutes
  }

  /** Atomically adds `quantity` to the offer's held units if that many are still available. */
  @InjectManager()
  async reserveStock(
    offerId: string,
    quantity: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<boolean> {
    const rows: unknown[] = await sharedContext.manager!.execute(RESERVE_STOCK_SQL, [quantity, offerId, quantity])
    return rows.length === 1
  }

  /**
   * Reserves the units and records the hold in one transaction: a process killed between
   * the two would otherwise strand units in `held` with no hold left for the job to expire.
   */
  @InjectManager()
  @InjectTransactionManager()
  async holdStock(
    input: { offer_id: string; customer_id: string; quantity: number; expires_at: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ) {
    const manager = sharedContext.transactionManager!
    const reserved: unknown[] = await manager.execute(RESERVE_STOCK_SQL, [input.quantity, input.offer_id, input.quantity])
    if (!reserved.length) {
      return null
    }
    return await this.createOfferHolds({ ...input, status: "HELD" as const }, sharedContext)
  }

  /** Releases a HELD hold and its units; answers false when the hold was not HELD any more. */
  @InjectManager()
  @InjectTransactionManager()
  async releaseHold(holdId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const manager = sharedContext.transactionManager!
    const rows: HoldRow[] = await manager.execute(RELEASE_HOLD_SQL, [holdId])
    for (const row of rows) {
      await manager.execute(RELEASE_STOCK_SQL, [row.quantity, row.offer_id])
    }
    return rows.length === 1
  }

  /**
   * Turns a hold into a sale and records the purchase, exactly once per hold and (offer, order).
   * Only units within the hold and the offer's stock count as sold: a line that carried more
   * (a host route that skipped the cart guard) or a lapsed hold whose units were sold meanwhile
   * is recorded with a flag for the organizer, so `sold` never exceeds the stock.
   */
  @InjectManager()
  @InjectTransactionManager()
  async convertHold(
    input: ConvertHoldInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ConvertHoldResult | null> {
    const manager = sharedContext.transactionManager!
    const rows: (HoldRow & { previous_status: string })[] = await manager.execute(CONVERT_HOLD_SQL, [input.hold_id])
    if (!rows.length) {
      return null
    }
    const hold = rows[0]
    const wanted = Math.min(hold.quantity, Math.max(0, input.line_quantity))
    let sold = wanted
    let flag: OfferPurchaseFlag | null = null
    if (hold.previous_status === "HELD") {
      // The whole hold leaves `held`; units the line no longer carried return to stock.
      await manager.execute(SELL_STOCK_SQL, [wanted, hold.quantity, hold.offer_id])
    } else {
      // A lapsed hold already gave its units back: sell them only if nobody took them since.
      const taken: unknown[] = wanted ? await manager.execute(SELL_FREE_STOCK_SQL, [wanted, hold.offer_id, wanted]) : [1]
      if (!taken.length) {
        sold = 0
        flag = "HOLD_LAPSED"
      }
    }
    const beyondHold = Math.max(0, input.line_quantity - hold.quantity)
    if (beyondHold) {
      flag = "EXCEEDS_HOLD"
    }
    const flagged = beyondHold + (wanted - sold)
    let unitPrice = input.unit_price
    if (unitPrice === null || !Number.isFinite(unitPrice)) {
      const [offer]: { price: string }[] = await manager.execute(OFFER_PRICE_SQL, [hold.offer_id])
      unitPrice = Number(offer.price)
    }
    const amount = MathBN.mult(unitPrice, sold + flagged).toNumber()
    const inserted: { id: string }[] = await manager.execute(INSERT_PURCHASE_SQL, [
      generateEntityId(undefined, "mofp"),
      hold.offer_id,
      input.order_id,
      input.customer_id,
      hold.id,
      sold,
      flagged,
      flag,
      amount,
      String(amount),
      input.currency_code,
    ])
    return {
      hold_id: hold.id,
      offer_id: hold.offer_id,
      quantity: sold,
      flagged_quantity: flagged,
      flag,
      amount,
      purchase_id: inserted[0]?.id ?? null,
    }
  }

  /** Cancels an order's offer purchases and returns their units to stock. */
  @InjectManager()
  @InjectTransactionManager()
  async cancelPurchasesForOrder(
    orderId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CanceledPurchase[]> {
    return await sharedContext.transactionManager!.execute(CANCEL_PURCHASES_SQL, [orderId])
  }

  /** Expires every HELD hold past its time and gives the units back. */
  @InjectManager()
  @InjectTransactionManager()
  async expireHolds(now: Date, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<HoldRow[]> {
    return await sharedContext.transactionManager!.execute(EXPIRE_HOLDS_SQL, [now.toISOString()])
  }

  /**
   * Keeps a hold alive until `expiresAt`: a HELD one is extended (with `extend`, or when its
   * time is already up), an expired or released one is revived only if its units can be
   * reserved again. Answers null when stock is gone.
   */
  @InjectManager()
  @InjectTransactionManager()
  async renewHold(
    holdId: string,
    expiresAt: Date,
    { extend }: { extend: boolean },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
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
      await manager.execute(EXTEND_HOLD_SQL, [expiresAt.toISOString(), holdId])
      return "EXTENDED"
    }
    const reserved: unknown[] = await manager.execute(RESERVE_STOCK_SQL, [hold.quantity, hold.offer_id, hold.quantity])
    if (!reserved.length) {
      return null
    }
    await manager.execute(REVIVE_HOLD_SQL, [expiresAt.toISOString(), holdId])
    return "REVIVED"
  }
}

export default OfferModuleService
