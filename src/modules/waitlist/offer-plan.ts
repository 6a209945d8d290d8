/** A WAITING entry as the offer policy sees it. */
export type OfferCandidate = { id: string; quantity: number; skip_count: number; accept_partial: boolean }

export type OfferPlan = {
  /** Entries to offer now, in list order, with the seats each is offered. */
  offers: { id: string; quantity: number; partial: boolean }[]
  /** The head, when it was passed over for entries behind it (its skip count goes up). */
  skipped_head: string | null
  /** Free seats kept for the head after too many skips. */
  reserved_for_head: number
  /** Free seats nobody waiting can use now: what public sale may take. */
  unclaimed: number
}

/**
 * The default offer policy (README "Waitlist policies"): free seats go to the first entries that
 * fit; the head keeps position 1 and takes a partial offer if it opted in; after `maxSkips` rounds
 * passed over, free seats accumulate for the head, as long as it can ever fit (`unreserved`:
 * seats not sold). `candidates` are the WAITING entries in list order, head first.
 */
export function planOffers(input: {
  candidates: OfferCandidate[]
  free: number
  unreserved: number
  maxSkips: number
}): OfferPlan {
  const [head, ...rest] = input.candidates
  const offers: OfferPlan["offers"] = []
  let left = Math.max(0, input.free)
  let headPassed = false
  let reserved = 0
  if (head && left > 0) {
    if (head.quantity <= left) {
      offers.push({ id: head.id, quantity: head.quantity, partial: false })
      left -= head.quantity
    } else if (head.accept_partial) {
      offers.push({ id: head.id, quantity: left, partial: true })
      left = 0
    } else if (head.skip_count >= input.maxSkips && head.quantity <= input.unreserved) {
      reserved = left
      left = 0
    } else {
      headPassed = true
    }
  }
  for (const entry of rest) {
    if (left <= 0) {
      break
    }
    if (entry.quantity <= left) {
      offers.push({ id: entry.id, quantity: entry.quantity, partial: false })
      left -= entry.quantity
    }
  }
  return {
    offers,
    skipped_head: headPassed && offers.length ? head.id : null,
    reserved_for_head: reserved,
    unclaimed: left,
  }
}
