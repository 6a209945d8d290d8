import { ArrowDownTray } from "@medusajs/icons"
import { Alert, Button, Container, DatePicker, Heading, Label, Text, toast } from "@medusajs/ui"
import { ReactNode, useMemo, useState } from "react"
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import {
  DateRange,
  downloadMonetizationCsv,
  MonetizationDashboard as Dashboard,
  useMonetizationDashboard,
} from "../../hooks/api/monetization-dashboard"
import { fillDays, fromDay, lastDays, toDay } from "./date-range"
import { TopPerformersTable } from "./top-performers-table"

const integer = new Intl.NumberFormat()
const percent = (value: number | null | undefined) => (value === null || value === undefined ? "-" : `${value.toFixed(2)}%`)

const moneyFormatter = (currency: string | null | undefined) => {
  if (currency) {
    try {
      const format = new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() })
      return (value: number) => format.format(value)
    } catch {
      // An unknown ISO code: fall through to a plain number.
    }
  }
  const plain = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return (value: number) => plain.format(value)
}

type MonetizationDashboardProps = {
  eventId: string
  /** Compact layout for the product page widget. */
  compact?: boolean
  title?: ReactNode
}

/** An event's monetization KPIs for a date range: revenue, offers, ads, waitlist, with chart and CSV export. */
export const MonetizationDashboard = ({ eventId, compact, title }: MonetizationDashboardProps) => {
  const [range, setRange] = useState<DateRange>(() => lastDays(30))
  const [exporting, setExporting] = useState(false)
  const { dashboard, isLoading, isError, error, isFetching } = useMonetizationDashboard(eventId, range, {
    enabled: !!eventId,
    placeholderData: (previous) => previous,
  })

  const onFrom = (date: Date | null) =>
    date && setRange((r) => ({ date_from: toDay(date), date_to: toDay(date) > r.date_to ? toDay(date) : r.date_to }))
  const onTo = (date: Date | null) =>
    date && setRange((r) => ({ date_to: toDay(date), date_from: toDay(date) < r.date_from ? toDay(date) : r.date_from }))

  const onExport = async () => {
    setExporting(true)
    try {
      await downloadMonetizationCsv(eventId, range)
    } catch (err) {
      toast.error((err as Error).message)
    } finally {
      setExporting(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="monetization-dashboard" data-event-id={eventId}>
      <Container className="flex flex-col gap-3 px-6 py-4 md:flex-row md:items-end md:justify-between">
        <div>
          {title ?? <Heading level="h2">Monetization</Heading>}
          <Text size="small" className="text-ui-fg-subtle">
            {range.date_from} – {range.date_to}
            {isFetching ? " · updating…" : ""}
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <Label size="xsmall" htmlFor="monetization-date-from">
              From
            </Label>
            <div className="w-[170px]" data-testid="monetization-date-from">
              <DatePicker
                id="monetization-date-from"
                aria-label="From"
                size="small"
                value={fromDay(range.date_from)}
                maxValue={new Date()}
                onChange={onFrom}
              />
            </div>
          </div>
          <div className="flex flex-col gap-1">
            <Label size="xsmall" htmlFor="monetization-date-to">
              To
            </Label>
            <div className="w-[170px]" data-testid="monetization-date-to">
              <DatePicker
                id="monetization-date-to"
                aria-label="To"
                size="small"
                value={fromDay(range.date_to)}
                onChange={onTo}
              />
            </div>
          </div>
          <Button size="small" variant="secondary" onClick={() => setRange(lastDays(30))}>
            Last 30 days
          </Button>
          <Button size="small" variant="secondary" onClick={onExport} isLoading={exporting} data-testid="monetization-export">
            <ArrowDownTray /> Export CSV
          </Button>
        </div>
      </Container>
      {isError && <Alert variant="error">{error?.message ?? "The dashboard could not be loaded."}</Alert>}
      {isLoading && (
        <Container>
          <Text size="small">Loading…</Text>
        </Container>
      )}
      {dashboard && <DashboardBody dashboard={dashboard} range={range} compact={compact} />}
    </div>
  )
}

const DashboardBody = ({ dashboard, range, compact }: { dashboard: Dashboard; range: DateRange; compact?: boolean }) => {
  const money = useMemo(() => moneyFormatter(dashboard.currency_code), [dashboard.currency_code])
  const days = useMemo(() => fillDays(range, dashboard.revenue.by_day ?? []), [range, dashboard.revenue.by_day])
  const { revenue, offers, ads, waitlist } = dashboard
  const grid = compact ? "grid-cols-2 lg:grid-cols-4" : "grid-cols-2 lg:grid-cols-4"
  return (
    <>
      <div className={`grid gap-3 ${grid}`}>
        <KpiCard
          title="Revenue"
          testId="kpi-revenue"
          primary={money(revenue.total)}
          rows={[
            ["From offers", money(revenue.from_offers)],
            ["From ads", money(revenue.from_ads)],
          ]}
        />
        <KpiCard
          title="Offers"
          testId="kpi-offers"
          primary={`${percent(offers.conversion_rate)} conversion`}
          rows={[
            ["Views", integer.format(offers.total_views)],
            ["Purchases", integer.format(offers.total_purchases)],
          ]}
        />
        <KpiCard
          title="Ads"
          testId="kpi-ads"
          primary={`${percent(ads.average_ctr)} CTR`}
          rows={[
            ["Impressions", integer.format(ads.total_impressions)],
            ["Viewable", integer.format(ads.total_viewable_impressions)],
            ["Clicks", integer.format(ads.total_clicks)],
          ]}
        />
        <KpiCard
          title="Waitlist"
          testId="kpi-waitlist"
          primary={`${percent(waitlist.acceptance_rate)} accepted`}
          rows={[
            ["Joins", integer.format(waitlist.total_joins)],
            ["Offers issued", integer.format(waitlist.offers_issued)],
            [
              "Avg. wait",
              waitlist.average_wait_time_minutes === null || waitlist.average_wait_time_minutes === undefined
                ? "-"
                : `${Math.round(waitlist.average_wait_time_minutes)} min`,
            ],
          ]}
        />
      </div>
      <Container className="px-6 py-4" data-testid="monetization-revenue-chart">
        <Heading level="h3" className="mb-3">
          Revenue by day
        </Heading>
        <div style={{ width: "100%", height: compact ? 200 : 280 }}>
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={days} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border-base, #e4e4e7)" />
              <XAxis dataKey="date" tick={{ fontSize: 11 }} tickFormatter={(date: string) => date.slice(5)} minTickGap={16} />
              <YAxis tick={{ fontSize: 11 }} width={56} />
              <Tooltip formatter={(value: number) => [money(value), "Revenue"]} />
              {/* Straight segments between daily points: a smoothed curve invents peaks between zero days. */}
              <Area
                type="linear"
                dataKey="amount"
                stroke="#7c3aed"
                fill="#7c3aed"
                fillOpacity={0.15}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      </Container>
      <div className={`grid gap-3 ${compact ? "grid-cols-1" : "grid-cols-1 xl:grid-cols-2"}`}>
        <TopPerformersTable
          title="Top offers"
          entityLabel="Offer"
          testId="monetization-top-offers"
          rows={offers.top_performers}
          columns={[
            { header: "Views", cell: (offer) => integer.format(offer.views) },
            { header: "Purchases", cell: (offer) => integer.format(offer.purchases) },
            { header: "Conversion", cell: (offer) => percent(offer.conversion_rate) },
            { header: "Revenue", cell: (offer) => (offer.revenue === undefined ? "-" : money(offer.revenue)) },
          ]}
        />
        <TopPerformersTable
          title="Top ads"
          entityLabel="Ad"
          testId="monetization-top-ads"
          rows={ads.top_performers}
          columns={[
            { header: "Impressions", cell: (ad) => integer.format(ad.impressions) },
            { header: "Clicks", cell: (ad) => integer.format(ad.clicks) },
            { header: "CTR", cell: (ad) => percent(ad.ctr) },
            { header: "Revenue", cell: (ad) => (ad.revenue === undefined ? "-" : money(ad.revenue)) },
          ]}
        />
      </div>
    </>
  )
}

const KpiCard = ({
  title,
  primary,
  rows,
  testId,
}: {
  title: string
  primary: string
  rows: [string, string][]
  testId: string
}) => (
  <Container className="flex flex-col gap-2 px-6 py-4" data-testid={testId}>
    <Text size="small" className="text-ui-fg-subtle">
      {title}
    </Text>
    <Heading level="h2" data-testid={`${testId}-primary`}>
      {primary}
    </Heading>
    <div className="flex flex-col gap-1">
      {rows.map(([label, value]) => (
        <div key={label} className="flex items-center justify-between">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {label}
          </Text>
          <Text size="xsmall" weight="plus" data-testid={`${testId}-${label.toLowerCase().replace(/[^a-z]+/g, "-")}`}>
            {value}
          </Text>
        </div>
      ))}
    </div>
  </Container>
)
