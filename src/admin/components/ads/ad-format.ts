/** Rates from the API are fractions; shown as percents with two decimals. */
export const formatPercent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`

export const formatMoney = (amount: number, currencyCode: string) => {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount.toFixed(2)} ${currencyCode.toUpperCase()}`
  }
}

export const formatCount = (value: number) => new Intl.NumberFormat().format(value)

export const formatDateTime = (value: string | null | undefined) => (value ? new Date(value).toLocaleString() : null)
