import { Checkbox, Input, Label, Switch, Text } from "@medusajs/ui"
import { Controller, UseFormReturn } from "react-hook-form"
import { AD_PLACEMENTS, AdPlacement } from "../../../modules/ad/types"
import { EventSelect } from "../form/event-select"
import { AdFormField } from "./ad-form-field"
import type { AdFormValues } from "./ad-form-schema"
import { PLACEMENT_LABELS } from "./ad-labels"

const toggle = (list: AdPlacement[], placement: AdPlacement, on: boolean) =>
  on ? AD_PLACEMENTS.filter((p) => p === placement || list.includes(p)) : list.filter((p) => p !== placement)

/** Where, to whom, when and how often the ad is served. */
export const AdDeliveryFields = ({ form }: { form: UseFormReturn<AdFormValues> }) => {
  const { register, control, formState } = form
  const errors = formState.errors
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <AdFormField id="ad-event" label="Event" error={errors.event_id} className="md:col-span-2">
        <Controller
          control={control}
          name="event_id"
          render={({ field }) => <EventSelect id="ad-event" value={field.value || undefined} onChange={field.onChange} />}
        />
      </AdFormField>
      <AdFormField id="ad-placements" label="Placements" error={errors.placements as never} className="md:col-span-2">
        <Controller
          control={control}
          name="placements"
          render={({ field }) => (
            <div className="grid grid-cols-2 gap-2 md:grid-cols-4" id="ad-placements" data-testid="ad-placements">
              {AD_PLACEMENTS.map((placement) => (
                <div key={placement} className="flex items-center gap-x-2">
                  <Checkbox
                    id={`ad-placement-${placement}`}
                    checked={field.value.includes(placement)}
                    onCheckedChange={(checked) => field.onChange(toggle(field.value, placement, checked === true))}
                  />
                  <Label htmlFor={`ad-placement-${placement}`} size="small">
                    {PLACEMENT_LABELS[placement]}
                  </Label>
                </div>
              ))}
            </div>
          )}
        />
      </AdFormField>
      <AdFormField
        id="ad-target-sessions"
        label="Session targeting"
        error={errors.target_sessions}
        hint="Session variant ids, comma-separated. Empty shows the ad in every session."
        className="md:col-span-2"
      >
        <Input id="ad-target-sessions" placeholder="keynote, workshop_2" {...register("target_sessions")} />
      </AdFormField>
      <AdFormField id="ad-weight" label="Weight" error={errors.weight} hint="Relative share of the rotation in each placement.">
        <Input id="ad-weight" type="number" min={0} step="any" {...register("weight")} />
      </AdFormField>
      <AdFormField id="ad-active" label="Active" error={errors.is_active}>
        <Controller
          control={control}
          name="is_active"
          render={({ field }) => (
            <div className="flex h-8 items-center gap-x-2">
              <Switch id="ad-active" checked={field.value} onCheckedChange={field.onChange} />
              <Text size="small" className="text-ui-fg-subtle">
                {field.value ? "Served when in schedule" : "Paused"}
              </Text>
            </div>
          )}
        />
      </AdFormField>
      <AdFormField id="ad-starts-at" label="Starts" error={errors.starts_at} optional>
        <Input id="ad-starts-at" type="datetime-local" {...register("starts_at")} />
      </AdFormField>
      <AdFormField id="ad-ends-at" label="Ends" error={errors.ends_at} optional>
        <Input id="ad-ends-at" type="datetime-local" {...register("ends_at")} />
      </AdFormField>
      <AdFormField
        id="ad-frequency-cap"
        label="Frequency cap"
        error={errors.frequency_cap}
        hint="Impressions per viewer within the window. Empty: no cap."
        optional
      >
        <Input id="ad-frequency-cap" type="number" min={1} {...register("frequency_cap")} />
      </AdFormField>
      <AdFormField id="ad-frequency-window" label="Cap window (hours)" error={errors.frequency_window_hours}>
        <Input id="ad-frequency-window" type="number" min={1} {...register("frequency_window_hours")} />
      </AdFormField>
    </div>
  )
}
