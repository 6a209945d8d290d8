import { freePort } from "../../scripts/lib/free-port"
import { redisServerOnPath, startRedisServer } from "../../scripts/lib/redis"

/** A redis-server of the test file's own, which the test may stop and start again on the same port. */
export type OwnRedisServer = {
  url: string
  stop: () => Promise<void>
  start: () => Promise<void>
}

/**
 * Runs `suite` with a redis-server started for this file (an outage must not touch the Redis
 * other tests share); without a redis-server binary registers a skipped test naming why.
 * The server is up before any `beforeAll` the suite registers runs.
 */
export function withOwnRedisServer(suite: (server: OwnRedisServer) => void) {
  const binary = redisServerOnPath()
  if (!binary) {
    describe.skip("Redis outage tests skipped: no redis-server on PATH", () => {
      it("needs a redis-server binary", () => undefined)
    })
    return
  }
  let running: { stop: () => Promise<void> } | null = null
  const server: OwnRedisServer = {
    url: "",
    start: async () => {
      running = await startRedisServer(binary, Number(new URL(server.url).port))
    },
    stop: async () => {
      await running?.stop()
      running = null
    },
  }
  beforeAll(async () => {
    server.url = `redis://127.0.0.1:${await freePort()}`
    await server.start()
  })
  afterAll(() => server.stop())
  suite(server)
}
