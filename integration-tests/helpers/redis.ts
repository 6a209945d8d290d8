/** The Redis the test run provides (scripts/test.js), or why there is none. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL

/**
 * Runs `suite` only when the test run has a Redis; otherwise registers a skipped
 * test whose name carries the reason, so the skip shows in every report.
 */
export function withRedis(suite: (redisUrl: string) => void) {
  if (TEST_REDIS_URL) {
    return suite(TEST_REDIS_URL)
  }
  const reason = process.env.TEST_REDIS_SKIP_REASON ?? "no Redis available"
  describe.skip(`Redis-only tests skipped: ${reason}`, () => {
    it("needs Redis", () => undefined)
  })
}
