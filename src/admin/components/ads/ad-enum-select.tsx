import { Select } from "@medusajs/ui"

type AdEnumSelectProps<T extends string> = {
  id: string
  value: T
  onChange: (value: T) => void
  labels: Record<T, string>
}

/** A Select over one of the ad enums, labelled for people. */
export const AdEnumSelect = <T extends string>({ id, value, onChange, labels }: AdEnumSelectProps<T>) => (
  <Select value={value} onValueChange={(next) => onChange(next as T)}>
    <Select.Trigger id={id} data-testid={id}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      {(Object.keys(labels) as T[]).map((option) => (
        <Select.Item key={option} value={option}>
          {labels[option]}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
