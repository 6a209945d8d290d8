import { Input } from "@medusajs/ui"
import { Controller, UseFormReturn } from "react-hook-form"
import { AdEnumSelect } from "./ad-enum-select"
import { AdFormField } from "./ad-form-field"
import type { AdFormValues } from "./ad-form-schema"
import { PRICING_MODEL_LABELS } from "./ad-labels"

const RATE_HINT = {
  FLAT: "The fixed fee the sponsor pays.",
  CPM: "Paid per 1,000 valid impressions.",
  CPC: "Paid per valid click.",
} as const

/** What the sponsor pays; drives the revenue column. */
export const AdPricingFields = ({ form }: { form: UseFormReturn<AdFormValues> }) => {
  const { register, control, formState, watch } = form
  const errors = formState.errors
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      <AdFormField id="ad-pricing-model" label="Pricing model" error={errors.pricing_model}>
        <Controller
          control={control}
          name="pricing_model"
          render={({ field }) => (
            <AdEnumSelect id="ad-pricing-model" value={field.value} onChange={field.onChange} labels={PRICING_MODEL_LABELS} />
          )}
        />
      </AdFormField>
      <AdFormField id="ad-rate" label="Rate" error={errors.rate} hint={RATE_HINT[watch("pricing_model")]}>
        <Input id="ad-rate" type="number" min={0} step="any" {...register("rate")} />
      </AdFormField>
      <AdFormField id="ad-currency" label="Currency" error={errors.currency_code}>
        <Input id="ad-currency" maxLength={3} {...register("currency_code")} />
      </AdFormField>
    </div>
  )
}
