import { createHmac, randomBytes, timingSafeEqual } from "crypto"

/** Purpose label of the key derived from `http.jwtSecret`: the JWT secret itself never signs ads. */
export const AD_SIGNING_PURPOSE = "medusa-plugin-event-monetization:ad-serve-signing:v1"

/** What a serve token proves: this ad was served to this viewer, and until when that counts. */
export type ServeClaim = { ad_id: string; viewer_key: string; expires_at: number; nonce: string }

export type ServeCheck = { valid: true; nonce: string } | { valid: false; reason: "unsigned" | "bad_signature" | "expired" }

/** The signing key: the `ads.clickSecret` option, else HMAC(jwtSecret, purpose label). */
export function deriveAdSigningKey(clickSecret: string | undefined, jwtSecret: string): Buffer {
  if (clickSecret) {
    return Buffer.from(clickSecret, "utf8")
  }
  return createHmac("sha256", jwtSecret).update(AD_SIGNING_PURPOSE).digest()
}

const mac = (key: Buffer, claim: ServeClaim) =>
  createHmac("sha256", key)
    .update(["v1", claim.ad_id, claim.viewer_key, String(claim.expires_at), claim.nonce].join("\n"))
    .digest("base64url")

/** A fresh serve token, `<expiry seconds>.<nonce>.<signature>`: HMAC over ad, viewer, expiry and nonce. */
export function signServe(key: Buffer, adId: string, viewerKey: string, expiresAt: Date): string {
  const claim: ServeClaim = {
    ad_id: adId,
    viewer_key: viewerKey,
    expires_at: Math.floor(expiresAt.getTime() / 1000),
    nonce: randomBytes(12).toString("base64url"),
  }
  return `${claim.expires_at}.${claim.nonce}.${mac(key, claim)}`
}

/** Checks a serve token against the ad and viewer it is presented for. */
export function verifyServe(
  key: Buffer,
  adId: string,
  viewerKey: string | null,
  token: string | null | undefined,
  now: Date
): ServeCheck {
  if (!token || !viewerKey) {
    return { valid: false, reason: "unsigned" }
  }
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{8,64})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) {
    return { valid: false, reason: "bad_signature" }
  }
  const claim: ServeClaim = { ad_id: adId, viewer_key: viewerKey, expires_at: Number(match[1]), nonce: match[2] }
  const expected = Buffer.from(mac(key, claim))
  const given = Buffer.from(match[3])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { valid: false, reason: "bad_signature" }
  }
  if (claim.expires_at * 1000 < now.getTime()) {
    return { valid: false, reason: "expired" }
  }
  return { valid: true, nonce: claim.nonce }
}
