import { jStat } from "jstat"
import { seededRng, weightedPickWithoutReplacement } from "../lib/pick"

type Item = { id: string; weight: number }

const items: Item[] = [
  { id: "a", weight: 1 },
  { id: "b", weight: 2 },
  { id: "c", weight: 3 },
  { id: "d", weight: 4 },
  { id: "zero", weight: 0 },
]

function chiSquarePValue(observed: number[], expected: number[]) {
  const statistic = observed.reduce((sum, o, i) => sum + (o - expected[i]) ** 2 / expected[i], 0)
  return 1 - jStat.chisquare.cdf(statistic, observed.length - 1)
}

describe("weightedPickWithoutReplacement", () => {
  it("picks in proportion to weight over 10,000 draws (chi-square, fixed seed)", () => {
    const rng = seededRng(20261125)
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0, zero: 0 }
    const draws = 10_000
    for (let i = 0; i < draws; i++) {
      const [picked] = weightedPickWithoutReplacement(items, (item) => item.weight, 1, rng)
      counts[picked.id]++
    }
    expect(counts.zero).toBe(0)
    const positive = items.filter((item) => item.weight > 0)
    const total = positive.reduce((sum, item) => sum + item.weight, 0)
    const pValue = chiSquarePValue(
      positive.map((item) => counts[item.id]),
      positive.map((item) => (draws * item.weight) / total)
    )
    expect(pValue).toBeGreaterThan(0.001)
  })

  it("detects a wrong distribution (the test has power)", () => {
    const rng = seededRng(7)
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 }
    for (let i = 0; i < 10_000; i++) {
      // Uniform picks must fail against the 1:2:3:4 expectation.
      const [picked] = weightedPickWithoutReplacement(items.slice(0, 4), () => 1, 1, rng)
      counts[picked.id]++
    }
    const pValue = chiSquarePValue(Object.values(counts), [1000, 2000, 3000, 4000])
    expect(pValue).toBeLessThan(0.001)
  })

  it("never repeats an item within one answer and honours the limit", () => {
    const rng = seededRng(42)
    for (let i = 0; i < 2_000; i++) {
      const picked = weightedPickWithoutReplacement(items, (item) => item.weight, 3, rng)
      expect(picked).toHaveLength(3)
      expect(new Set(picked.map((item) => item.id)).size).toBe(3)
      expect(picked.map((item) => item.id)).not.toContain("zero")
    }
    const all = weightedPickWithoutReplacement(items, (item) => item.weight, 10, rng)
    expect(all.map((item) => item.id).sort()).toEqual(["a", "b", "c", "d"])
  })

  it("keeps the first pick of a multi-pick answer weighted (chi-square, fixed seed)", () => {
    const rng = seededRng(99)
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 }
    for (let i = 0; i < 10_000; i++) {
      const [first] = weightedPickWithoutReplacement(items, (item) => item.weight, 2, rng)
      counts[first.id]++
    }
    expect(chiSquarePValue(Object.values(counts), [1000, 2000, 3000, 4000])).toBeGreaterThan(0.001)
  })

  it("answers nothing for a zero limit or no weighted items", () => {
    expect(weightedPickWithoutReplacement(items, (item) => item.weight, 0)).toEqual([])
    expect(weightedPickWithoutReplacement([{ id: "x", weight: 0 }], (item) => item.weight, 2)).toEqual([])
  })

  it("is reproducible with the same seed", () => {
    const first = weightedPickWithoutReplacement(items, (i) => i.weight, 4, seededRng(1)).map((i) => i.id)
    const second = weightedPickWithoutReplacement(items, (i) => i.weight, 4, seededRng(1)).map((i) => i.id)
    expect(first).toEqual(second)
  })
})
