import { toast, usePrompt } from "@medusajs/ui"
import { AdminAbTest, useDeleteAbTest, useTransitionAbTest } from "../../hooks/api/ab-tests"

/** Start, stop and delete, each behind a confirmation prompt. */
export const useAbTestActions = () => {
  const prompt = usePrompt()
  const transition = useTransitionAbTest()
  const remove = useDeleteAbTest()

  /** Asks first, then moves the test to its next status and says how it went. */
  const transitionAfterPrompt = async (
    abTest: AdminAbTest,
    action: "start" | "stop",
    question: { title: string; description: string; confirmText: string; variant?: "confirmation" },
    done: string
  ) => {
    const confirmed = await prompt({ ...question, cancelText: "Cancel" })
    if (confirmed) {
      await transition
        .mutateAsync({ test_id: abTest.test_id, action })
        .then(() => toast.success(done))
        .catch((error: Error) => toast.error(error.message))
    }
  }

  const start = (abTest: AdminAbTest) =>
    transitionAfterPrompt(
      abTest,
      "start",
      {
        title: `Start ${abTest.test_id}?`,
        description: "Visitors will be split between the variants and tracking starts. Variants cannot be changed afterwards.",
        confirmText: "Start",
        variant: "confirmation",
      },
      `${abTest.test_id} is running`
    )

  const stop = (abTest: AdminAbTest) =>
    transitionAfterPrompt(
      abTest,
      "stop",
      {
        title: `Stop ${abTest.test_id}?`,
        description: "New visits and conversions will no longer be recorded. A stopped A/B test cannot be restarted.",
        confirmText: "Stop",
      },
      `${abTest.test_id} stopped`
    )

  const destroy = async (abTest: AdminAbTest): Promise<boolean> => {
    const confirmed = await prompt({
      title: `Delete ${abTest.test_id}?`,
      description: "The A/B test and its configuration will be removed.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return false
    }
    return remove
      .mutateAsync(abTest.test_id)
      .then(() => {
        toast.success(`${abTest.test_id} deleted`)
        return true
      })
      .catch((error: Error) => {
        toast.error(error.message)
        return false
      })
  }

  return { start, stop, destroy, isPending: transition.isPending || remove.isPending }
}
