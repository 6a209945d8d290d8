import Medusa from "@medusajs/js-sdk"

// `typeof` guards keep this module loadable where the bundler's defines are absent (unit tests).
const backendUrl = (typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__) || "/"
const authType = (typeof __AUTH_TYPE__ !== "undefined" && __AUTH_TYPE__) || "session"
const jwtTokenStorageKey =
  (typeof __JWT_TOKEN_STORAGE_KEY__ !== "undefined" && __JWT_TOKEN_STORAGE_KEY__) || undefined

export const sdk = new Medusa({
  baseUrl: backendUrl,
  auth: { type: authType, jwtTokenStorageKey },
})
