import { createHmac } from "crypto"
import { AD_SIGNING_PURPOSE, deriveAdSigningKey, signServe, verifyServe } from "../lib/signing"

describe("ad serve signing", () => {
  const key = deriveAdSigningKey(undefined, "supersecret")
  const now = new Date("2026-12-04T12:00:00Z")
  const inAnHour = new Date(now.getTime() + 3_600_000)

  it("derives a purpose key from the JWT secret, never the raw secret; an explicit clickSecret wins", () => {
    expect(key.equals(createHmac("sha256", "supersecret").update(AD_SIGNING_PURPOSE).digest())).toBe(true)
    expect(key.equals(Buffer.from("supersecret"))).toBe(false)
    expect(deriveAdSigningKey("x".repeat(32), "supersecret").equals(Buffer.from("x".repeat(32)))).toBe(true)
  })

  it("accepts a token for its ad and viewer until it expires", () => {
    const token = signServe(key, "mad_1", "token:abc", inAnHour)
    expect(verifyServe(key, "mad_1", "token:abc", token, now)).toEqual({ valid: true, nonce: token.split(".")[1] })
    expect(verifyServe(key, "mad_1", "token:abc", token, new Date(inAnHour.getTime() + 1_000))).toEqual({
      valid: false,
      reason: "expired",
    })
  })

  it("refuses another ad, another viewer, another key, a tampered expiry and a missing token", () => {
    const token = signServe(key, "mad_1", "token:abc", inAnHour)
    const [, nonce, sig] = token.split(".")
    const bad = { valid: false, reason: "bad_signature" }
    expect(verifyServe(key, "mad_2", "token:abc", token, now)).toEqual(bad)
    expect(verifyServe(key, "mad_1", "token:xyz", token, now)).toEqual(bad)
    expect(verifyServe(deriveAdSigningKey(undefined, "other"), "mad_1", "token:abc", token, now)).toEqual(bad)
    expect(verifyServe(key, "mad_1", "token:abc", `9999999999.${nonce}.${sig}`, now)).toEqual(bad)
    expect(verifyServe(key, "mad_1", "token:abc", "garbage", now)).toEqual(bad)
    expect(verifyServe(key, "mad_1", "token:abc", undefined, now)).toEqual({ valid: false, reason: "unsigned" })
    expect(verifyServe(key, "mad_1", null, token, now)).toEqual({ valid: false, reason: "unsigned" })
  })
})
