import { toast, usePrompt } from "@medusajs/ui"
import { AdminAbTest, useDeleteAbTest, useTransitionAbTest } from "../../hooks/api/ab-tests"

/** Start, stop and delete, each behind a confirmation prompt. */
export const useExperimentActions = () => {
  const prompt = usePrompt()
  const transition = useTransitionAbTest()
  const remove = useDeleteAbTest()

  const start = async (experiment: AdminAbTest) => {
    const confirmed = await prompt({
      title: `Start ${experiment.test_id}?`,
      description: "Visitors will be split between the variants and tracking starts. Variants cannot be changed afterwards.",
      confirmText: "Start",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (confirmed) {
      await transition
        .mutateAsync({ test_id: experiment.test_id, action: "start" })
        .then(() => toast.success(`${experiment.test_id} is running`))
        .catch((error: Error) => toast.error(error.message))
    }
  }

  const stop = async (experiment: AdminAbTest) => {
    const confirmed = await prompt({
      title: `Stop ${experiment.test_id}?`,
      description: "New visits and conversions will no longer be recorded. A stopped experiment cannot be restarted.",
      confirmText: "Stop",
      cancelText: "Cancel",
    })
    if (confirmed) {
      await transition
        .mutateAsync({ test_id: experiment.test_id, action: "stop" })
        .then(() => toast.success(`${experiment.test_id} stopped`))
        .catch((error: Error) => toast.error(error.message))
    }
  }

  const destroy = async (experiment: AdminAbTest): Promise<boolean> => {
    const confirmed = await prompt({
      title: `Delete ${experiment.test_id}?`,
      description: "The experiment and its configuration will be removed.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return false
    }
    return remove
      .mutateAsync(experiment.test_id)
      .then(() => {
        toast.success(`${experiment.test_id} deleted`)
        return true
      })
      .catch((error: Error) => {
        toast.error(error.message)
        return false
      })
  }

  return { start, stop, destroy, isPending: transition.isPending || remove.isPending }
}
