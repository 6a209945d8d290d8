import { zodResolver } from "@hookform/resolvers/zod"
import { Input, Textarea, toast } from "@medusajs/ui"
import { useMemo } from "react"
import { Controller, useForm } from "react-hook-form"
import { AdminAbTest, useCreateAbTest, useUpdateAbTest } from "../../hooks/api/ab-tests"
import { FormField } from "../form/form-field"
import { FormModal } from "../form/form-modal"
import { EventSelect } from "../form/event-select"
import {
  abTestFormDefaults,
  abTestFormSchema,
  AbTestFormValues,
  toCreatePayload,
  toUpdatePayload,
} from "./ab-test-form-schema"
import { AbTestVariantFields } from "./ab-test-variant-fields"

type AbTestFormModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Edit this A/B test; create a new one when omitted. */
  abTest?: AdminAbTest
  /** Pre-selected event for a new A/B test. */
  eventId?: string
  onSaved?: (abTest: AdminAbTest) => void
}

export const AbTestFormModal = ({ open, onOpenChange, abTest, eventId, onSaved }: AbTestFormModalProps) => {
  const creating = !abTest
  const defaults = useMemo(() => abTestFormDefaults(abTest, eventId), [abTest, eventId])
  const form = useForm<AbTestFormValues>({ resolver: zodResolver(abTestFormSchema), defaultValues: defaults })
  const { control, register, formState } = form
  const { errors } = formState
  const create = useCreateAbTest()
  const update = useUpdateAbTest(abTest?.test_id ?? "")

  const onSubmit = async (values: AbTestFormValues) => {
    const { ab_test } = creating
      ? await create.mutateAsync(toCreatePayload(values))
      : await update.mutateAsync(toUpdatePayload(values))
    toast.success(creating ? `A/B test ${ab_test.test_id} created` : `A/B test ${ab_test.test_id} saved`)
    onOpenChange(false)
    onSaved?.(ab_test)
  }

  return (
    <FormModal
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      defaults={defaults}
      onSubmit={onSubmit}
      creating={creating}
      testId="ab-test"
      title={creating ? "Create A/B test" : `Edit ${abTest?.test_id}`}
      description="Split an event's visitors between variants and measure which one reaches the goal more often."
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField id="ab-test-test-id" label="Key (test_id)" error={errors.test_id?.message}>
          {creating ? (
            <Input id="ab-test-test-id" placeholder="checkout-banner" aria-invalid={!!errors.test_id} {...register("test_id")} />
          ) : (
            // The key is fixed once created (it is in URLs and storefront code); the form keeps it as a default.
            <Input id="ab-test-test-id" value={abTest.test_id} disabled />
          )}
        </FormField>
        <FormField id="ab-test-event" label="Event" error={errors.event_id?.message}>
          <Controller
            control={control}
            name="event_id"
            render={({ field }) => (
              <EventSelect id="ab-test-event" value={field.value || undefined} onChange={field.onChange} />
            )}
          />
        </FormField>
        <FormField id="ab-test-name" label="Name" error={errors.name?.message}>
          <Input id="ab-test-name" aria-invalid={!!errors.name} {...register("name")} />
        </FormField>
        <FormField id="ab-test-goal" label="Primary goal" error={errors.primary_goal?.message}>
          <Input id="ab-test-goal" aria-invalid={!!errors.primary_goal} {...register("primary_goal")} />
        </FormField>
        <FormField
          id="ab-test-description"
          label="Description"
          optional
          className="md:col-span-2"
          error={errors.description?.message}
        >
          <Textarea id="ab-test-description" aria-invalid={!!errors.description} {...register("description")} />
        </FormField>
      </div>
      <AbTestVariantFields />
    </FormModal>
  )
}
