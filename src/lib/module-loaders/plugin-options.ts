import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { parsePluginOptions, PluginOptions } from "../plugin-options"

/** Where each module's container holds the parsed plugin options. */
export const PLUGIN_OPTIONS_KEY = "pluginOptions"

export type PluginOptionsDependencies = { [PLUGIN_OPTIONS_KEY]: PluginOptions }

/**
 * Parses the host's options once per module load and registers the result for the module's
 * services; a bad option fails the boot with a message naming it instead of misbehaving later.
 */
export default async function pluginOptionsLoader({ container, options }: LoaderOptions) {
  container.register(PLUGIN_OPTIONS_KEY, asValue(parsePluginOptions(options)))
}

/** The parsed options a module's service was given by `pluginOptionsLoader`. */
export function injectedPluginOptions(dependencies: unknown): PluginOptions {
  return (dependencies as PluginOptionsDependencies)[PLUGIN_OPTIONS_KEY]
}
