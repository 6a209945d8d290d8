import path from "path"

// The provider's own copy of `stripe` (v15) may differ from a hoisted one; use
// the same one so clients, errors and webhook signing match what Medusa runs.
export function loadStripe(): any {
  const providerDir = path.dirname(require.resolve("@medusajs/payment-stripe/package.json"))
  const mod = require(require.resolve("stripe", { paths: [providerDir] }))
  return mod.default ?? mod
}
