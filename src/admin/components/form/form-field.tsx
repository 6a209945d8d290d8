import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

type FormFieldProps = {
  id: string
  label: string
  error?: string
  hint?: string
  optional?: boolean
  className?: string
  /** Defaults to `<id>-error`. */
  errorTestId?: string
  children: ReactNode
}

/** Label, control, and the schema's message under it (or a hint while there is none). */
export const FormField = ({ id, label, error, hint, optional, className, errorTestId, children }: FormFieldProps) => (
  <div className={`flex flex-col gap-y-2 ${className ?? ""}`}>
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {error ? (
      <Hint variant="error" id={`${id}-error`} role="alert" data-testid={errorTestId ?? `${id}-error`}>
        {error}
      </Hint>
    ) : (
      hint && <Hint>{hint}</Hint>
    )}
  </div>
)
