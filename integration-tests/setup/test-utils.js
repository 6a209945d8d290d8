/**
 * `@medusajs/test-utils` for the http and browser projects (jest `moduleNameMapper`), with one
 * change: a test file on the default host config starts from a copy of a database that
 * `scripts/test.js` migrated once for the whole run (`MEDUSA_TEST_DB_TEMPLATE`), so the runner's
 * migrations find nothing left to do instead of building ~100 tables per file. Files with a host
 * of their own (`cwd`, `medusaConfigFile`) and runs without a template migrate as before.
 */
const path = require("path")
const { randomBytes } = require("crypto")
const { Client } = require("pg")

const actual = require(path.resolve(__dirname, "../../node_modules/@medusajs/test-utils/dist/index.js"))

function adminUrl() {
  const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  return `postgres://${user}${password}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? "5432"}/postgres`
}

async function cloneTemplate(template, dbName) {
  const client = new Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${dbName}"`)
    await client.query(`CREATE DATABASE "${dbName}" TEMPLATE "${template}"`)
  } finally {
    await client.end()
  }
}

function medusaIntegrationTestRunner(config) {
  const template = process.env.MEDUSA_TEST_DB_TEMPLATE
  if (!template || config.cwd || config.medusaConfigFile || config.dbName) {
    return actual.medusaIntegrationTestRunner(config)
  }
  const dbName = `medusa-from-template-${randomBytes(6).toString("hex")}-${process.env.JEST_WORKER_ID ?? "1"}`
  beforeAll(() => cloneTemplate(template, dbName))
  return actual.medusaIntegrationTestRunner({ ...config, dbName })
}

module.exports = { ...actual, medusaIntegrationTestRunner }
