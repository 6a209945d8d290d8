import { Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { formatDateTime, formatRemaining } from "./format"

/** When an open offer lapses, with a live countdown; just the time once it is no longer open. */
export const OfferCountdown = ({ expiresAt, open }: { expiresAt: string | null; open: boolean }) => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!open || !expiresAt) {
      return
    }
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [open, expiresAt])

  if (!expiresAt) {
    return <>-</>
  }
  const remaining = open ? formatRemaining(new Date(expiresAt).getTime() - now) : null
  return (
    <div className="flex flex-col">
      <span>{formatDateTime(expiresAt)}</span>
      {open && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="waitlist-offer-countdown">
          {remaining ? `${remaining} left` : "Expiring…"}
        </Text>
      )}
    </div>
  )
}
