import { randomBytes } from "crypto"

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const RANDOM_BYTES_PER_ID = 10

/** Crockford base32 of a non-negative integer below 2^53, left-padded to `length` characters. */
function encode(value: number, length: number): string {
  let out = ""
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[value % 32] + out
    value = Math.floor(value / 32)
  }
  return out
}

/**
 * `count` ids in the format of Medusa's `generateEntityId` (`prefix_` + a ULID).
 * The `ulid` package calls the CSPRNG once per character; profiling showed that
 * at 11 % of the ingestion route's CPU, so a batch draws its randomness at once.
 */
export function generateEntityIds(prefix: string, count: number, now: number = Date.now()): string[] {
  const time = encode(now, 10)
  const random = randomBytes(count * RANDOM_BYTES_PER_ID)
  const ids: string[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const offset = i * RANDOM_BYTES_PER_ID
    // 80 random bits as two 40-bit halves, each exact in a double.
    ids[i] = `${prefix}_${time}${encode(random.readUIntBE(offset, 5), 8)}${encode(random.readUIntBE(offset + 5, 5), 8)}`
  }
  return ids
}
