import { toast, usePrompt } from "@medusajs/ui"
import { AdminAd, useArchiveAd } from "../../hooks/api/ads"

/** Archive behind a confirmation; resolves true when the ad was archived. */
export const useArchiveAdAction = () => {
  const prompt = usePrompt()
  const archive = useArchiveAd()
  return async (ad: AdminAd): Promise<boolean> => {
    const confirmed = await prompt({
      title: `Archive "${ad.name}"?`,
      description: "The ad stops serving at once and cannot be edited afterwards. Its delivery history and revenue stay reportable.",
      confirmText: "Archive",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return false
    }
    return archive
      .mutateAsync(ad.id)
      .then(() => {
        toast.success(`Ad "${ad.name}" archived`)
        return true
      })
      .catch((error: Error) => {
        toast.error(error.message)
        return false
      })
  }
}
