import { WaitlistEntryRow } from "./types"

export type Row = Record<string, unknown>

/** The columns of an entry as the module answers it (raw statements return exactly these). */
export const ENTRY_COLUMNS = `id, session_id, customer_id, quantity, status, seq, ordinal, offered_at, offer_expires_at,
  join_token_hash, token_used_at, accepted_at, consumed_at, cart_id, created_at, checkout_expires_at,
  skip_count, accept_partial`

/** An entry from a raw row or an ORM entity, with the same keys and number types either way. */
export function toEntry(row: Row): WaitlistEntryRow {
  return {
    id: row.id as string,
    session_id: row.session_id as string,
    customer_id: row.customer_id as string,
    quantity: Number(row.quantity),
    status: row.status as WaitlistEntryRow["status"],
    seq: Number(row.seq),
    ordinal: row.ordinal == null ? null : Number(row.ordinal),
    offered_at: (row.offered_at ?? null) as Date | null,
    offer_expires_at: (row.offer_expires_at ?? null) as Date | null,
    join_token_hash: (row.join_token_hash ?? null) as string | null,
    token_used_at: (row.token_used_at ?? null) as Date | null,
    accepted_at: (row.accepted_at ?? null) as Date | null,
    consumed_at: (row.consumed_at ?? null) as Date | null,
    cart_id: (row.cart_id ?? null) as string | null,
    created_at: row.created_at as Date,
    checkout_expires_at: (row.checkout_expires_at ?? null) as Date | null,
    skip_count: Number(row.skip_count ?? 0),
    accept_partial: !!row.accept_partial,
  }
}
