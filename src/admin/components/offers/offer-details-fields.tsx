import { Input, Select, Textarea } from "@medusajs/ui"
import { Controller, useFormContext } from "react-hook-form"
import { OFFER_PLACEMENTS, OFFER_TYPES } from "../../../modules/offer/types"
import { EventSelect } from "../form/event-select"
import { FormField } from "../form/form-field"
import { OFFER_PLACEMENT_LABELS, OFFER_TYPE_LABELS } from "./offer-format"
import type { OfferFormValues } from "./offer-form-schema"
import { VariantSearchSelect } from "./variant-search-select"

/** What is sold, where, and how it is presented. */
export const OfferDetailsFields = ({ creating }: { creating: boolean }) => {
  const { control, register, formState, setValue } = useFormContext<OfferFormValues>()
  const { errors } = formState
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <FormField id="offer-event" label="Event" error={errors.event_id?.message}>
        <Controller
          control={control}
          name="event_id"
          render={({ field }) => (
            <EventSelect
              id="offer-event"
              value={field.value || undefined}
              disabled={!creating}
              onChange={(productId) => {
                field.onChange(productId)
                // Targeting lists hold variants of the chosen event: another event starts them over.
                setValue("target_ticket_tiers", [])
                setValue("target_sessions", [])
              }}
            />
          )}
        />
      </FormField>
      <FormField id="offer-title" label="Title" error={errors.title?.message}>
        <Input id="offer-title" aria-invalid={!!errors.title} {...register("title")} />
      </FormField>
      <FormField
        id="offer-variant"
        label="Product variant sold"
        className="md:col-span-2"
        error={errors.variant_id?.message}
      >
        <Controller
          control={control}
          name="variant_id"
          render={({ field }) => (
            <VariantSearchSelect id="offer-variant" value={field.value} onChange={field.onChange} invalid={!!errors.variant_id} />
          )}
        />
      </FormField>
      <FormField id="offer-type" label="Type" error={errors.offer_type?.message}>
        <Controller
          control={control}
          name="offer_type"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <Select.Trigger id="offer-type" data-testid="offer-type-select">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {OFFER_TYPES.map((type) => (
                  <Select.Item key={type} value={type}>
                    {OFFER_TYPE_LABELS[type]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
      </FormField>
      <FormField id="offer-placement" label="Placement" error={errors.placement?.message}>
        <Controller
          control={control}
          name="placement"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <Select.Trigger id="offer-placement" data-testid="offer-placement-select">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {OFFER_PLACEMENTS.map((placement) => (
                  <Select.Item key={placement} value={placement}>
                    {OFFER_PLACEMENT_LABELS[placement]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
      </FormField>
      <FormField id="offer-description" label="Description" optional className="md:col-span-2" error={errors.description?.message}>
        <Textarea id="offer-description" aria-invalid={!!errors.description} {...register("description")} />
      </FormField>
      <FormField id="offer-image-url" label="Image URL" optional className="md:col-span-2" error={errors.image_url?.message}>
        <Input id="offer-image-url" type="url" aria-invalid={!!errors.image_url} {...register("image_url")} />
      </FormField>
    </div>
  )
}
