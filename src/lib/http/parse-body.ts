import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import bodyParser from "body-parser"

/** Express's default, what Medusa applies to a route without a size of its own. */
export const DEFAULT_BODY_LIMIT_BYTES = 100 * 1024

type ParserError = Error & { status?: number; type?: string }

/**
 * Parses JSON and text bodies (`navigator.sendBeacon` posts text/plain) the way Medusa's own parser
 * would, for routes that turned Medusa's off (`bodyParser: false`) so the rate limit runs first.
 * A body over the limit is a 413 `invalid_data` (Medusa's handler would call it `unknown_error`).
 */
export function parseBody(sizeLimit: number = DEFAULT_BODY_LIMIT_BYTES) {
  const parsers = [bodyParser.json({ limit: sizeLimit }), bodyParser.text({ limit: sizeLimit })]
  return function parseRequestBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const run = (index: number) => {
      if (index === parsers.length) {
        return next()
      }
      parsers[index](req, res, (error?: unknown) => {
        if (!error) {
          return run(index + 1)
        }
        const { status, type, message } = error as ParserError
        if (type === "entity.too.large") {
          return res.status(413).json({ type: MedusaError.Types.INVALID_DATA, message: `Body is larger than ${sizeLimit} bytes` })
        }
        if (type === "entity.parse.failed") {
          return next(new MedusaError(MedusaError.Types.INVALID_DATA, "Body is not valid JSON"))
        }
        if (status && status >= 400 && status < 500) {
          return res.status(status).json({ type: MedusaError.Types.INVALID_DATA, message })
        }
        next(error)
      })
    }
    run(0)
  }
}
