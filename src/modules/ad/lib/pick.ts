/** A source of uniform numbers in [0, 1), injectable so picks are reproducible in tests. */
export type Rng = () => number

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis A-ES): each item
 * draws the key u^(1/w) and the `count` largest keys win. Computed as ln(u)/w,
 * which orders the same way without underflow for small weights. Items with a
 * weight of 0 (or not finite) are never picked.
 */
export function weightedPickWithoutReplacement<T>(
  items: readonly T[],
  weightOf: (item: T) => number,
  count: number,
  rng: Rng = Math.random
): T[] {
  if (count <= 0) {
    return []
  }
  const keyed: { item: T; key: number }[] = []
  for (const item of items) {
    const weight = weightOf(item)
    if (!(weight > 0) || !Number.isFinite(weight)) {
      continue
    }
    // 1 - rng() is in (0, 1], so the log is finite.
    keyed.push({ item, key: Math.log(1 - rng()) / weight })
  }
  keyed.sort((a, b) => b.key - a.key)
  return keyed.slice(0, count).map(({ item }) => item)
}

/** Mulberry32: a tiny seeded PRNG, good enough for reproducible sampling tests. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
