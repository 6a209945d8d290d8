import { generateEntityIds } from "../entity-ids"

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const decode = (chars: string) => [...chars].reduce((value, char) => value * 32 + CROCKFORD.indexOf(char), 0)

describe("generateEntityIds", () => {
  it("answers prefixed ULIDs that carry the given time and sort by it", () => {
    const now = Date.UTC(2026, 10, 25, 13, 51, 27, 714)
    const ids = generateEntityIds("mev", 3, now)
    expect(ids).toHaveLength(3)
    for (const id of ids) {
      expect(id).toMatch(/^mev_[0-9A-HJKMNP-TV-Z]{26}$/)
      expect(decode(id.slice(4, 14))).toBe(now)
    }
    const [later] = generateEntityIds("mev", 1, now + 1)
    expect([later, ...ids].sort()[3]).toBe(later)
  })

  it("spreads the random part over all 80 bits without repeating", () => {
    const ids = generateEntityIds("mev", 20_000)
    expect(new Set(ids).size).toBe(ids.length)
    const firstRandomChars = new Set(ids.map((id) => id[14]))
    const lastChars = new Set(ids.map((id) => id[29]))
    expect(firstRandomChars.size).toBe(32)
    expect(lastChars.size).toBe(32)
  })

  it("answers nothing for an empty batch", () => {
    expect(generateEntityIds("mev", 0)).toEqual([])
  })
})
