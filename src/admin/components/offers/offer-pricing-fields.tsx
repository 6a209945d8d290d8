import { Input, Label, Switch } from "@medusajs/ui"
import { Controller, useFormContext } from "react-hook-form"
import { FormField } from "../form/form-field"
import type { OfferFormValues } from "./offer-form-schema"

/** Price, stock and when the offer is on sale. */
export const OfferPricingFields = () => {
  const { control, register, formState } = useFormContext<OfferFormValues>()
  const { errors } = formState
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      <FormField id="offer-price" label="Price" error={errors.price?.message}>
        <Input id="offer-price" inputMode="decimal" aria-invalid={!!errors.price} {...register("price")} />
      </FormField>
      <FormField
        id="offer-original-price"
        label="Original price"
        optional
        hint="Shown struck through."
        error={errors.original_price?.message}
      >
        <Input id="offer-original-price" inputMode="decimal" aria-invalid={!!errors.original_price} {...register("original_price")} />
      </FormField>
      <FormField id="offer-currency" label="Currency" error={errors.currency_code?.message}>
        <Input id="offer-currency" maxLength={3} aria-invalid={!!errors.currency_code} {...register("currency_code")} />
      </FormField>
      <FormField
        id="offer-stock"
        label="Stock"
        optional
        hint="Empty for unlimited."
        error={errors.inventory_total?.message}
      >
        <Input id="offer-stock" inputMode="numeric" aria-invalid={!!errors.inventory_total} {...register("inventory_total")} />
      </FormField>
      <FormField
        id="offer-max-per-customer"
        label="Per customer"
        optional
        hint="Most units one customer may buy. Empty for the plugin's default."
        error={errors.max_per_customer?.message}
      >
        <Input
          id="offer-max-per-customer"
          inputMode="numeric"
          aria-invalid={!!errors.max_per_customer}
          {...register("max_per_customer")}
        />
      </FormField>
      <FormField id="offer-starts-at" label="Starts" optional error={errors.starts_at?.message}>
        <Input id="offer-starts-at" type="datetime-local" aria-invalid={!!errors.starts_at} {...register("starts_at")} />
      </FormField>
      <FormField id="offer-expires-at" label="Expires" optional error={errors.expires_at?.message}>
        <Input id="offer-expires-at" type="datetime-local" aria-invalid={!!errors.expires_at} {...register("expires_at")} />
      </FormField>
      <div className="flex items-center gap-x-2 md:col-span-3">
        <Controller
          control={control}
          name="is_active"
          render={({ field }) => <Switch id="offer-active" checked={field.value} onCheckedChange={field.onChange} />}
        />
        <Label htmlFor="offer-active" size="small" weight="plus">
          Active (customers can see and buy it within its schedule)
        </Label>
      </div>
      <div className="flex items-center gap-x-2 md:col-span-3">
        <Controller
          control={control}
          name="requires_ticket"
          render={({ field }) => <Switch id="offer-requires-ticket" checked={field.value} onCheckedChange={field.onChange} />}
        />
        <Label htmlFor="offer-requires-ticket" size="small" weight="plus">
          Ticket holders only (customers with a paid ticket order for the event)
        </Label>
      </div>
    </div>
  )
}
