import jwt from "jsonwebtoken"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { io, Socket } from "socket.io-client"
import { createCustomer } from "../../helpers/auth"
import { createStoreSetup } from "../../helpers/store-setup"
import { waitForConnect } from "../waitlist/helpers"

jest.setTimeout(120_000)

// medusa-config.ts reads STORE_CORS when the runner boots: an exact origin and a regex.
const previousCors = process.env.STORE_CORS
process.env.STORE_CORS = "http://localhost:8000,/^https:\\/\\/[a-z]+\\.venue\\.test$/"
afterAll(() => {
  if (previousCors === undefined) delete process.env.STORE_CORS
  else process.env.STORE_CORS = previousCors
})

const SECRET = process.env.JWT_SECRET || "supersecret"

/** Socket.io auth as Medusa authenticates: its JWT helper, `auth` payload only, expiry, storeCors origins. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const sockets: Socket[] = []
    afterEach(() => sockets.splice(0).forEach((socket) => socket.close()))

    const open = (auth: Record<string, unknown>, origin?: string) => {
      const socket = io(api.defaults.baseURL as string, {
        path: "/socket.io",
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        auth,
        ...(origin ? { extraHeaders: { origin } } : {}),
      })
      sockets.push(socket)
      return socket
    }
    const customerToken = async () => {
      const setup = await createStoreSetup(getContainer(), { withStripe: false })
      return createCustomer(api, setup.publishableKey, `socket-${Date.now()}@test.dev`)
    }

    it("drops a socket when its token expires", async () => {
      const { customerId } = await customerToken()
      const token = jwt.sign({ actor_id: customerId, actor_type: "customer", auth_identity_id: "authid_1" }, SECRET, {
        expiresIn: 3,
      })
      const socket = open({ token })
      await waitForConnect(socket)
      const dropped = await new Promise<string>((resolve) => socket.once("disconnect", resolve))
      expect(dropped).toBe("io server disconnect")
    })

    it("refuses tokens signed with another secret or for another actor", async () => {
      const { customerId } = await customerToken()
      const forged = jwt.sign({ actor_id: customerId, actor_type: "customer" }, "not-the-secret")
      await expect(waitForConnect(open({ token: forged }))).rejects.toThrow(/Unauthorized/)
      const admin = jwt.sign({ actor_id: "user_1", actor_type: "user" }, SECRET)
      await expect(waitForConnect(open({ token: admin }))).rejects.toThrow(/Unauthorized/)
    })

    it("accepts origins storeCors allows, regexes included, and refuses others", async () => {
      const { token } = await customerToken()
      await waitForConnect(open({ token }, "https://hall.venue.test"))
      await waitForConnect(open({ token }, "http://localhost:8000"))
      await expect(waitForConnect(open({ token }, "https://evil.example"))).rejects.toThrow()
    })
  },
})
