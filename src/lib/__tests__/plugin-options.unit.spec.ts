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

  it("refuses unknown options instead of ignoring a typo", () => {
    expect(() => parsePluginOptions({ offerHoldMinute: 10 })).toThrow(/invalid plugin options/)
  })
})
