import { z } from "@medusajs/framework/zod"

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value)
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname
  } catch {
    return false
  }
}

/**
 * A URL a browser may load or follow: http(s) only (`javascript:` and `data:` are refused).
 * Medusa's 400 message drops the path of custom issues, so the message names its field.
 */
export const httpUrl = (field: string) => z.string().max(2048).refine(isHttpUrl, `${field} must be a well-formed http(s) URL`)
