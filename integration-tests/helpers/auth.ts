import type { MedusaContainer } from "@medusajs/framework/types"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"

/** Registers an admin user through the real auth routes and returns bearer headers. */
export async function adminHeaders(api: AxiosInstance, container: MedusaContainer, email = "admin@test.dev") {
  const password = "supersecret"
  const registration = await api.post("/auth/user/emailpass/register", { email, password })
  await createUserAccountWorkflow(container).run({
    input: { userData: { email }, authIdentityId: decodeAuthIdentity(registration.data.token) },
  })
  const login = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${login.data.token}` } }
}

/** Registers and logs in a customer through the store routes; returns its token and id. */
export async function createCustomer(
  api: AxiosInstance,
  publishableKey: string,
  email: string
): Promise<{ token: string; customerId: string }> {
  const password = "supersecret"
  const key = { "x-publishable-api-key": publishableKey }
  const registration = await api.post("/auth/customer/emailpass/register", { email, password })
  const created = await api.post(
    "/store/customers",
    { email },
    { headers: { ...key, authorization: `Bearer ${registration.data.token}` } }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return { token: login.data.token, customerId: created.data.customer.id }
}

function decodeAuthIdentity(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"))
  return payload.auth_identity_id
}
