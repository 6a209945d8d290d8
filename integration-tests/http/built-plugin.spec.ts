import fs from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { buildPlugin, repoRoot } from "../helpers/built-plugin"
import { createStoreSetup, storeHeaders } from "../helpers/store-setup"

jest.setTimeout(120_000)

const hostDir = path.join(repoRoot, ".test-artifacts", "built-plugin-host")

/** Builds the plugin as it is published and writes a host app that installs it by path. */
function prepareBuiltPluginHost() {
  buildPlugin()
  fs.mkdirSync(hostDir, { recursive: true })
  fs.writeFileSync(
    path.join(hostDir, "medusa-config.js"),
    `const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "test", cookieSecret: "test", storeCors: "*", adminCors: "*", authCors: "*" },
  },
  admin: { disable: true },
  plugins: [{ resolve: ${JSON.stringify(repoRoot)}, options: { offerHoldMinutes: 20 } }],
})
`
  )
}

prepareBuiltPluginHost()

medusaIntegrationTestRunner({
  cwd: hostDir,
  testSuite: ({ api, getContainer }) => {
    describe("the built plugin installed through `plugins`", () => {
      it("serves POST /store/analytics/track from .medusa/server", async () => {
        expect(fs.existsSync(path.join(repoRoot, ".medusa/server/src/api/store/analytics/track/route.js"))).toBe(true)
        const setup = await createStoreSetup(getContainer(), { withStripe: false })
        const response = await api.post(
          "/store/analytics/track",
          { events: [{ type: "OFFER_VIEW", entityId: "moff_1", timestamp: new Date().toISOString() }] },
          storeHeaders(setup)
        )
        expect(response.status).toBe(202)
        expect(response.data.accepted).toBe(1)
      })

      it("passes the host's plugin options to the plugin's modules", async () => {
        const service = getContainer().resolve<{ getOptions(): Promise<{ offerHoldMinutes: number }> }>(
          "monetizationEvent"
        )
        expect((await service.getOptions()).offerHoldMinutes).toBe(20)
      })
    })
  },
})
