import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { RATE_LIMIT_MODULE } from "../../modules/rate-limit"
import type RateLimitModuleService from "../../modules/rate-limit/service"
import { requestIp } from "./client-ip"
import { isSharedQuota, LimitedLayer, LimitVerdict, rateLimitMessage } from "./rate-limits"

/** `read` and `write` count per viewer and IP; `purchase` per customer, with an IP limit of its own. */
export type RouteKind = "read" | "write" | "purchase"

type LimitedRequest = MedusaRequest & {
  auth_context?: { actor_id?: string; actor_type?: string }
  publishable_key_context?: { key: string }
  /** The viewer named before the body was read, if any. */
  rateLimitedViewer?: string
  /** A write whose viewer and address are counted with its items, once its body is read. */
  rateLimitDeferred?: boolean
}
type Check = [LimitedLayer, string, number?]
type Refusal = Extract<LimitVerdict, { allowed: false }>

/** 429 with `Retry-After`, in the plugin's error shape (Medusa's error handler has no 429). */
function refuse(res: MedusaResponse, refusal: Refusal) {
  res.setHeader("Retry-After", String(refusal.retryAfterSeconds))
  res.status(429).json({ type: MedusaError.Types.NOT_ALLOWED, message: rateLimitMessage(refusal) })
}

/**
 * Counts every layer together, in one round trip to Redis (auto-pipelined), and answers the first
 * refusal in check order. A refused request is counted on the caller's own layers (its viewer, its
 * address); a shared quota it was charged is given back, so a refused caller never spends what
 * others draw on.
 */
async function firstRefusal(req: MedusaRequest, checks: Check[]): Promise<Refusal | null> {
  const limits: RateLimitModuleService = req.scope.resolve(RATE_LIMIT_MODULE)
  const verdicts = await Promise.all(
    checks.map(([layer, key, points]) => limits.consume(layer, key, points ?? 1))
  )
  const refusal = verdicts.find((verdict): verdict is Refusal => !verdict.allowed)
  if (refusal) {
    await Promise.all(
      checks
        .filter(([layer], i) => isSharedQuota(layer) && verdicts[i].allowed)
        .map(([layer, key, points]) => limits.refund(layer, key, points ?? 1))
    )
  }
  return refusal ?? null
}

function customerOf(req: LimitedRequest): string | null {
  const auth = req.auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
}

/** A viewer named before the body is read: the customer, a `session_token` or a signed click's `v`. */
function viewerBeforeBody(req: LimitedRequest): string | null {
  const customer = customerOf(req)
  if (customer) {
    return `customer:${customer}`
  }
  const { session_token, v } = req.query as Record<string, unknown>
  if (typeof session_token === "string" && session_token) {
    return `token:${session_token}`
  }
  return typeof v === "string" && v ? v : null
}

/** The first layer this process already knows is spent, asking no one (see `RateLimits.blockedHere`). */
async function firstBlockedHere(req: MedusaRequest, checks: [LimitedLayer, string][]): Promise<Refusal | null> {
  const limits: RateLimitModuleService = req.scope.resolve(RATE_LIMIT_MODULE)
  const verdicts = await Promise.all(checks.map(([layer, key]) => limits.blockedHere(layer, key)))
  return verdicts.find((verdict): verdict is Refusal => !verdict.allowed) ?? null
}

/**
 * The request-level limit, before the body is read (the route has `bodyParser: false`), so a
 * refused request costs a counter, not a parse. A write is counted with its items once its body
 * is read, in the same round trip to Redis; here it is only refused, unread, when this process
 * already knows its viewer, address or address's event budget is spent, so a flood is never parsed.
 */
export function limitRequest(kind: RouteKind) {
  return async function limitRequestRate(req: LimitedRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const ip = requestIp(req)
      const customer = customerOf(req)
      const checks: Check[] = []
      if (kind === "purchase" && customer) {
        // Keyed per customer: many buyers behind one venue's address must not throttle each other,
        // and the address is charged only for what its customers were allowed.
        checks.push(["customer", customer], ["purchaseIp", ip])
      } else {
        const viewer = viewerBeforeBody(req)
        if (viewer) {
          req.rateLimitedViewer = viewer
        }
        if (kind === "write") {
          req.rateLimitDeferred = true
          res.once("close", () => {
            if (req.rateLimitDeferred) {
              // Answered before its items were counted (a body too large or not JSON): it still
              // counts on its viewer and address, so a flood of bad bodies is refused unread too.
              void firstRefusal(req, viewer ? [["viewer", viewer], ["ip", ip]] : [["ip", ip]])
            }
          })
          const known: [LimitedLayer, string][] = [["ip", ip], ["ipEvents", ip]]
          const refusal = await firstBlockedHere(req, viewer ? [["viewer", viewer], ...known] : known)
          return refusal ? refuse(res, refusal) : next()
        }
        if (viewer) {
          checks.push(["viewer", viewer])
        }
        checks.push(["ip", ip])
      }
      const refusal = await firstRefusal(req, checks)
      return refusal ? refuse(res, refusal) : next()
    } catch (error) {
      next(error)
    }
  }
}

type ItemsOf = (body: Record<string, unknown> | undefined) => { items: number; sessionToken?: unknown }

/**
 * What a tracking request writes, counted once its body is parsed: the viewer and the request on its
 * address (deferred by `limitRequest("write")`), the IP's event budget (events, not requests: fresh
 * session tokens do not escape it), the IP's share of the publishable key's quota, and that quota.
 */
export function limitItems(itemsOf: ItemsOf) {
  return async function limitWrittenItems(req: LimitedRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const ip = requestIp(req)
      const body = req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>) : undefined
      const { items, sessionToken } = itemsOf(body)
      const checks: Check[] = []
      const customer = customerOf(req)
      const viewer =
        req.rateLimitedViewer ??
        (customer ? `customer:${customer}` : typeof sessionToken === "string" && sessionToken ? `token:${sessionToken}` : null)
      const deferred = req.rateLimitDeferred
      if (viewer && (deferred || !req.rateLimitedViewer)) {
        checks.push(["viewer", viewer])
      }
      if (deferred) {
        req.rateLimitDeferred = false
        checks.push(["ip", ip])
      }
      checks.push(["ipEvents", ip, items])
      const key = req.publishable_key_context?.key
      if (key) {
        checks.push(["ipShareOfKey", `${key}:${ip}`, items], ["publishableKey", key, items])
      }
      const refusal = await firstRefusal(req, checks)
      return refusal ? refuse(res, refusal) : next()
    } catch (error) {
      next(error)
    }
  }
}

/** A batch under `field`: each element is one item; the viewer is its first element's session token. */
export const limitBatch = (field: string) =>
  limitItems((body) => {
    const batch = body?.[field]
    if (!Array.isArray(batch)) {
      return { items: 1 }
    }
    const first = batch[0] as { session_token?: unknown } | undefined
    return { items: Math.max(1, batch.length), sessionToken: first?.session_token }
  })

/** One written item (a click), its viewer from the body's `session_token` if any. */
export const limitOneItem = limitItems((body) => ({ items: 1, sessionToken: body?.session_token }))
