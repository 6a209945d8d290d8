import { Button, FocusModal, Heading, Text, toast } from "@medusajs/ui"
import { ReactNode, useEffect } from "react"
import { FieldValues, FormProvider, UseFormReturn } from "react-hook-form"

type FormModalProps<TValues extends FieldValues, TSubmitted> = {
  open: boolean
  onOpenChange: (open: boolean) => void
  form: UseFormReturn<TValues, unknown, TSubmitted>
  /** What the form shows each time it opens; keep it referentially stable (useMemo). */
  defaults: TValues
  /** Saves the values; a thrown error's message is shown in a toast (the server's 400 names the problem). */
  onSubmit: (values: TSubmitted) => Promise<void>
  creating: boolean
  /** Prefix of the test ids: `<testId>-form`, `<testId>-save`. */
  testId: string
  title: string
  description: string
  /** Beside the fields on wide screens (e.g. a preview). */
  aside?: ReactNode
  children: ReactNode
}

/** The create/edit focus modal of a record: Cancel/Create-or-Save header, title, fields, validation through the form's resolver. */
export function FormModal<TValues extends FieldValues, TSubmitted>({
  open,
  onOpenChange,
  form,
  defaults,
  onSubmit,
  creating,
  testId,
  title,
  description,
  aside,
  children,
}: FormModalProps<TValues, TSubmitted>) {
  useEffect(() => {
    if (open) {
      form.reset(defaults)
    }
  }, [open, defaults, form])

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values)
    } catch (error) {
      toast.error((error as Error).message)
    }
  })

  const main = (
    <div className="flex flex-col gap-y-8">
      <div>
        <FocusModal.Title asChild>
          <Heading>{title}</Heading>
        </FocusModal.Title>
        <FocusModal.Description asChild>
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        </FocusModal.Description>
      </div>
      {children}
    </div>
  )

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <FormProvider {...form}>
          <form onSubmit={submit} noValidate className="flex h-full flex-col overflow-hidden" data-testid={`${testId}-form`}>
            <FocusModal.Header>
              <div className="flex items-center justify-end gap-x-2">
                <FocusModal.Close asChild>
                  <Button size="small" variant="secondary" type="button">
                    Cancel
                  </Button>
                </FocusModal.Close>
                <Button size="small" type="submit" isLoading={form.formState.isSubmitting} data-testid={`${testId}-save`}>
                  {creating ? "Create" : "Save"}
                </Button>
              </div>
            </FocusModal.Header>
            <FocusModal.Body className="flex flex-1 justify-center overflow-y-auto py-12">
              {aside ? (
                <div className="grid w-full max-w-[1100px] grid-cols-1 gap-8 px-4 lg:grid-cols-[minmax(0,1fr)_340px]">
                  {main}
                  <aside className="flex flex-col gap-y-2 lg:sticky lg:top-0 lg:self-start">{aside}</aside>
                </div>
              ) : (
                <div className="w-full max-w-[720px] px-4">{main}</div>
              )}
            </FocusModal.Body>
          </form>
        </FormProvider>
      </FocusModal.Content>
    </FocusModal>
  )
}
