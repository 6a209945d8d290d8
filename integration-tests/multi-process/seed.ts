import fs from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow, createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { createStoreSetup } from "../helpers/store-setup"
import { createTicketProduct } from "../helpers/ticket-product"
import { setWaitlistEnabledWorkflow } from "../../src/workflows/waitlist"

import { ClusterSeed, CUSTOMER_COUNT, SEED_PASSWORD } from "./seed-data"

async function register(args: ExecArgs, actor: "user" | "customer", email: string) {
  const auth = args.container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password: SEED_PASSWORD } })
  if (error || !authIdentity) {
    throw new Error(`could not register ${actor} ${email}: ${error}`)
  }
  if (actor === "user") {
    await createUserAccountWorkflow(args.container).run({
      input: { userData: { email }, authIdentityId: authIdentity.id },
    })
  } else {
    await createCustomerAccountWorkflow(args.container).run({
      input: { customerData: { email }, authIdentityId: authIdentity.id },
    })
  }
}

/**
 * `medusa exec` seed of the multi-process test, run once against its fresh database before
 * the processes start: what needs the container (store, stock, accounts). Writes the ids to
 * MULTI_PROCESS_SEED_FILE.
 */
export default async function seedCluster(args: ExecArgs) {
  const setup = await createStoreSetup(args.container)
  const session = await createTicketProduct(args.container, setup, { title: "Keynote", stock: 0 })
  await setWaitlistEnabledWorkflow(args.container).run({
    input: { scope: "session", ref_id: session.variantId, enabled: true },
  })
  const merch = await createTicketProduct(args.container, setup, { title: "Festival T-Shirt", price: 30, stock: 1000 })
  const adminEmail = "admin@cluster.test"
  await register(args, "user", adminEmail)
  const customerEmails = Array.from({ length: CUSTOMER_COUNT }, (_, i) => `fan${i}@cluster.test`)
  for (const email of customerEmails) {
    await register(args, "customer", email)
  }
  const seed: ClusterSeed = {
    publishableKey: setup.publishableKey,
    regionId: setup.regionId,
    adminEmail,
    customerEmails,
    session,
    merch: { productId: merch.productId, variantId: merch.variantId },
  }
  fs.writeFileSync(process.env.MULTI_PROCESS_SEED_FILE as string, JSON.stringify(seed))
}
