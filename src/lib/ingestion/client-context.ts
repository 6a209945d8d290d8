import { isIP } from "net"
import type { MedusaRequest } from "@medusajs/framework/http"

/** Keeps a network prefix only (IPv4 /24, IPv6 /48) so no raw IP is stored. */
export function anonymizeIp(raw: string | undefined): string | null {
  if (!raw) {
    return null
  }
  const ip = raw.startsWith("::ffff:") ? raw.slice(7) : raw
  if (isIP(ip) === 4) {
    return ip.split(".").slice(0, 3).concat("0").join(".") + "/24"
  }
  if (isIP(ip) === 6) {
    const groups = expandIpv6(ip)
    return groups.slice(0, 3).join(":") + "::/48"
  }
  return null
}

function expandIpv6(ip: string): string[] {
  const [head, tail = ""] = ip.split("::")
  const headGroups = head ? head.split(":") : []
  const tailGroups = tail ? tail.split(":") : []
  const missing = 8 - headGroups.length - tailGroups.length
  return [...headGroups, ...Array(Math.max(missing, 0)).fill("0"), ...tailGroups]
}

export type ClientContext = {
  user_agent: string | null
  ip_prefix: string | null
  customer_id: string | null
}

export function readClientContext(req: MedusaRequest): ClientContext {
  const auth = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } })
    .auth_context
  return {
    user_agent: req.get("user-agent")?.slice(0, 512) ?? null,
    ip_prefix: anonymizeIp(req.ip),
    customer_id: auth?.actor_type === "customer" ? auth.actor_id ?? null : null,
  }
}
