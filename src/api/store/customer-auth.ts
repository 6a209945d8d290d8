import { authenticate } from "@medusajs/framework/http"

/** A logged-in customer when there is one (caps, targeting and tracking follow them); anyone otherwise. */
export const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

export const customer = authenticate("customer", ["session", "bearer"])
