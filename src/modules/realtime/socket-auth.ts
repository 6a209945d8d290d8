import type { ConfigModule, Logger } from "@medusajs/framework/types"
import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import type { Socket } from "socket.io"

type SocketMiddleware = (socket: Socket, next: (error?: Error) => void) => void

/**
 * A customer token from the handshake's `auth` payload only (a query string ends up in access
 * logs), verified as Medusa's own `authenticate` does: `jwtPublicKey` and `jwtVerifyOptions`
 * honoured, expiry enforced.
 */
function authenticate(
  socket: Socket,
  configModule: ConfigModule,
  logger: Logger
): { customerId: string; expiresAt: number | null } | null {
  const raw = socket.handshake.auth?.token
  const token = typeof raw === "string" ? raw.replace(/^Bearer\s+/i, "") : null
  if (!token) {
    return null
  }
  const http = configModule.projectConfig.http
  const verified = getAuthContextFromJwtToken(
    `Bearer ${token}`,
    http.jwtSecret as string,
    ["bearer"],
    ["customer"],
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions,
    logger
  ) as { actor_id?: unknown; exp?: number } | null
  if (!verified || typeof verified.actor_id !== "string" || !verified.actor_id) {
    return null
  }
  return { customerId: verified.actor_id, expiresAt: typeof verified.exp === "number" ? verified.exp * 1000 : null }
}

/** Admits only sockets with a valid customer token; sets `socket.data.customerId` and `expiresAt`. */
export function requireCustomer(configModule: ConfigModule, logger: Logger): SocketMiddleware {
  return (socket, next) => {
    const auth = authenticate(socket, configModule, logger)
    if (!auth) {
      return next(new Error("Unauthorized: a valid customer token is required"))
    }
    socket.data.customerId = auth.customerId
    socket.data.expiresAt = auth.expiresAt
    next()
  }
}

/** The socket lives no longer than its token (armed only for sockets that get through). */
export const disconnectAtTokenExpiry: SocketMiddleware = (socket, next) => {
  const expiresAt = socket.data.expiresAt as number | null
  if (expiresAt) {
    const timer = setTimeout(() => socket.disconnect(true), Math.min(expiresAt - Date.now(), 2 ** 31 - 1))
    socket.once("disconnect", () => clearTimeout(timer))
  }
  next()
}
