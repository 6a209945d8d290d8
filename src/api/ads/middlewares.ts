import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { limitOneItem, limitRequest } from "../../lib/rate-limit/middlewares"
import { SignedAdClickParams } from "../store/ads/validators"

/** The signed click redirect: no publishable key (a plain link cannot send one); the signature is the proof. */
export const adClickRedirectMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/ads/:id/click",
    bodyParser: false,
    middlewares: [
      limitRequest("write"),
      limitOneItem,
      validateAndTransformQuery(SignedAdClickParams, { defaults: [], allowed: [], isList: false }),
    ],
  },
]
