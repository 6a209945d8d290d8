import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The store's default currency, used to label revenue when no sale names one. */
export async function defaultStoreCurrency(container: MedusaContainer): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "store",
    fields: ["supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const currencies = (data as { supported_currencies?: { currency_code: string; is_default?: boolean }[] }[]).flatMap(
    (store) => store.supported_currencies ?? []
  )
  const chosen = currencies.find((currency) => currency.is_default) ?? currencies[0]
  return chosen ? chosen.currency_code.toLowerCase() : null
}
