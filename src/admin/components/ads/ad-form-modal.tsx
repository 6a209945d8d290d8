import { zodResolver } from "@hookform/resolvers/zod"
import { Button, FocusModal, Heading, Text, toast } from "@medusajs/ui"
import { ReactNode, useEffect } from "react"
import { useForm } from "react-hook-form"
import { AdminAd, useCreateAd, useUpdateAd } from "../../hooks/api/ads"
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

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="flex flex-col gap-y-4">
    <Heading level="h2">{title}</Heading>
    {children}
  </section>
)

export const AdFormModal = ({ open, onOpenChange, ad }: AdFormModalProps) => {
  const creating = !ad
  const form = useForm<AdFormValues>({ resolver: zodResolver(AdFormSchema), defaultValues: adFormDefaults(ad) })
  const create = useCreateAd()
  const update = useUpdateAd(ad?.id ?? "")

  useEffect(() => {
    if (open) {
      form.reset(adFormDefaults(ad))
    }
  }, [open, ad, form])

  const onSubmit = form.handleSubmit(async (values) => {
    const payload = adFormToPayload(values)
    try {
      const saved = creating ? await create.mutateAsync(payload) : await update.mutateAsync(payload)
      toast.success(creating ? `Ad "${saved.ad.name}" created` : `Ad "${saved.ad.name}" saved`)
      onOpenChange(false)
    } catch (error) {
      toast.error((error as Error).message)
    }
  })

  const [mediaUrl, contentType, name, aspectRatio] = form.watch(["media_url", "content_type", "name", "aspect_ratio"])

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <form onSubmit={onSubmit} noValidate className="flex h-full flex-col overflow-hidden" data-testid="ad-form">
          <FocusModal.Header>
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={form.formState.isSubmitting} data-testid="ad-save">
                {creating ? "Create" : "Save"}
              </Button>
            </div>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 justify-center overflow-y-auto py-12">
            <div className="grid w-full max-w-[1100px] grid-cols-1 gap-8 px-4 lg:grid-cols-[minmax(0,1fr)_340px]">
              <div className="flex flex-col gap-y-8">
                <div>
                  <FocusModal.Title asChild>
                    <Heading>{creating ? "Create ad" : `Edit ${ad?.name}`}</Heading>
                  </FocusModal.Title>
                  <FocusModal.Description asChild>
                    <Text size="small" className="text-ui-fg-subtle">
                      A sponsor's creative for one event, where it shows and what the sponsor pays.
                    </Text>
                  </FocusModal.Description>
                </div>
                <Section title="Creative">
                  <AdCreativeFields form={form} />
                </Section>
                <Section title="Delivery">
                  <AdDeliveryFields form={form} />
                </Section>
                <Section title="Pricing">
                  <AdPricingFields form={form} />
                </Section>
              </div>
              <aside className="flex flex-col gap-y-2 lg:sticky lg:top-0 lg:self-start">
                <Heading level="h2">Preview</Heading>
                <AdMediaPreview url={mediaUrl} contentType={contentType} alt={name} aspectRatio={aspectRatio} />
              </aside>
            </div>
          </FocusModal.Body>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
