import { MAX_METADATA_DEPTH, metadataProblem } from "../ingestion/metadata-limits"

describe("metadataProblem", () => {
  it("accepts no metadata and metadata within the size and depth limits", () => {
    expect(metadataProblem(undefined, 16_384)).toBeNull()
    expect(metadataProblem({ placement: "CHECKOUT", a: { b: { c: { d: 1 } } } }, 16_384)).toBeNull()
  })

  it("rejects metadata over the byte limit, counted as UTF-8", () => {
    expect(metadataProblem({ blob: "x".repeat(700 * 1024) }, 16_384)).toMatch(/^metadata: \d+ bytes serialized, at most 16384 allowed$/)
    // 4,000 two-byte characters are 8,000 bytes: over a 7,000-byte limit though only 4,000 characters.
    expect(metadataProblem({ s: "é".repeat(4_000) }, 7_000)).toMatch(/bytes serialized/)
    expect(metadataProblem({ s: "e".repeat(4_000) }, 7_000)).toBeNull()
  })

  it("rejects metadata nested deeper than the limit", () => {
    let deep: Record<string, unknown> = { leaf: 1 }
    for (let i = 1; i < MAX_METADATA_DEPTH; i++) deep = { next: deep }
    expect(metadataProblem(deep, 16_384)).toBeNull()
    expect(metadataProblem({ next: deep }, 16_384)).toBe(`metadata: nested deeper than ${MAX_METADATA_DEPTH} levels`)
    expect(metadataProblem({ list: [[[[[1]]]]] }, 16_384)).toBe(`metadata: nested deeper than ${MAX_METADATA_DEPTH} levels`)
  })
})
