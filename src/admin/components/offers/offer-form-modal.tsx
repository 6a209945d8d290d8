import { zodResolver } from "@hookform/resolvers/zod"
import { toast } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { useForm } from "react-hook-form"
import { AdminOffer, useCreateOffer, useUpdateOffer } from "../../hooks/api/offers"
import { useDefaultCurrency } from "../../hooks/api/store-currency"
import { FormModal } from "../form/form-modal"
import { FormSection } from "../form/form-section"
import { OfferDetailsFields } from "./offer-details-fields"
import { OfferFlaggedOrders } from "./offer-flagged-orders"
import { offerFormDefaults, offerFormSchema, OfferFormValues, toCreatePayload, toUpdatePayload } from "./offer-form-schema"
import { OfferPricingFields } from "./offer-pricing-fields"
import { OfferTargetingFields } from "./offer-targeting-fields"

type OfferFormModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Edit this offer; create a new one when omitted. */
  offer?: AdminOffer
  /** Pre-selected event for a new offer. */
  eventId?: string
  onSaved?: (offer: AdminOffer) => void
}

export const OfferFormModal = ({ open, onOpenChange, offer, eventId, onSaved }: OfferFormModalProps) => {
  const creating = !offer
  const { currencyCode } = useDefaultCurrency()
  const defaults = useMemo(() => offerFormDefaults(offer, eventId), [offer, eventId])
  const form = useForm<OfferFormValues>({ resolver: zodResolver(offerFormSchema), defaultValues: defaults })

  // The store's currency arrives after the form may have opened; never overwrite what was typed.
  useEffect(() => {
    if (open && creating && currencyCode && !form.getFieldState("currency_code").isDirty) {
      form.setValue("currency_code", currencyCode)
    }
  }, [open, creating, currencyCode, form])

  const create = useCreateOffer()
  const update = useUpdateOffer(offer?.id ?? "")

  const onSubmit = async (values: OfferFormValues) => {
    const { offer: saved } = creating
      ? await create.mutateAsync(toCreatePayload(values))
      : await update.mutateAsync(toUpdatePayload(values))
    toast.success(creating ? `Offer "${saved.title}" created` : `Offer "${saved.title}" saved`)
    onOpenChange(false)
    onSaved?.(saved)
  }

  return (
    <FormModal
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      defaults={defaults}
      onSubmit={onSubmit}
      creating={creating}
      testId="offer"
      title={creating ? "Create offer" : `Edit ${offer?.title}`}
      description="An upsell for an event: a product variant sold at the offer price, with its own stock."
    >
      <OfferDetailsFields creating={creating} />
      <FormSection title="Price, stock and schedule">
        <OfferPricingFields />
      </FormSection>
      <FormSection title="Targeting">
        <OfferTargetingFields />
      </FormSection>
      {offer && <OfferFlaggedOrders offerId={offer.id} />}
    </FormModal>
  )
}
