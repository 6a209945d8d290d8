import { Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useVariantSearch, useVariantsByIds, variantLabel } from "../../hooks/api/product-variants"

type VariantSearchSelectProps = {
  id: string
  value: string
  onChange: (variantId: string) => void
  invalid?: boolean
}

/** Search products and pick one of their variants: what the offer sells. */
export const VariantSearchSelect = ({ id, value, onChange, invalid }: VariantSearchSelectProps) => {
  const [search, setSearch] = useState("")
  const [q, setQ] = useState("")
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300)
    return () => clearTimeout(timer)
  }, [search])

  const { options, isFetching } = useVariantSearch(q)
  const { options: selected } = useVariantsByIds(value ? [value] : [])
  const current = options.find((option) => option.id === value) ?? selected[0]

  return (
    <div className="flex flex-col gap-y-2">
      <Input
        id={id}
        type="search"
        size="small"
        placeholder="Search products…"
        value={search}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div
        role="listbox"
        aria-label="Product variants"
        className="shadow-borders-base bg-ui-bg-field flex max-h-44 flex-col overflow-y-auto rounded-md p-1"
        data-testid="offer-variant-options"
      >
        {options.map((option) => (
          <button
            key={option.id}
            type="button"
            role="option"
            aria-selected={option.id === value}
            onClick={() => onChange(option.id)}
            className={`txt-compact-small rounded px-2 py-1 text-left ${
              option.id === value ? "bg-ui-bg-highlight text-ui-fg-interactive" : "hover:bg-ui-bg-base-hover"
            }`}
          >
            {variantLabel(option)}
          </button>
        ))}
        {!options.length && (
          <Text size="xsmall" className="text-ui-fg-muted px-2 py-1">
            {isFetching ? "Searching…" : "No products match."}
          </Text>
        )}
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle" data-testid="offer-variant-selected">
        {value ? `Sells: ${current ? variantLabel(current) : value}` : "No variant selected"}
      </Text>
    </div>
  )
}
