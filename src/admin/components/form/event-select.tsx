import { Select } from "@medusajs/ui"
import { useEventProducts } from "../../hooks/api/event-products"

type EventSelectProps = {
  value: string | undefined
  onChange: (productId: string) => void
  id?: string
  placeholder?: string
  size?: "base" | "small"
  disabled?: boolean
}

/** Picks an event, i.e. the product that sells its tickets. */
export const EventSelect = ({
  value,
  onChange,
  id,
  placeholder = "Select an event",
  size = "base",
  disabled,
}: EventSelectProps) => {
  const { products, isLoading } = useEventProducts()
  const options = products ?? []
  // Keep an id that is not among the first page of products selectable (e.g. when editing).
  const known = !value || options.some((product) => product.id === value)
  return (
    <Select value={value} onValueChange={onChange} size={size} disabled={disabled || isLoading}>
      <Select.Trigger id={id} data-testid="event-select">
        <Select.Value placeholder={isLoading ? "Loading events…" : placeholder} />
      </Select.Trigger>
      <Select.Content>
        {!known && value && <Select.Item value={value}>{value}</Select.Item>}
        {options.map((product) => (
          <Select.Item key={product.id} value={product.id}>
            {product.title}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
