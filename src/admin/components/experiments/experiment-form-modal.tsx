import { Plus, Trash } from "@medusajs/icons"
import {
  Button,
  FocusModal,
  Heading,
  IconButton,
  Input,
  Label,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { FormEvent, useEffect, useState } from "react"
import {
  AdminAbTest,
  AdminAbVariant,
  useCreateAbTest,
  useUpdateAbTest,
} from "../../hooks/api/ab-tests"
import { EventSelect } from "./event-select"

type VariantRow = { key: number; id: string; name: string; weight: string }

type FormState = {
  test_id: string
  event_id: string
  name: string
  description: string
  primary_goal: string
  variants: VariantRow[]
}

let rowKey = 0
const row = (variant: Partial<AdminAbVariant> = {}): VariantRow => ({
  key: ++rowKey,
  id: variant.id ?? "",
  name: variant.name ?? "",
  weight: String(variant.weight ?? 50),
})

const initialState = (experiment?: AdminAbTest, eventId?: string): FormState => ({
  test_id: experiment?.test_id ?? "",
  event_id: experiment?.event_id ?? eventId ?? "",
  name: experiment?.name ?? "",
  description: experiment?.description ?? "",
  primary_goal: experiment?.primary_goal ?? "conversion",
  variants: experiment?.variants.length
    ? experiment.variants.map(row)
    : [row({ id: "control", name: "Control" }), row({ id: "variant_b", name: "Variant B" })],
})

const TEST_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/
const VARIANT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/
const GOAL = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/

/** Mirrors the server's validator so most mistakes show before a round trip. */
function validate(state: FormState, creating: boolean): string | null {
  if (creating && !TEST_ID.test(state.test_id)) {
    return "Key: 3–64 letters, digits, '_' or '-', starting with a letter or digit."
  }
  if (!state.event_id) {
    return "Choose the event the experiment runs on."
  }
  if (!state.name.trim()) {
    return "Give the experiment a name."
  }
  if (!GOAL.test(state.primary_goal)) {
    return "Primary goal: letters, digits, '_', '.' or '-'."
  }
  if (state.variants.length < 2) {
    return "An experiment needs at least 2 variants."
  }
  const ids = new Set<string>()
  let total = 0
  for (const variant of state.variants) {
    if (!VARIANT_ID.test(variant.id)) {
      return `Variant id "${variant.id}" is not valid (letters, digits, '_' or '-').`
    }
    if (ids.has(variant.id)) {
      return `Variant id "${variant.id}" is used twice.`
    }
    ids.add(variant.id)
    const weight = Number(variant.weight)
    if (!Number.isFinite(weight) || weight < 0) {
      return `Variant "${variant.id}" needs a weight of 0 or more.`
    }
    total += weight
  }
  return total > 0 ? null : "The variant weights must add up to more than 0."
}

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
  const [state, setState] = useState<FormState>(() => initialState(experiment, eventId))
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (open) {
      setState(initialState(experiment, eventId))
      setError(null)
    }
  }, [open, experiment, eventId])

  const create = useCreateAbTest()
  const update = useUpdateAbTest(experiment?.test_id ?? "")
  const isPending = create.isPending || update.isPending

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }))
  const setVariant = (key: number, patch: Partial<VariantRow>) =>
    setState((s) => ({ ...s, variants: s.variants.map((v) => (v.key === key ? { ...v, ...patch } : v)) }))

  const totalWeight = state.variants.reduce((sum, v) => sum + (Number(v.weight) || 0), 0)

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const problem = validate(state, creating)
    setError(problem)
    if (problem) {
      return
    }
    const body = {
      event_id: state.event_id,
      name: state.name.trim(),
      description: state.description.trim() || null,
      primary_goal: state.primary_goal,
      variants: state.variants.map((v) => ({ id: v.id, name: v.name.trim() || v.id, weight: Number(v.weight) })),
    }
    const done = {
      onSuccess: ({ ab_test }: { ab_test: AdminAbTest }) => {
        toast.success(creating ? `Experiment ${ab_test.test_id} created` : `Experiment ${ab_test.test_id} saved`)
        onOpenChange(false)
        onSaved?.(ab_test)
      },
      onError: (err: Error) => setError(err.message),
    }
    if (creating) {
      create.mutate({ ...body, test_id: state.test_id }, done)
    } else {
      update.mutate(body, done)
    }
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden" data-testid="experiment-form">
          <FocusModal.Header>
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={isPending} data-testid="experiment-save">
                {creating ? "Create" : "Save"}
              </Button>
            </div>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
            <div className="flex w-full max-w-[720px] flex-col gap-y-6 px-4">
              <div>
                <FocusModal.Title asChild>
                  <Heading>{creating ? "Create experiment" : `Edit ${experiment?.test_id}`}</Heading>
                </FocusModal.Title>
                <FocusModal.Description asChild>
                  <Text size="small" className="text-ui-fg-subtle">
                    Split an event's visitors between variants and measure which one reaches the goal more often.
                  </Text>
                </FocusModal.Description>
              </div>
              {error && (
                <Text size="small" className="text-ui-fg-error" data-testid="experiment-form-error">
                  {error}
                </Text>
              )}
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="experiment-test-id" size="small" weight="plus">
                    Key (test_id)
                  </Label>
                  <Input
                    id="experiment-test-id"
                    name="test_id"
                    value={state.test_id}
                    disabled={!creating}
                    placeholder="checkout-banner"
                    onChange={(e) => set("test_id", e.target.value)}
                  />
                </div>
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="experiment-event" size="small" weight="plus">
                    Event
                  </Label>
                  <EventSelect id="experiment-event" value={state.event_id || undefined} onChange={(v) => set("event_id", v)} />
                </div>
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="experiment-name" size="small" weight="plus">
                    Name
                  </Label>
                  <Input
                    id="experiment-name"
                    name="name"
                    value={state.name}
                    onChange={(e) => set("name", e.target.value)}
                  />
                </div>
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="experiment-goal" size="small" weight="plus">
                    Primary goal
                  </Label>
                  <Input
                    id="experiment-goal"
                    name="primary_goal"
                    value={state.primary_goal}
                    onChange={(e) => set("primary_goal", e.target.value)}
                  />
                </div>
                <div className="flex flex-col gap-y-2 md:col-span-2">
                  <Label htmlFor="experiment-description" size="small" weight="plus">
                    Description
                  </Label>
                  <Textarea
                    id="experiment-description"
                    name="description"
                    value={state.description}
                    onChange={(e) => set("description", e.target.value)}
                  />
                </div>
              </div>
              <div className="flex flex-col gap-y-3">
                <div className="flex items-center justify-between">
                  <Label size="small" weight="plus">
                    Variants
                  </Label>
                  <Button
                    type="button"
                    size="small"
                    variant="secondary"
                    disabled={state.variants.length >= 10}
                    onClick={() => set("variants", [...state.variants, row({ id: "", name: "", weight: 50 })])}
                    data-testid="experiment-add-variant"
                  >
                    <Plus /> Add variant
                  </Button>
                </div>
                {state.variants.map((variant, index) => (
                  <div key={variant.key} className="grid grid-cols-[1fr_1fr_100px_80px_auto] items-center gap-2" data-testid="experiment-variant-row">
                    <Input
                      aria-label={`Variant ${index + 1} id`}
                      name={`variants.${index}.id`}
                      placeholder="id"
                      value={variant.id}
                      onChange={(e) => setVariant(variant.key, { id: e.target.value })}
                    />
                    <Input
                      aria-label={`Variant ${index + 1} name`}
                      name={`variants.${index}.name`}
                      placeholder="Name"
                      value={variant.name}
                      onChange={(e) => setVariant(variant.key, { name: e.target.value })}
                    />
                    <Input
                      aria-label={`Variant ${index + 1} weight`}
                      name={`variants.${index}.weight`}
                      type="number"
                      min={0}
                      step="any"
                      value={variant.weight}
                      onChange={(e) => setVariant(variant.key, { weight: e.target.value })}
                    />
                    <Text size="small" className="text-ui-fg-subtle text-right">
                      {totalWeight > 0 ? `${Math.round(((Number(variant.weight) || 0) / totalWeight) * 1000) / 10}%` : "-"}
                    </Text>
                    <IconButton
                      type="button"
                      variant="transparent"
                      aria-label={`Remove variant ${index + 1}`}
                      disabled={state.variants.length <= 2}
                      onClick={() => set("variants", state.variants.filter((v) => v.key !== variant.key))}
                    >
                      <Trash />
                    </IconButton>
                  </div>
                ))}
                <Text size="xsmall" className="text-ui-fg-muted">
                  The first variant is the control. Weights are relative; the share column shows the resulting split.
                </Text>
              </div>
            </div>
          </FocusModal.Body>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
