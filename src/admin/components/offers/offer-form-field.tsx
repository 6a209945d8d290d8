import { Label, Text } from "@medusajs/ui"
import { ReactNode } from "react"

type OfferFormFieldProps = {
  id: string
  label: string
  error?: string
  hint?: string
  optional?: boolean
  className?: string
  children: ReactNode
}

/** Label, control, and the field's validation message under it. */
export const OfferFormField = ({ id, label, error, hint, optional, className, children }: OfferFormFieldProps) => (
  <div className={`flex flex-col gap-y-2 ${className ?? ""}`}>
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {hint && !error && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
    {error && (
      <Text size="xsmall" className="text-ui-fg-error" id={`${id}-error`} role="alert" data-testid={`${id}-error`}>
        {error}
      </Text>
    )}
  </div>
)
