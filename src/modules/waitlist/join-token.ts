import { createHash, randomBytes } from "crypto"
import { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { EntryService } from "./internal-services"

export function hashJoinToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}

/** A single-use token for an offer: the customer gets the token, the entry keeps only its hash. */
export function newJoinToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url")
  return { token, hash: hashJoinToken(token) }
}

/** Why a token did not claim or decline an offer: unknown, already used, or expired. */
export async function joinTokenError(
  entries: EntryService,
  input: { session_id: string; customer_id: string; hash: string },
  context: Context
): Promise<MedusaError> {
  const [entry] = await entries.list(
    { session_id: input.session_id, customer_id: input.customer_id, join_token_hash: input.hash },
    { select: ["status", "token_used_at", "offer_expires_at"], take: 1 },
    context
  )
  if (!entry) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, "Invalid join token")
  }
  if (entry.token_used_at || entry.status !== "OFFERED") {
    return new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `This join token was already used (offer ${String(entry.status).toLowerCase()})`
    )
  }
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, "This offer has expired")
}
