export const SEED_PASSWORD = "supersecret"
export const CUSTOMER_COUNT = 8

/** What seed.ts created, read by the spec. */
export type ClusterSeed = {
  publishableKey: string
  regionId: string
  adminEmail: string
  customerEmails: string[]
  /** A full session (no seat left): customers can only join its waitlist. */
  session: { productId: string; variantId: string; inventoryItemId: string; locationId: string }
  merch: { productId: string; variantId: string }
}
