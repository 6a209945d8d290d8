import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { SignedAdClickParams } from "../store/ads/validators"

/** The signed click redirect: no publishable key (a plain link cannot send one); the signature is the proof. */
export const adClickRedirectMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/ads/:id/click",
    middlewares: [validateAndTransformQuery(SignedAdClickParams, { defaults: [], allowed: [], isList: false })],
  },
]
