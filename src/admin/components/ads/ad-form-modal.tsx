import { zodResolver } from "@hookform/resolvers/zod"
import { Heading, toast } from "@medusajs/ui"
import { useMemo } from "react"
import { useForm } from "react-hook-form"
import { AdminAd, useCreateAd, useUpdateAd } from "../../hooks/api/ads"
import { FormModal } from "../form/form-modal"
import { FormSection } from "../form/form-section"
import { AdCreativeFields } from "./ad-creative-fields"
import { AdDeliveryFields } from "./ad-delivery-fields"
import { adFormDefaults, AdFormSchema, adFormToPayload, AdFormValues } from "./ad-form-schema"
import { AdMediaPreview } from "./ad-media-preview"
import { AdPricingFields } from "./ad-pricing-fields"

type AdFormModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Edit this ad; create a new one when omitted. */
  ad?: AdminAd
}

export const AdFormModal = ({ open, onOpenChange, ad }: AdFormModalProps) => {
  const creating = !ad
  const defaults = useMemo(() => adFormDefaults(ad), [ad])
  const form = useForm<AdFormValues>({ resolver: zodResolver(AdFormSchema), defaultValues: defaults })
  const create = useCreateAd()
  const update = useUpdateAd(ad?.id ?? "")

  const onSubmit = async (values: AdFormValues) => {
    const payload = adFormToPayload(values)
    const saved = creating ? await create.mutateAsync(payload) : await update.mutateAsync(payload)
    toast.success(creating ? `Ad "${saved.ad.name}" created` : `Ad "${saved.ad.name}" saved`)
    onOpenChange(false)
  }

  const [mediaUrl, contentType, name, aspectRatio] = form.watch(["media_url", "content_type", "name", "aspect_ratio"])

  return (
    <FormModal
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      defaults={defaults}
      onSubmit={onSubmit}
      creating={creating}
      testId="ad"
      title={creating ? "Create ad" : `Edit ${ad?.name}`}
      description="A sponsor's creative for one event, where it shows and what the sponsor pays."
      aside={
        <>
          <Heading level="h2">Preview</Heading>
          <AdMediaPreview url={mediaUrl} contentType={contentType} alt={name} aspectRatio={aspectRatio} />
        </>
      }
    >
      <FormSection title="Creative">
        <AdCreativeFields form={form} />
      </FormSection>
      <FormSection title="Delivery">
        <AdDeliveryFields form={form} />
      </FormSection>
      <FormSection title="Pricing">
        <AdPricingFields form={form} />
      </FormSection>
    </FormModal>
  )
}
