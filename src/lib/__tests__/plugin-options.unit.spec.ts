import { parsePluginOptions } from "../plugin-options"

describe("parsePluginOptions", () => {
  it("fills defaults when no options are given", () => {
    const options = parsePluginOptions(undefined)
    expect(options.offerHoldMinutes).toBe(15)
    expect(options.waitlistOfferMinutes).toBe(15)
    expect(options.ingestion.maxBatchSize).toBe(500)
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
