import { Input } from "@medusajs/ui"
import { Controller, UseFormReturn } from "react-hook-form"
import { AdEnumSelect } from "./ad-enum-select"
import { AdFormField } from "./ad-form-field"
import type { AdFormValues } from "./ad-form-schema"
import { CONTENT_TYPE_LABELS } from "./ad-labels"

/** What the ad shows and where a click goes. */
export const AdCreativeFields = ({ form }: { form: UseFormReturn<AdFormValues> }) => {
  const { register, control, formState } = form
  const errors = formState.errors
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <AdFormField id="ad-name" label="Name" error={errors.name} hint="Also the image's alt text.">
        <Input id="ad-name" {...register("name")} />
      </AdFormField>
      <AdFormField id="ad-sponsor-name" label="Sponsor" error={errors.sponsor_name} optional>
        <Input id="ad-sponsor-name" {...register("sponsor_name")} />
      </AdFormField>
      <AdFormField id="ad-content-type" label="Content type" error={errors.content_type}>
        <Controller
          control={control}
          name="content_type"
          render={({ field }) => (
            <AdEnumSelect id="ad-content-type" value={field.value} onChange={field.onChange} labels={CONTENT_TYPE_LABELS} />
          )}
        />
      </AdFormField>
      <AdFormField id="ad-aspect-ratio" label="Aspect ratio" error={errors.aspect_ratio} optional>
        <Input id="ad-aspect-ratio" placeholder="16:9" {...register("aspect_ratio")} />
      </AdFormField>
      <AdFormField id="ad-media-url" label="Media URL" error={errors.media_url} className="md:col-span-2">
        <Input id="ad-media-url" placeholder="https://cdn.example.com/banner.png" {...register("media_url")} />
      </AdFormField>
      <AdFormField id="ad-click-url" label="Click URL" error={errors.click_url} className="md:col-span-2">
        <Input id="ad-click-url" placeholder="https://sponsor.example.com/landing" {...register("click_url")} />
      </AdFormField>
      <AdFormField id="ad-display-duration" label="Display duration (seconds)" error={errors.display_duration_seconds}>
        <Input id="ad-display-duration" type="number" min={1} max={3600} {...register("display_duration_seconds")} />
      </AdFormField>
    </div>
  )
}
