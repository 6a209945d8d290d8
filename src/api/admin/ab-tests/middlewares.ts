import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listAdminAbTestsQueryConfig, retrieveAdminAbTestQueryConfig } from "./query-config"
import {
  AdminCreateAbTest,
  AdminDeclareAbTestWinner,
  AdminGetAbTestParams,
  AdminGetAbTestsParams,
  AdminUpdateAbTest,
} from "./validators"

export const adminAbTestMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/ab-tests",
    middlewares: [validateAndTransformQuery(AdminGetAbTestsParams, listAdminAbTestsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/ab-tests",
    middlewares: [validateAndTransformBody(AdminCreateAbTest)],
  },
  {
    method: ["GET"],
    matcher: "/admin/ab-tests/:test_id",
    middlewares: [validateAndTransformQuery(AdminGetAbTestParams, retrieveAdminAbTestQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/ab-tests/:test_id",
    middlewares: [validateAndTransformBody(AdminUpdateAbTest)],
  },
  {
    method: ["POST"],
    matcher: "/admin/ab-tests/:test_id/declare-winner",
    middlewares: [validateAndTransformBody(AdminDeclareAbTestWinner)],
  },
]
