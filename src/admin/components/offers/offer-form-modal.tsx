import { zodResolver } from "@hookform/resolvers/zod"
import { Button, FocusModal, Heading, Text, toast } from "@medusajs/ui"
import { ReactNode, useEffect } from "react"
import { FormProvider, useForm } from "react-hook-form"
import { AdminOffer, useCreateOffer, useUpdateOffer } from "../../hooks/api/offers"
import { useDefaultCurrency } from "../../hooks/api/store-currency"
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
  const form = useForm<OfferFormValues>({
    resolver: zodResolver(offerFormSchema),
    defaultValues: offerFormDefaults(offer, eventId),
  })

  useEffect(() => {
    if (open) {
      form.reset(offerFormDefaults(offer, eventId))
    }
  }, [open, offer, eventId, form])

  // The store's currency arrives after the form may have opened; never overwrite what was typed.
  useEffect(() => {
    if (open && creating && currencyCode && !form.getFieldState("currency_code").isDirty) {
      form.setValue("currency_code", currencyCode)
    }
  }, [open, creating, currencyCode, form])

  const create = useCreateOffer()
  const update = useUpdateOffer(offer?.id ?? "")

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { offer: saved } = creating
        ? await create.mutateAsync(toCreatePayload(values))
        : await update.mutateAsync(toUpdatePayload(values))
      toast.success(creating ? `Offer "${saved.title}" created` : `Offer "${saved.title}" saved`)
      onOpenChange(false)
      onSaved?.(saved)
    } catch (error) {
      // The server's 400 message names the problem (e.g. a variant that no longer exists).
      toast.error((error as Error).message)
    }
  })

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <FormProvider {...form}>
          <form onSubmit={onSubmit} noValidate className="flex h-full flex-col overflow-hidden" data-testid="offer-form">
            <FocusModal.Header>
              <div className="flex items-center justify-end gap-x-2">
                <FocusModal.Close asChild>
                  <Button size="small" variant="secondary" type="button">
                    Cancel
                  </Button>
                </FocusModal.Close>
                <Button size="small" type="submit" isLoading={form.formState.isSubmitting} data-testid="offer-save">
                  {creating ? "Create" : "Save"}
                </Button>
              </div>
            </FocusModal.Header>
            <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
              <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-4">
                <div>
                  <FocusModal.Title asChild>
                    <Heading>{creating ? "Create offer" : `Edit ${offer?.title}`}</Heading>
                  </FocusModal.Title>
                  <FocusModal.Description asChild>
                    <Text size="small" className="text-ui-fg-subtle">
                      An upsell for an event: a product variant sold at the offer price, with its own stock.
                    </Text>
                  </FocusModal.Description>
                </div>
                <OfferDetailsFields creating={creating} />
                <FormSection title="Price, stock and schedule">
                  <OfferPricingFields />
                </FormSection>
                <FormSection title="Targeting">
                  <OfferTargetingFields />
                </FormSection>
                {offer && <OfferFlaggedOrders offerId={offer.id} />}
              </div>
            </FocusModal.Body>
          </form>
        </FormProvider>
      </FocusModal.Content>
    </FocusModal>
  )
}

const FormSection = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="flex flex-col gap-y-4">
    <Heading level="h2">{title}</Heading>
    {children}
  </section>
)
