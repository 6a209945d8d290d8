import { zodResolver } from "@hookform/resolvers/zod"
import { Input, Textarea, toast } from "@medusajs/ui"
import { useMemo } from "react"
import { Controller, useForm } from "react-hook-form"
import { AdminAbTest, useCreateAbTest, useUpdateAbTest } from "../../hooks/api/ab-tests"
import { FormField } from "../form/form-field"
import { FormModal } from "../form/form-modal"
import { EventSelect } from "./event-select"
import {
  experimentFormDefaults,
  experimentFormSchema,
  ExperimentFormValues,
  toCreatePayload,
  toUpdatePayload,
} from "./experiment-form-schema"
import { ExperimentVariantFields } from "./experiment-variant-fields"

type ExperimentFormModalProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Edit this experiment; create a new one when omitted. */
  experiment?: AdminAbTest
  /** Pre-selected event for a new experiment. */
  eventId?: string
  onSaved?: (experiment: AdminAbTest) => void
}

export const ExperimentFormModal = ({ open, onOpenChange, experiment, eventId, onSaved }: ExperimentFormModalProps) => {
  const creating = !experiment
  const defaults = useMemo(() => experimentFormDefaults(experiment, eventId), [experiment, eventId])
  const form = useForm<ExperimentFormValues>({ resolver: zodResolver(experimentFormSchema), defaultValues: defaults })
  const { control, register, formState } = form
  const { errors } = formState
  const create = useCreateAbTest()
  const update = useUpdateAbTest(experiment?.test_id ?? "")

  const onSubmit = async (values: ExperimentFormValues) => {
    const { ab_test } = creating
      ? await create.mutateAsync(toCreatePayload(values))
      : await update.mutateAsync(toUpdatePayload(values))
    toast.success(creating ? `Experiment ${ab_test.test_id} created` : `Experiment ${ab_test.test_id} saved`)
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
      testId="experiment"
      title={creating ? "Create experiment" : `Edit ${experiment?.test_id}`}
      description="Split an event's visitors between variants and measure which one reaches the goal more often."
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField id="experiment-test-id" label="Key (test_id)" error={errors.test_id?.message}>
          {creating ? (
            <Input id="experiment-test-id" placeholder="checkout-banner" aria-invalid={!!errors.test_id} {...register("test_id")} />
          ) : (
            // The key is fixed once created (it is in URLs and storefront code); the form keeps it as a default.
            <Input id="experiment-test-id" value={experiment.test_id} disabled />
          )}
        </FormField>
        <FormField id="experiment-event" label="Event" error={errors.event_id?.message}>
          <Controller
            control={control}
            name="event_id"
            render={({ field }) => (
              <EventSelect id="experiment-event" value={field.value || undefined} onChange={field.onChange} />
            )}
          />
        </FormField>
        <FormField id="experiment-name" label="Name" error={errors.name?.message}>
          <Input id="experiment-name" aria-invalid={!!errors.name} {...register("name")} />
        </FormField>
        <FormField id="experiment-goal" label="Primary goal" error={errors.primary_goal?.message}>
          <Input id="experiment-goal" aria-invalid={!!errors.primary_goal} {...register("primary_goal")} />
        </FormField>
        <FormField
          id="experiment-description"
          label="Description"
          optional
          className="md:col-span-2"
          error={errors.description?.message}
        >
          <Textarea id="experiment-description" aria-invalid={!!errors.description} {...register("description")} />
        </FormField>
      </div>
      <ExperimentVariantFields />
    </FormModal>
  )
}
