import { model } from "@medusajs/framework/utils"
import { WAITLIST_STATUSES } from "../types"

const WaitlistEntry = model
  .define(
    { name: "WaitlistEntry", tableName: "monetization_waitlist_entry" },
    {
      id: model.id({ prefix: "mwle" }).primaryKey(),
      /** The capacity-limited product variant. */
      session_id: model.text(),
      /** Null once the customer was deleted (the entry keeps its join number). */
      customer_id: model.text().nullable(),
      quantity: model.number().default(1),
      status: model.enum([...WAITLIST_STATUSES]).default("WAITING"),
      /** First in, first out: a sequence, not created_at, so equal timestamps cannot tie. */
      seq: model.autoincrement(),
      /**
       * The session's join number: 1, 2, 3… with no gaps (assigned under the session's join
       * lock; entries are never deleted). Positions are counted from it in O(log n).
       */
      ordinal: model.number().nullable(),
      offered_at: model.dateTime().nullable(),
      offer_expires_at: model.dateTime().nullable(),
      /** SHA-256 (hex) of the join token; the token itself is never stored. */
      join_token_hash: model.text().nullable(),
      token_used_at: model.dateTime().nullable(),
      accepted_at: model.dateTime().nullable(),
      /** Set when the order for the accepted cart is placed: the held seat is then a Medusa reservation. */
      consumed_at: model.dateTime().nullable(),
      cart_id: model.text().nullable(),
      /** Accepted seats return to the pool when the cart is not completed by then. */
      checkout_expires_at: model.dateTime().nullable(),
      /** Offer rounds in which this entry, at the head, was passed over for entries that fit. */
      skip_count: model.number().default(0),
      /** The customer takes fewer seats than asked when that is what is free (head of the list only). */
      accept_partial: model.boolean().default(false),
    }
  )
  .indexes([
    { on: ["session_id", "status", "seq"] },
    { on: ["session_id", "ordinal"], unique: true },
    /** Entries no longer waiting, by join number: the gaps a position skips. */
    { on: ["session_id", "ordinal"], where: "status <> 'WAITING'" },
    { on: ["customer_id", "session_id"] },
    { on: ["join_token_hash"] },
    { on: ["cart_id"] },
    {
      on: ["session_id", "customer_id"],
      unique: true,
      where: "status IN ('WAITING', 'OFFERED') AND deleted_at IS NULL",
    },
  ])

export default WaitlistEntry
