import { Plus, Trash } from "@medusajs/icons"
import { Button, Hint, IconButton, Input, Label, Text } from "@medusajs/ui"
import { useFieldArray, useFormContext, useWatch } from "react-hook-form"
import { AB_MAX_VARIANTS } from "../../../modules/abtest/types"
import { AbTestFormValues, trafficShares, variantRow } from "./ab-test-form-schema"

/** The variants as rows of id, name and weight, with the traffic split the weights give. */
export const AbTestVariantFields = () => {
  const { control, register, formState } = useFormContext<AbTestFormValues>()
  // keyName: a variant's own `id` is a form value, so the row key needs another name.
  const { fields, append, remove } = useFieldArray({ control, name: "variants", keyName: "key" })
  const shares = trafficShares(useWatch({ control, name: "variants" }) ?? [])
  const errors = formState.errors.variants
  const listError = errors?.root?.message ?? errors?.message

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex items-center justify-between">
        <Label size="small" weight="plus">
          Variants
        </Label>
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={fields.length >= AB_MAX_VARIANTS}
          onClick={() => append(variantRow({ weight: 50 }))}
          data-testid="ab-test-add-variant"
        >
          <Plus /> Add variant
        </Button>
      </div>
      {fields.map((field, index) => {
        const rowErrors = errors?.[index]
        const rowError = rowErrors?.id?.message ?? rowErrors?.name?.message ?? rowErrors?.weight?.message
        return (
          <div key={field.key} className="flex flex-col gap-y-1" data-testid="ab-test-variant-row">
            <div className="grid grid-cols-[1fr_1fr_100px_80px_auto] items-center gap-2">
              <Input
                aria-label={`Variant ${index + 1} id`}
                aria-invalid={!!rowErrors?.id}
                placeholder="id"
                {...register(`variants.${index}.id`)}
              />
              <Input
                aria-label={`Variant ${index + 1} name`}
                aria-invalid={!!rowErrors?.name}
                placeholder="Name"
                {...register(`variants.${index}.name`)}
              />
              <Input
                aria-label={`Variant ${index + 1} weight`}
                aria-invalid={!!rowErrors?.weight}
                type="number"
                min={0}
                step="any"
                {...register(`variants.${index}.weight`)}
              />
              <Text size="small" className="text-ui-fg-subtle text-right">
                {shares[index] === null || shares[index] === undefined ? "-" : `${shares[index]}%`}
              </Text>
              <IconButton
                type="button"
                variant="transparent"
                aria-label={`Remove variant ${index + 1}`}
                disabled={fields.length <= 2}
                onClick={() => remove(index)}
              >
                <Trash />
              </IconButton>
            </div>
            {rowError && (
              <Hint variant="error" data-testid={`ab-test-variant-${index}-error`}>
                {`Variant ${index + 1}: ${rowError}`}
              </Hint>
            )}
          </div>
        )
      })}
      {listError ? (
        <Hint variant="error" data-testid="ab-test-variants-error">
          {listError}
        </Hint>
      ) : (
        <Text size="xsmall" className="text-ui-fg-muted">
          The first variant is the control. Weights are relative; the share column shows the resulting split.
        </Text>
      )}
    </div>
  )
}
