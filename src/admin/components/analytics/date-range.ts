import type { DateRange } from "../../hooks/api/monetization-dashboard"

const DAY_MS = 86_400_000

/** 'YYYY-MM-DD' of a Date's local calendar day (what a DatePicker shows). */
export const toDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`

/** A 'YYYY-MM-DD' as a local-midnight Date for the DatePicker. */
export const fromDay = (day: string) => {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(y, m - 1, d)
}

/** The last `days` days, today included (the dashboard route's own default is 30). */
export const lastDays = (days = 30, now = new Date()): DateRange => ({
  date_from: toDay(new Date(now.getTime() - (days - 1) * DAY_MS)),
  date_to: toDay(now),
})

/** Every day of the range, so days without revenue still show on the chart. */
export const fillDays = (range: DateRange, byDay: { date: string; amount: number }[]) => {
  const amounts = new Map(byDay.map((row) => [row.date.slice(0, 10), row.amount]))
  const out: { date: string; amount: number }[] = []
  const end = Date.parse(`${range.date_to}T00:00:00Z`)
  for (let day = Date.parse(`${range.date_from}T00:00:00Z`); day <= end && out.length <= 400; day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10)
    out.push({ date, amount: amounts.get(date) ?? 0 })
  }
  return out
}
