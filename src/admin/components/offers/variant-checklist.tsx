import { Checkbox, Label, Text } from "@medusajs/ui"
import { VariantOption } from "../../hooks/api/product-variants"

type VariantChecklistProps = {
  name: string
  options: VariantOption[]
  value: string[]
  onChange: (ids: string[]) => void
  empty: string
}

/** Checkboxes over variants; stored ids that are not among the options stay listed so they can be removed. */
export const VariantChecklist = ({ name, options, value, onChange, empty }: VariantChecklistProps) => {
  const unknown = value.filter((id) => !options.some((option) => option.id === id))
  const rows = [
    ...options.map((option) => ({ id: option.id, label: option.sku ? `${option.title} (${option.sku})` : option.title })),
    ...unknown.map((id) => ({ id, label: id })),
  ]
  if (!rows.length) {
    return (
      <Text size="xsmall" className="text-ui-fg-muted">
        {empty}
      </Text>
    )
  }
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...value, id] : value.filter((selected) => selected !== id))
  return (
    <div className="flex flex-col gap-y-2" data-testid={`offer-${name}`}>
      {rows.map((row) => {
        const checkboxId = `offer-${name}-${row.id}`
        return (
          <div key={row.id} className="flex items-center gap-x-2">
            <Checkbox
              id={checkboxId}
              checked={value.includes(row.id)}
              onCheckedChange={(checked) => toggle(row.id, checked === true)}
            />
            <Label htmlFor={checkboxId} size="small">
              {row.label}
            </Label>
          </div>
        )
      })}
    </div>
  )
}
