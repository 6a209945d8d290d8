import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { FieldError } from "react-hook-form"

type AdFormFieldProps = {
  id: string
  label: string
  error?: FieldError
  hint?: string
  optional?: boolean
  className?: string
  children: ReactNode
}

/** Label, control, and the schema's message under it. */
export const AdFormField = ({ id, label, error, hint, optional, className, children }: AdFormFieldProps) => (
  <div className={`flex flex-col gap-y-2 ${className ?? ""}`}>
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {error?.message ? (
      <Hint variant="error" data-testid={`ad-field-error-${id}`}>
        {error.message}
      </Hint>
    ) : (
      hint && <Hint>{hint}</Hint>
    )}
  </div>
)
