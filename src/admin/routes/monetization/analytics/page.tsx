import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Label, Text } from "@medusajs/ui"
import { useEffect } from "react"
import { useSearchParams } from "react-router-dom"
import { MonetizationDashboard } from "../../../components/analytics/monetization-dashboard"
import { EventSelect } from "../../../components/form/event-select"
import { useEventProducts } from "../../../hooks/api/event-products"
import { useLatestAnalyticsEvent } from "../../../hooks/api/monetization-dashboard"

/** The monetization dashboard of one event; the event is kept in `?event_id=` so the view can be linked. */
const AnalyticsPage = () => {
  const [searchParams, setSearchParams] = useSearchParams()
  const productId = searchParams.get("event_id") ?? ""
  const { products, isLoading } = useEventProducts()
  const latest = useLatestAnalyticsEvent({ enabled: !productId })

  const selectEvent = (id: string) =>
    setSearchParams(
      (params) => {
        params.set("event_id", id)
        return params
      },
      { replace: true }
    )

  // Open on the event with the latest data; the first event only when no event has any yet.
  useEffect(() => {
    if (productId || !latest.isFetched) {
      return
    }
    const target = latest.latestEventId ?? products?.[0]?.id
    if (target) {
      selectEvent(target)
    }
  }, [productId, latest.isFetched, latest.latestEventId, products])

  return (
    <div className="flex flex-col gap-y-3" data-testid="analytics-page">
      <Container className="flex flex-col gap-3 px-6 py-4 md:flex-row md:items-center md:justify-between">
        <div>
          <Heading>Analytics</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Revenue, offers, ads and waitlist performance of an event.
          </Text>
        </div>
        <div className="flex flex-col gap-1 md:w-[320px]">
          <Label size="xsmall" htmlFor="analytics-event">
            Event
          </Label>
          <EventSelect id="analytics-event" size="small" value={productId || undefined} onChange={selectEvent} />
        </div>
      </Container>
      {productId ? (
        <MonetizationDashboard key={productId} eventId={productId} title={<Heading level="h2">Monetization</Heading>} />
      ) : (
        <Container>
          <Text size="small" className="text-ui-fg-subtle">
            {isLoading ? "Loading events…" : "No events yet: create the product that sells an event's tickets first."}
          </Text>
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Analytics",
  rank: 1,
})

export default AnalyticsPage
