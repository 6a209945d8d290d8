import type { ComponentProps } from "react"
import type { FieldError } from "react-hook-form"
import { FormField } from "../form/form-field"

type AdFormFieldProps = Omit<ComponentProps<typeof FormField>, "error" | "errorTestId"> & { error?: FieldError }

/** A form field whose message comes straight from the ad form's field error. */
export const AdFormField = ({ error, ...props }: AdFormFieldProps) => (
  <FormField {...props} error={error?.message} errorTestId={`ad-field-error-${props.id}`} />
)
