import { AB_ASSIGNMENT_VECTORS, assignVariant, djb2 } from "../../../src/shared/ab-assignment"

describe("djb2", () => {
  it("starts at 5381 and stays an unsigned 32-bit integer", () => {
    expect(djb2("")).toBe(5381)
    expect(djb2("a")).toBe(5381 * 33 + 97)
    const long = djb2("x".repeat(10_000))
    expect(Number.isInteger(long)).toBe(true)
    expect(long).toBeGreaterThanOrEqual(0)
    expect(long).toBeLessThan(2 ** 32)
  })
})

describe("AB_ASSIGNMENT_VECTORS", () => {
  it("covers equal weights with 2 and 3 variants and unequal weights", () => {
    const equal = AB_ASSIGNMENT_VECTORS.filter((v) => v.variants.every((w) => w.weight === v.variants[0].weight))
    expect(equal.some((v) => v.variants.length === 2)).toBe(true)
    expect(equal.some((v) => v.variants.length === 3)).toBe(true)
    expect(AB_ASSIGNMENT_VECTORS.length - equal.length).toBeGreaterThanOrEqual(3)
  })

  it.each(AB_ASSIGNMENT_VECTORS.map((v) => [`${v.session_token} / ${v.test_id}`, v] as const))(
    "%s hashes and assigns as published",
    (_, vector) => {
      expect(djb2(vector.session_token + vector.test_id)).toBe(vector.hash)
      expect(assignVariant(vector.session_token, vector.test_id, vector.variants)).toBe(vector.expected_variant)
    }
  )

  it("equal weights pick index djb2 % n", () => {
    for (const v of AB_ASSIGNMENT_VECTORS.filter((x) => x.variants.every((w) => w.weight === x.variants[0].weight))) {
      expect(v.variants[djb2(v.session_token + v.test_id) % v.variants.length].id).toBe(v.expected_variant)
    }
  })
})

describe("assignVariant", () => {
  const variants3 = [
    { id: "a", weight: 5 },
    { id: "b", weight: 5 },
    { id: "c", weight: 5 },
  ]

  it("matches djb2 % n for equal weights on many sessions", () => {
    for (let i = 0; i < 500; i++) {
      const token = `session-${i}`
      expect(assignVariant(token, "t1", variants3)).toBe(variants3[djb2(`${token}t1`) % 3].id)
    }
  })

  it("never picks a zero-weight variant and splits 90/10 roughly", () => {
    const counts: Record<string, number> = { control: 0, discount: 0, off: 0 }
    const variants = [
      { id: "control", weight: 90 },
      { id: "off", weight: 0 },
      { id: "discount", weight: 10 },
    ]
    for (let i = 0; i < 5000; i++) {
      counts[assignVariant(`s${i}`, "split", variants)]++
    }
    expect(counts.off).toBe(0)
    expect(counts.discount / 5000).toBeGreaterThan(0.07)
    expect(counts.discount / 5000).toBeLessThan(0.13)
  })

  it("rejects empty variant lists and invalid weights", () => {
    expect(() => assignVariant("s", "t", [])).toThrow("no variants")
    expect(() => assignVariant("s", "t", [{ id: "a", weight: -1 }, { id: "b", weight: 1 }])).toThrow("invalid")
  })
})
