import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ADMIN_AB_TEST_FIELDS } from "./query-config"

/** Re-reads an experiment by its public key with Query; 404 when there is none. */
export async function refetchAbTest(container: MedusaContainer, testId: string, fields: string[] = ADMIN_AB_TEST_FIELDS) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "ab_experiment", fields, filters: { test_id: testId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `A/B test ${testId} was not found`)
  }
  return data[0]
}
