export const SESSION_TOKEN_KEY = "em_session_token"

let memoryToken: string | undefined

/** A random id: `crypto.randomUUID()` where available, else 32 hex characters. */
export function randomId(): string {
  const c = typeof globalThis.crypto === "undefined" ? undefined : globalThis.crypto
  if (typeof c?.randomUUID === "function") {
    return c.randomUUID()
  }
  const bytes = new Uint8Array(16)
  if (typeof c?.getRandomValues === "function") {
    c.getRandomValues(bytes)
  } else {
    for (let i = 0; i < bytes.length; i++) {
      bytes[i] = Math.floor(Math.random() * 256)
    }
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
}

/**
 * The anonymous viewer id used for A/B assignment, ad caps and analytics.
 * Persisted in localStorage so every tab agrees; kept in memory when storage
 * is missing or throws (private browsing, blocked storage, server render).
 */
export function getSessionToken(): string {
  try {
    const stored = window.localStorage.getItem(SESSION_TOKEN_KEY)
    if (stored) {
      return stored
    }
  } catch {
    // Storage unavailable: fall through to the in-memory token.
  }
  memoryToken ??= randomId()
  try {
    window.localStorage.setItem(SESSION_TOKEN_KEY, memoryToken)
  } catch {
    // Same: the in-memory token lives as long as the page.
  }
  return memoryToken
}
