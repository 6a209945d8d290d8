import { randomBytes } from "crypto"
import Redis from "ioredis"
import { Client } from "pg"

const REDIS_DB_COUNT = 16
const CLAIM_KEY = "monetization-test:multi-process:claim"

/**
 * A logical Redis database of our own on the test's Redis: the lowest empty one, claimed
 * with a key so a parallel run skips it. BullMQ queues, locks and caches of our processes
 * live there; `release` flushes it (only our keys are in it).
 */
export async function claimRedisDatabase(baseUrl: string) {
  for (let db = 1; db < REDIS_DB_COUNT; db++) {
    const url = new URL(baseUrl)
    url.pathname = `/${db}`
    const client = new Redis(url.toString(), { maxRetriesPerRequest: 1 })
    const claimed =
      (await client.dbsize()) === 0 && (await client.set(CLAIM_KEY, String(process.pid), "EX", 3600, "NX")) === "OK"
    if (claimed) {
      return {
        url: url.toString(),
        client,
        release: async () => {
          await client.flushdb()
          await client.quit()
        },
      }
    }
    await client.quit()
  }
  throw new Error(`no empty Redis logical database among 1..${REDIS_DB_COUNT - 1} on ${baseUrl}`)
}

/** A fresh Postgres database on the test's server (DB_* env, as scripts/test.js provides). */
export async function createDatabase() {
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  const server = `postgres://${encodeURIComponent(user)}${password}@localhost:${process.env.DB_PORT || 5432}`
  const name = `monetization_multi_process_${randomBytes(4).toString("hex")}`
  const admin = new Client({ connectionString: `${server}/postgres` })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = `${server}/${name}`
  const client = new Client({ connectionString: url })
  await client.connect()
  return {
    url,
    client,
    drop: async () => {
      await client.end().catch(() => undefined)
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}
