import { toast, usePrompt } from "@medusajs/ui"
import { AdminOffer, useArchiveOffer } from "../../hooks/api/offers"

/** Archive behind a confirmation; resolves whether the offer was archived. */
export const useArchiveOfferPrompt = () => {
  const prompt = usePrompt()
  const archive = useArchiveOffer()
  return async (offer: AdminOffer): Promise<boolean> => {
    const confirmed = await prompt({
      title: `Archive "${offer.title}"?`,
      description:
        "Customers will no longer see or buy it. Its sales stay in your reports; open holds run out as usual. This cannot be undone.",
      confirmText: "Archive",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return false
    }
    return archive
      .mutateAsync(offer.id)
      .then(() => {
        toast.success(`Offer "${offer.title}" archived`)
        return true
      })
      .catch((error: Error) => {
        toast.error(error.message)
        return false
      })
  }
}
