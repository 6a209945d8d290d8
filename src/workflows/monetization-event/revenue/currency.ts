type StoreRow = { supported_currencies?: ({ currency_code: string; is_default?: boolean } | null)[] | null }

/** What `defaultStoreCurrency` needs of the stores. */
export const STORE_CURRENCY_FIELDS = ["supported_currencies.currency_code", "supported_currencies.is_default"]

/** The store's default currency, used to label revenue when no sale names one. */
export function defaultStoreCurrency(stores: StoreRow[]): string | null {
  const currencies = stores.flatMap((store) => store.supported_currencies ?? []).filter((currency) => !!currency)
  const chosen = currencies.find((currency) => currency!.is_default) ?? currencies[0]
  return chosen ? chosen.currency_code.toLowerCase() : null
}
