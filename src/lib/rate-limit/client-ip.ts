import type { MedusaRequest } from "@medusajs/framework/http"
import type { IncomingHttpHeaders } from "http"

/**
 * The client's address as Express reads it (`req.ip`): Medusa sets `trust proxy` to 1, so behind one
 * proxy this is the address that proxy saw (the last `X-Forwarded-For` entry), else the connection's.
 */
export function requestIp(req: MedusaRequest): string {
  return req.ip || req.socket?.remoteAddress || "unknown"
}

/** The same rule for a Socket.io handshake, which does not go through Express. */
export function handshakeIp(handshake: { address: string; headers: IncomingHttpHeaders }): string {
  const forwarded = handshake.headers["x-forwarded-for"]
  const entries = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
  return entries[entries.length - 1] || handshake.address || "unknown"
}
