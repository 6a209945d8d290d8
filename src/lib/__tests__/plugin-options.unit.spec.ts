import { parsePluginOptions } from "../plugin-options"

describe("parsePluginOptions", () => {
  it("fills defaults when no options are given", () => {
    const options = parsePluginOptions(undefined)
    expect(options.offerHoldMinutes).toBe(15)
    expect(options.waitlistOfferMinutes).toBe(15)
    expect(options.ingestion.maxBatchSize).toBe(500)
    expect(options.ingestion.maxMetadataBytes).toBe(16_384)
    expect(options.ads).toEqual({
      signedUrlTtlMinutes: 60,
      duplicateClickWindowMinutes: 30,
      maxClicksPerIpPrefixPerHour: 50,
      maxImpressionsPerIpPrefixPerHour: 1000,
    })
    expect(options.abTests).toEqual({ maxGoalValue: 100_000 })
  })

  it("refuses a click secret too short to sign with", () => {
    expect(() => parsePluginOptions({ ads: { clickSecret: "short" } })).toThrow(/`ads.clickSecret`/)
  })

  it("names the bad option in the error", () => {
    expect(() => parsePluginOptions({ offerHoldMinutes: 0 })).toThrow(/`offerHoldMinutes`/)
    expect(() => parsePluginOptions({ ingestion: { maxBatchSize: "10" } })).toThrow(
      /`ingestion.maxBatchSize`/
    )
  })

  it("keeps raw tracking data 90 days by default, and never less than ingestion accepts late events", () => {
    expect(parsePluginOptions(undefined).retention).toEqual({ days: 90, batchSize: 5000, maxRowsPerRun: 500_000 })
    // A deleted event's client id no longer deduplicates a retry: ingestion must refuse the retry as too old.
    expect(() => parsePluginOptions({ retention: { days: 30 }, ingestion: { maxEventAgeDays: 30 } })).toThrow(
      /`retention.days`: must be greater than ingestion.maxEventAgeDays \(30\)/
    )
    expect(parsePluginOptions({ retention: { days: 31 }, ingestion: { maxEventAgeDays: 30 } }).retention.days).toBe(31)
  })

  it("refuses unknown options instead of ignoring a typo", () => {
    expect(() => parsePluginOptions({ offerHoldMinute: 10 })).toThrow(/invalid plugin options/)
  })
})

describe("parsePluginOptions: rateLimits", () => {
  it("defaults every layer, far above what the storefront widgets send", () => {
    const { rateLimits } = parsePluginOptions(undefined)
    expect(rateLimits).toEqual({
      enabled: true,
      keyPrefix: "monetization:rl",
      viewer: { points: 120, duration: 60 },
      ip: { points: 6000, duration: 60 },
      ipEvents: { points: 30_000, duration: 60 },
      publishableKey: { points: 600_000, duration: 60 },
      ipShareOfKey: 0.1,
      customer: { points: 30, duration: 60 },
      purchaseIp: { points: 3000, duration: 60 },
      socketIp: { points: 600, duration: 60 },
      socketCustomer: { points: 20, duration: 60 },
    })
  })

  it("fills the rest of a layer the host sets in part", () => {
    const { rateLimits } = parsePluginOptions({ rateLimits: { viewer: { points: 10 } } })
    expect(rateLimits.viewer).toEqual({ points: 10, duration: 60 })
    expect(rateLimits.ip).toEqual({ points: 6000, duration: 60 })
  })

  it("names a bad limit", () => {
    expect(() => parsePluginOptions({ rateLimits: { ip: { points: 0 } } })).toThrow(/`rateLimits.ip.points`/)
    expect(() => parsePluginOptions({ rateLimits: { ipShareOfKey: 1.5 } })).toThrow(/`rateLimits.ipShareOfKey`/)
    expect(() => parsePluginOptions({ rateLimits: { perViewer: {} } })).toThrow(/invalid plugin options/)
  })
})
