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
import { executeCounting } from "../../lib/retention/execute-counting"
import Offer from "./models/offer"
import OfferHold from "./models/offer-hold"
import OfferPurchase from "./models/offer-purchase"
import {
  CANCEL_PURCHASES_SQL,
  CONVERT_HOLD_SQL,
  CUSTOMER_OFFER_STATE_SQL,
  LIVE_HOLD_SQL,
  LOCK_CUSTOMER_OFFER_SQL,
  RESERVE_AND_HOLD_SQL,
  SELECT_HOLD_SQL,
  SHORTEN_HOLD_SQL,
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
import { CanceledPurchase, ConvertHoldsInput, ConvertHoldResult, OfferPurchaseFlag, RenewHoldResult } from "./types"
import { PluginOptions } from "../../lib/plugin-options"
import { injectedPluginOptions } from "../../lib/module-loaders/plugin-options"

type HoldRow = { id: string; offer_id: string; quantity: number }

export type HoldRecord = {
  id: string
  offer_id: string
  customer_id: string
  cart_id: string | null
  line_item_id: string | null
  quantity: number
  expires_at: Date
  status: string
  created_at: Date
  updated_at: Date
}

class OfferModuleService extends MedusaService({
  Offer,
  OfferHold,
  OfferPurchase,
}) {
  protected readonly options_: PluginOptions

  constructor(container: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = injectedPluginOptions(container)
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
  async eraseCustomer(customerId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    const manager = sharedContext.manager!
    const holds = await executeCounting(
      manager,
      `UPDATE monetization_offer_hold SET customer_id = NULL, updated_at = now() WHERE customer_id = ?`,
      [customerId]
    )
    const purchases = await executeCounting(
      manager,
      `UPDATE monetization_offer_purchase SET customer_id = NULL, updated_at = now() WHERE customer_id = ?`,
      [customerId]
    )
    return holds + purchases
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
   * Holds units for a customer, at most one live hold per customer and offer: a retry answers
   * the live hold (`created: false`). One transaction, serialized per customer and offer (so the
   * per-customer limit cannot be raced), of three statements: the customer's state, then the
   * conditional reserve and the hold row together (a process killed between the two would
   * otherwise strand units in `held`). This is the purchase's decision path: no ORM on it.
   */
  @InjectManager()
  @InjectTransactionManager()
  async holdStock(
    input: { offer_id: string; customer_id: string; quantity: number; expires_at: Date; max_per_customer: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
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
      const [live]: HoldRecord[] = await manager.execute(SELECT_HOLD_SQL, [state.live_id])
      return { hold: live, created: false }
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
  async findLiveHold(
    offerId: string,
    customerId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<HoldRecord | null> {
    const [hold]: HoldRecord[] = await sharedContext.manager!.execute(LIVE_HOLD_SQL, [offerId, customerId])
    return hold ?? null
  }

  /** A failed payment attempt: the buyer keeps the units for at most the retry grace. */
  @InjectManager()
  async shortenHolds(
    holdIds: string[],
    expiresAt: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    const shortened: string[] = []
    for (const id of holdIds) {
      const rows: { id: string }[] = await sharedContext.manager!.execute(SHORTEN_HOLD_SQL, [expiresAt.toISOString(), id])
      shortened.push(...rows.map((row) => row.id))
    }
    return shortened
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
   * Turns an order's holds of one offer into one purchase, exactly once per hold and per
   * (offer, order). Only units within each hold and the offer's stock count as sold: a line
   * that carried more (a host route that skipped the cart guard) or a lapsed hold whose units
   * were sold meanwhile is recorded with a flag for the organizer, so `sold` never exceeds the
   * stock. Answers null when every hold was already converted.
   */
  @InjectManager()
  @InjectTransactionManager()
  async convertHolds(
    input: ConvertHoldsInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
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
        const [offer]: { price: string }[] = await manager.execute(OFFER_PRICE_SQL, [hold.offer_id])
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
