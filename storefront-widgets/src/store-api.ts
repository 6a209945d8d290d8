/** Store calls without React, usable in server components (e.g. to prefetch offers). */

export type MonetizationConfig = {
  /** Medusa backend URL, e.g. `https://api.example.com`. */
  baseUrl: string
  publishableKey: string
  /** The logged-in customer's bearer token, if any. */
  getCustomerToken?: () => string | undefined
}

export class StoreApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly type?: string
  ) {
    super(message)
    this.name = "StoreApiError"
  }
}

export type StoreFetchInit = Omit<RequestInit, "headers"> & { headers?: Record<string, string> }

/** `fetch` against a Medusa store route with the publishable key and the customer's bearer token. */
export async function storeFetch<T = unknown>(config: MonetizationConfig, path: string, init: StoreFetchInit = {}): Promise<T> {
  const token = config.getCustomerToken?.()
  const hasType = Object.keys(init.headers ?? {}).some((key) => key.toLowerCase() === "content-type")
  const headers: Record<string, string> = {
    ...(typeof init.body === "string" && !hasType ? { "content-type": "application/json" } : {}),
    ...init.headers,
    "x-publishable-api-key": config.publishableKey,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  }
  const res = await fetch(`${config.baseUrl.replace(/\/+$/, "")}${path}`, { ...init, headers })
  const text = await res.text()
  const body = text ? safeJson(text) : undefined
  if (!res.ok) {
    const error = (body ?? {}) as { type?: string; message?: string }
    throw new StoreApiError(error.message ?? `${res.status} ${res.statusText}`, res.status, error.type)
  }
  return body as T
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
