import type { MedusaAppOutput } from "@medusajs/framework/modules-sdk"

/**
 * The module service `moduleIntegrationTestRunner` loaded for the current test, with its methods
 * bound to it. The runner's own `service` proxy calls methods with the proxy as `this`, so what a
 * method stores on `this` (a Redis client, a cache, a limiter) is lost and rebuilt on every call.
 */
export function liveModuleService<T extends object>(medusaApp: MedusaAppOutput, moduleName: string): T {
  return new Proxy({} as T, {
    get: (_, property) => {
      const service = medusaApp.modules[moduleName] as Record<PropertyKey, unknown>
      const value = service[property]
      return typeof value === "function" ? value.bind(service) : value
    },
  })
}
