import { Label, Text } from "@medusajs/ui"
import { Controller, useFormContext, useWatch } from "react-hook-form"
import { useEventVariants } from "../../hooks/api/product-variants"
import type { OfferFormValues } from "./offer-form-schema"
import { VariantChecklist } from "./variant-checklist"

/** Who sees the offer: buyers of some ticket tiers, visitors of some sessions (both variants of the event). */
export const OfferTargetingFields = () => {
  const { control } = useFormContext<OfferFormValues>()
  const productId = useWatch({ control, name: "event_id" })
  const { options, isLoading } = useEventVariants(productId || undefined)
  const empty = !productId ? "Choose the event first." : isLoading ? "Loading the event's variants…" : "The event has no variants."
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">
          Ticket tiers
        </Label>
        <Text size="xsmall" className="text-ui-fg-muted">
          Only buyers of a checked tier see the offer. None checked: everyone.
        </Text>
        <Controller
          control={control}
          name="target_ticket_tiers"
          render={({ field }) => (
            <VariantChecklist name="tiers" options={options} value={field.value} onChange={field.onChange} empty={empty} />
          )}
        />
      </div>
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">
          Sessions
        </Label>
        <Text size="xsmall" className="text-ui-fg-muted">
          Shown only around a checked session. None checked: every session.
        </Text>
        <Controller
          control={control}
          name="target_sessions"
          render={({ field }) => (
            <VariantChecklist
              name="sessions"
              options={options.filter((option) => option.manage_inventory)}
              value={field.value}
              onChange={field.onChange}
              empty={productId && !isLoading ? "The event has no capacity-limited sessions." : empty}
            />
          )}
        />
      </div>
    </div>
  )
}
