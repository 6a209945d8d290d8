import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Heading } from "@medusajs/ui"
import { MonetizationDashboard } from "../components/analytics/monetization-dashboard"

type ProductDetailsWidgetProps = { data: { id: string; title?: string } }

/** The product is the event: its monetization dashboard under the product details. */
const EventMonetizationWidget = ({ data }: ProductDetailsWidgetProps) => (
  <MonetizationDashboard compact eventId={data.id} title={<Heading level="h2">Event monetization</Heading>} />
)

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default EventMonetizationWidget
