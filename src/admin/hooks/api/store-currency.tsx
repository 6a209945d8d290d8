import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

/** The store's default currency, the natural currency of a new offer. */
export const useDefaultCurrency = () => {
  const { data, ...rest } = useQuery({
    queryKey: ["monetization_store_default_currency"],
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({ fields: "id,supported_currencies.*" })
      const currencies = stores[0]?.supported_currencies ?? []
      return (currencies.find((currency) => currency.is_default) ?? currencies[0])?.currency_code ?? null
    },
    staleTime: 5 * 60_000,
  })
  return { currencyCode: data ?? undefined, ...rest }
}
