import { LoaderOptions } from "@medusajs/framework/types"
import { parsePluginOptions } from "../../../lib/plugin-options"

/** Fails the boot with a message naming the bad option instead of misbehaving later. */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  parsePluginOptions(options)
}
