import type { Socket } from "socket.io"
import { handshakeIp } from "../../lib/rate-limit/client-ip"
import { LimitedLayer, rateLimitMessage, RateLimits } from "../../lib/rate-limit/rate-limits"

type SocketMiddleware = (socket: Socket, next: (error?: Error) => void) => void

/**
 * A Socket.io middleware counting connection attempts against `layer`, keyed by what `keyOf` reads
 * (the client IP before the token is verified, the customer after). A refusal is the client's
 * `connect_error`, with `data: { type, retry_after }`.
 */
export function limitConnections(limits: RateLimits, layer: LimitedLayer, keyOf: (socket: Socket) => string | null): SocketMiddleware {
  return (socket, next) => {
    const key = keyOf(socket)
    if (!key) {
      return next()
    }
    limits
      .consume(layer, key)
      .then((verdict) => {
        if (verdict.allowed) {
          return next()
        }
        const error = new Error(rateLimitMessage(verdict)) as Error & { data?: unknown }
        error.data = { type: "not_allowed", retry_after: verdict.retryAfterSeconds }
        next(error)
      })
      .catch(next)
  }
}

export const byIp = (socket: Socket) => handshakeIp(socket.handshake)
export const byCustomer = (socket: Socket) => (socket.data.customerId as string | undefined) ?? null
