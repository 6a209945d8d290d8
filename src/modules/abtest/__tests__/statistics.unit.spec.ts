/**
 * statistics: A/B test statistics library.
 *
 * Reference values were computed INDEPENDENTLY of jstat and of the code under test:
 *  [PY]  a throwaway Python 3 script using only the standard library — math.erfc for the normal tail,
 *        statistics.NormalDist().inv_cdf for normal quantiles, and Numerical-Recipes style regularized
 *        incomplete gamma (series / continued fraction) and incomplete beta (continued fraction) written
 *        on top of math.lgamma for chi-square and Student-t tails.
 *  [CF]  closed forms evaluated in Python: chi-square upper tail with df = 1 is erfc(sqrt(x/2)),
 *        with df = 2 it is exp(-x/2).
 *  [SP]  cross-checked (not relied on) against SciPy 1.17: stats.chi2_contingency(correction=False),
 *        stats.ttest_ind(equal_var=False), stats.ttest_ind_from_stats, stats.chisquare, stats.norm.sf;
 *        all agreed with [PY] to at least 12 significant digits.
 *  [WP]  Wikipedia, "Holm–Bonferroni method", worked example (p = 0.01, 0.04, 0.03, 0.005; H1 and H4 rejected
 *        at alpha = 0.05); adjusted p-values by hand with p_adj(i) = max_{j<=i} min(1, (m-j+1) p_(j)).
 *  [QA]  Published worked Welch example (wyzant.com answer 838275: means 3.75625 / 18.97, SDs 2.01659 / 8.06488,
 *        n 16 / 10 → SE 2.59969, t 5.85214, df 9.708), reproduced by [PY] and [SP].
 */
import {
  analyzeExperiment,
  chiSquareIndependence,
  holm,
  meanVarianceFromSums,
  requiredSampleSizePerVariant,
  sampleRatioMismatch,
  twoProportionTest,
  welchTTest,
  welchTTestFromSums,
  type VariantCounts,
} from "../lib"

/** |actual − expected| <= rel·|expected| (+ a tiny absolute floor). */
function expectClose(actual: number, expected: number, rel = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-15)
}

function variant(
  variant_id: string,
  sessions: number,
  conversions: number,
  extra: Partial<VariantCounts> = {}
): VariantCounts {
  return { variant_id, weight: 50, sessions, conversions, revenue_sum: 0, revenue_sum_sq: 0, ...extra }
}

describe("statistics: chiSquareIndependence", () => {
  it("2×2 table: A 100/1000 vs B 130/1000", () => {
    const r = chiSquareIndependence([
      { sessions: 1000, conversions: 100 },
      { sessions: 1000, conversions: 130 },
    ])
    // [PY] statistic 4.421518054532056; [CF] erfc(sqrt(x/2)) = 0.035488450466474676; [SP] agrees.
    expectClose(r.statistic, 4.421518054532056, 1e-12)
    expect(r.df).toBe(1)
    expectClose(r.p_value, 0.035488450466474676, 1e-8)
  })

  it("2×3 table: 100/1000, 130/1000, 90/1000", () => {
    const r = chiSquareIndependence([
      { sessions: 1000, conversions: 100 },
      { sessions: 1000, conversions: 130 },
      { sessions: 1000, conversions: 90 },
    ])
    // [PY] statistic 9.095149253731343; [CF] exp(-x/2) = 0.010592864903058297; [SP] agrees.
    expectClose(r.statistic, 9.095149253731343, 1e-12)
    expect(r.df).toBe(2)
    expectClose(r.p_value, 0.010592864903058297, 1e-8)
  })

  it("degenerate tables give p = 1 (no conversions, all converted, single non-empty arm)", () => {
    expect(chiSquareIndependence([{ sessions: 500, conversions: 0 }, { sessions: 400, conversions: 0 }])).toEqual({
      statistic: 0,
      df: 0,
      p_value: 1,
    })
    expect(chiSquareIndependence([{ sessions: 5, conversions: 5 }, { sessions: 7, conversions: 7 }]).p_value).toBe(1)
    expect(chiSquareIndependence([{ sessions: 100, conversions: 10 }, { sessions: 0, conversions: 0 }]).p_value).toBe(1)
    expect(chiSquareIndependence([]).p_value).toBe(1)
  })

  it("drops an empty column and tests the rest", () => {
    const r = chiSquareIndependence([
      { sessions: 1000, conversions: 100 },
      { sessions: 0, conversions: 0 },
      { sessions: 1000, conversions: 130 },
    ])
    expect(r.df).toBe(1)
    expectClose(r.statistic, 4.421518054532056, 1e-12)
  })

  it("rejects conversions > sessions", () => {
    expect(() => chiSquareIndependence([{ sessions: 1, conversions: 2 }])).toThrow(RangeError)
  })
})

describe("statistics: twoProportionTest", () => {
  it("A 100/1000 vs B 130/1000", () => {
    const r = twoProportionTest({ sessions: 1000, conversions: 100 }, { sessions: 1000, conversions: 130 })
    // [PY] pooled z 2.102740605622114, p = erfc(|z|/sqrt 2) 0.03548845046647473 (= the 2×2 chi-square p since z² = χ²),
    // lift 0.3, Wald 95% CI (0.0020679344393763725, 0.05793206556062362); [SP] norm.sf agrees.
    expectClose(r.z, 2.102740605622114, 1e-12)
    expectClose(r.p_value, 0.03548845046647473, 1e-8)
    expectClose(r.lift!, 0.3, 1e-12)
    expectClose(r.ci95![0], 0.0020679344393763725, 1e-9)
    expectClose(r.ci95![1], 0.05793206556062362, 1e-9)
  })

  it("zero standard error or empty arm gives p = 1", () => {
    expect(twoProportionTest({ sessions: 100, conversions: 0 }, { sessions: 100, conversions: 0 })).toMatchObject({
      z: 0,
      p_value: 1,
      lift: null,
    })
    expect(twoProportionTest({ sessions: 0, conversions: 0 }, { sessions: 100, conversions: 3 })).toEqual({
      z: 0,
      p_value: 1,
      lift: null,
      ci95: null,
    })
  })
})

describe("statistics: holm", () => {
  it("Wikipedia worked example", () => {
    // [WP] sorted 0.005, 0.01, 0.03, 0.04 → 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 0.04) = 0.06.
    const adj = holm([0.01, 0.04, 0.03, 0.005])
    ;[0.03, 0.06, 0.06, 0.02].forEach((e, i) => expectClose(adj[i], e, 1e-12))
    // H1 and H4 rejected at 0.05, as published.
    expect(adj.map((p) => p < 0.05)).toEqual([true, false, false, true])
  })

  it("is monotone in the sorted order and capped at 1", () => {
    // By hand: 0.02·3 = 0.06, 0.4·2 = 0.8, max(0.8, 0.5) = 0.8.
    const a = holm([0.5, 0.4, 0.02])
    ;[0.8, 0.8, 0.06].forEach((e, i) => expectClose(a[i], e, 1e-12))
    // By hand: 0.3·3 = 0.9, min(1, 0.6·2) = 1, max(1, 0.9) = 1.
    const b = holm([0.3, 0.6, 0.9])
    ;[0.9, 1, 1].forEach((e, i) => expectClose(b[i], e, 1e-12))
    expect(holm([])).toEqual([])
    expect(() => holm([1.2])).toThrow(RangeError)
  })
})

describe("statistics: welchTTest", () => {
  const A = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
  const B = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]
  const sums = (xs: number[]) => ({
    n: xs.length,
    sum: xs.reduce((s, x) => s + x, 0),
    sumSq: xs.reduce((s, x) => s + x * x, 0),
  })

  it("from (n, Σx, Σx²) of two 15-point samples", () => {
    const r = welchTTestFromSums(sums(A), sums(B))!
    // [PY] statistics.mean/variance + incomplete beta: t 2.455356398286006, df 24.98852929023142,
    // p 0.02137800146286684; [SP] ttest_ind(B, A, equal_var=False) agrees.
    expectClose(r.t, 2.455356398286006, 1e-9)
    expectClose(r.df, 24.98852929023142, 1e-9)
    expectClose(r.p_value, 0.02137800146286684, 1e-7)
  })

  it("published summary-statistics example", () => {
    const r = welchTTest(3.75625, 2.01659 ** 2, 16, 18.97, 8.06488 ** 2, 10)!
    // [QA] t 5.85214, df 9.708; [PY] t 5.852137661218542, df 9.70823140314139, p 0.00018099762683244477; [SP] agrees.
    expectClose(r.t, 5.852137661218542, 1e-12)
    expectClose(r.df, 9.70823140314139, 1e-12)
    expectClose(r.p_value, 0.00018099762683244477, 1e-7)
    expect(r.t).toBeCloseTo(5.85214, 5)
    expect(r.df).toBeCloseTo(9.708, 3)
  })

  it("n < 2 gives null; zero variance handled", () => {
    expect(welchTTest(1, 0, 1, 2, 1, 10)).toBeNull()
    expect(welchTTestFromSums({ n: 1, sum: 5, sumSq: 25 }, { n: 10, sum: 5, sumSq: 25 })).toBeNull()
    expect(welchTTest(3, 0, 10, 3, 0, 10)).toEqual({ t: 0, df: 18, p_value: 1 })
    expect(meanVarianceFromSums(4, 8, 16)).toEqual({ mean: 2, variance: 0 })
  })
})

describe("statistics: sampleRatioMismatch", () => {
  it("detects 6000 vs 4000 on a 50/50 split", () => {
    const r = sampleRatioMismatch([6000, 4000], [50, 50])
    // By hand: 2·1000²/5000 = 400; [CF] erfc(sqrt(200)) = 5.5e-89 (jstat's 1 − cdf underflows towards 0).
    expect(r.statistic).toBe(400)
    expect(r.df).toBe(1)
    expect(r.p_value).toBeLessThan(1e-15)
    expect(r.ok).toBe(false)
  })

  it("does not flag 5030 vs 4970 on a 50/50 split", () => {
    const r = sampleRatioMismatch([5030, 4970], [0.5, 0.5])
    // By hand: 2·30²/5000 = 0.36; [CF] erfc(sqrt(0.18)) = 0.5485062355001472; [SP] chisquare agrees.
    expectClose(r.statistic, 0.36, 1e-12)
    expectClose(r.p_value, 0.5485062355001472, 1e-8)
    expect(r.ok).toBe(true)
  })

  it("unequal weights 50/25/25 with 5000/2600/2400", () => {
    const r = sampleRatioMismatch([5000, 2600, 2400], [50, 25, 25])
    // By hand: 0 + 100²/2500 + 100²/2500 = 8; [CF] exp(-4) = 0.018315638888734182; ok (p >= 0.001).
    expectClose(r.statistic, 8, 1e-12)
    expect(r.df).toBe(2)
    expectClose(r.p_value, 0.018315638888734182, 1e-8)
    expect(r.ok).toBe(true)
  })

  it("traffic into a zero-weight arm is a mismatch; no traffic is fine", () => {
    expect(sampleRatioMismatch([100, 100, 3], [1, 1, 0]).ok).toBe(false)
    expect(sampleRatioMismatch([0, 0], [1, 1])).toMatchObject({ p_value: 1, ok: true })
    expect(() => sampleRatioMismatch([1, 2], [1])).toThrow(RangeError)
  })
})

describe("statistics: requiredSampleSizePerVariant", () => {
  it("matches the pooled/unpooled normal-approximation formula", () => {
    // [PY] NormalDist().inv_cdf: ceil((z_{1-a/2}·sqrt(2 p̄ q̄) + z_power·sqrt(p1q1 + p2q2))² / (p1 − p2)²)
    expect(requiredSampleSizePerVariant(0.1, 0.12)).toBe(3841)
    expect(requiredSampleSizePerVariant(0.05, 0.06)).toBe(8158)
    expect(requiredSampleSizePerVariant(0.2, 0.25, 0.01, 0.9)).toBe(2074)
    expect(requiredSampleSizePerVariant(0.12, 0.1)).toBe(3841)
    expect(requiredSampleSizePerVariant(0.1, 0.1)).toBe(Infinity)
  })
})

describe("statistics: analyzeExperiment", () => {
  it("clear winner: A 500/5000 vs B 600/5000", () => {
    const r = analyzeExperiment([
      variant("A", 5000, 500, { revenue_sum: 25000, revenue_sum_sq: 1_500_000 }),
      variant("B", 5000, 600, { revenue_sum: 30000, revenue_sum_sq: 1_900_000 }),
    ])
    // [PY] z 3.1960138605029633, p 0.0013934041792054825 (one comparison: Holm p = p) → confidence 99.86.
    expect(r.winner).toBe("B")
    expect(r.confidence).toBe(99.86)
    expect(r.recommendation).toBe("B wins with 99.9% confidence (+20% conversion vs A).")
    expect(r.total_impressions).toBe(10000)
    expect(r.total_conversions).toBe(1100)
    expect(r.srm.ok).toBe(true)
    const [a, b] = r.variants
    expect(a).toMatchObject({ variant_id: "A", is_control: true, conversion_rate: 10, p_value: null, revenue_per_session: 5 })
    expect(b).toMatchObject({ variant_id: "B", conversion_rate: 12, confidence_level: 99.86, lift: 20, revenue_per_session: 6 })
    expectClose(b.p_value!, 0.0013934041792054825, 1e-8)
    expectClose(b.adjusted_p_value!, 0.0013934041792054825, 1e-8)
    // overall 2×2 chi-square equals z² for two arms.
    expectClose(r.overall.chi_square.statistic, 3.1960138605029633 ** 2, 1e-10)
    // [PY] revenue from sums: means 5 / 6, variances 275.05501100220044 / 344.06881376275254,
    // Welch t 2.8418178895926895, df 9875.293687906335, p 0.00449490181943191.
    const w = r.revenue[0].welch!
    expect(r.revenue[0].variant_id).toBe("B")
    expectClose(w.t, 2.8418178895926895, 1e-9)
    expectClose(w.df, 9875.293687906335, 1e-9)
    expectClose(w.p_value, 0.00449490181943191, 1e-6)
  })

  it("control_variant_id selects the control regardless of order", () => {
    const r = analyzeExperiment([variant("B", 5000, 600), variant("A", 5000, 500)], { control_variant_id: "A" })
    expect(r.control_variant_id).toBe("A")
    expect(r.winner).toBe("B")
    expect(() => analyzeExperiment([variant("A", 1, 0)], { control_variant_id: "Z" })).toThrow(RangeError)
  })

  it("no winner with too few samples, even when significant", () => {
    const variants = [variant("A", 50, 5), variant("B", 50, 20)]
    const r = analyzeExperiment(variants)
    // [PY] z 3.4641016151377553, p 0.0005320055051392491 — significant, but 50 < 100 sessions per arm.
    expectClose(r.variants[1].p_value!, 0.0005320055051392491, 1e-7)
    expect(r.winner).toBeNull()
    expect(r.recommendation).toBe(
      "Keep running: each compared variant needs at least 100 sessions before a winner can be called (A has 50)."
    )
    expect(analyzeExperiment(variants, { min_sessions_per_variant: 40 }).winner).toBe("B")
  })

  it("sample ratio mismatch stops the analysis", () => {
    const r = analyzeExperiment([variant("A", 6000, 600), variant("B", 4000, 520)])
    expect(r.srm.ok).toBe(false)
    expect(r.winner).toBeNull()
    expect(r.confidence).toBeNull()
    expect(r.recommendation).toBe(
      "Stop: sample ratio mismatch (p < 0.0001) — check assignment and tracking before trusting results."
    )
  })

  it("three arms, Holm-adjusted: B wins, C does not reach significance", () => {
    const r = analyzeExperiment([variant("A", 3000, 300), variant("B", 3000, 360), variant("C", 3000, 345)])
    // [PY] p_B 0.013300442671426762, p_C 0.060717158387225266 → Holm 0.026600885342853525, 0.060717158387225266.
    expectClose(r.variants[1].adjusted_p_value!, 0.026600885342853525, 1e-7)
    expectClose(r.variants[2].adjusted_p_value!, 0.060717158387225266, 1e-7)
    expect(r.variants[1].confidence_level).toBe(97.34)
    expect(r.variants[2].confidence_level).toBe(93.93)
    expect(r.winner).toBe("B")
    expect(r.recommendation).toBe("B wins with 97.3% confidence (+20% conversion vs A).")
  })

  it("control beats every variant significantly: control wins", () => {
    const r = analyzeExperiment([variant("A", 4000, 480), variant("B", 4000, 380), variant("C", 4000, 400)])
    // [PY] p_B 0.0003067915497739328, p_C 0.004255126876797378 → Holm 0.0006135830995478656, 0.004255126876797378.
    expect(r.winner).toBe("A")
    expect(r.confidence).toBe(99.57)
    expect(r.recommendation).toBe(
      "A (control) wins with 99.6% confidence: every variant converts worse (closest C -16.7% conversion vs A)."
    )
  })

  it("keep running: estimates the remaining sessions at the observed effect", () => {
    const r = analyzeExperiment([variant("A", 2000, 200), variant("B", 2000, 215), variant("C", 2000, 190)])
    // [PY] Holm p 0.87340619494771 for both; required n at 10% vs 10.75%, alpha 0.05/2, power 0.8 = 31424
    // → 31424 − 2000 = 29424 more per variant. Overall 2×3 chi-square 1.7463369051539919, p 0.41762622185903553.
    expectClose(r.variants[1].adjusted_p_value!, 0.87340619494771, 1e-7)
    expectClose(r.variants[2].adjusted_p_value!, 0.87340619494771, 1e-7)
    expectClose(r.overall.chi_square.statistic, 1.7463369051539919, 1e-10)
    expectClose(r.overall.chi_square.p_value, 0.41762622185903553, 1e-8)
    expect(r.required_sessions_per_variant).toBe(31424)
    expect(r.winner).toBeNull()
    expect(r.recommendation).toBe(
      "Keep running: about 29,424 more sessions per variant are needed for 80% power at the observed effect (B +7.5% conversion vs A)."
    )
  })

  it("no meaningful difference when the observed effect is ~0", () => {
    const r = analyzeExperiment([variant("A", 3000, 300), variant("B", 3000, 302)])
    // [PY] lift 0.667%, p 0.9315148081010576, CI (-0.014537605303710767, 0.015870938637044092).
    expect(r.winner).toBeNull()
    expect(r.recommendation).toMatch(/^No meaningful difference detected: B converts within 1% of A \(\+0\.7%, p = 0\.93; 95% CI for the difference -1\.45 to \+1\.59 percentage points\)/)
    const zero = analyzeExperiment([variant("A", 500, 0), variant("B", 500, 0)])
    expect(zero.recommendation).toMatch(/^No meaningful difference detected/)
  })

  it("a single variant has nothing to compare", () => {
    const r = analyzeExperiment([variant("A", 10, 1)])
    expect(r.winner).toBeNull()
    expect(r.recommendation).toBe("Add at least one more variant to compare against A.")
  })
})
