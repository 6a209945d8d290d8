import { Button, Input, Label, Text, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { AdminSessionInventory, useOfferNextWaitlistSeats } from "../../hooks/api/waitlists"

/** Why `value` cannot be sent, or null. The server caps at the free seats too; this says so first. */
function validate(value: string, freeSeats: number): string | null {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1) {
    return "Enter a whole number of at least 1."
  }
  if (n > freeSeats) {
    return `Only ${freeSeats} free ${freeSeats === 1 ? "seat" : "seats"} can be offered.`
  }
  return null
}

/** "Offer next N": offers free seats to the first customers in line. */
export const OfferNextForm = ({ session }: { session: AdminSessionInventory }) => {
  const [value, setValue] = useState("1")
  const [error, setError] = useState<string | null>(null)
  const offerNext = useOfferNextWaitlistSeats(session.session_id)
  const nothingToOffer = session.offerable < 1 || session.waiting < 1
  const reason =
    session.offerable < 1
      ? "No free seats: raise capacity or wait for a seat to free up."
      : session.waiting < 1
        ? "Nobody is waiting."
        : `${session.offerable} free ${session.offerable === 1 ? "seat" : "seats"}, ${session.waiting} waiting.`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = validate(value, session.offerable)
    setError(problem)
    if (problem) {
      return
    }
    offerNext.mutate(
      { count: Number(value) },
      {
        onSuccess: ({ offered }) => {
          if (offered.length) {
            toast.success(`Offered a seat to ${offered.length} ${offered.length === 1 ? "customer" : "customers"}`)
          } else {
            toast.info("Nobody was offered a seat: no free seat fits the next customer in line.")
          }
        },
        onError: (failure) => toast.error(failure.message),
      }
    )
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-1" data-testid="waitlist-offer-next" noValidate>
      <div className="flex items-end gap-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="waitlist-offer-count" size="xsmall" weight="plus">
            Offer next
          </Label>
          <Input
            id="waitlist-offer-count"
            type="number"
            size="small"
            min={1}
            max={Math.max(1, session.offerable)}
            step={1}
            className="w-24"
            value={value}
            disabled={nothingToOffer}
            aria-invalid={!!error}
            onChange={(event) => {
              setValue(event.target.value)
              setError(null)
            }}
          />
        </div>
        <Button
          type="submit"
          size="small"
          disabled={nothingToOffer}
          isLoading={offerNext.isPending}
          data-testid="waitlist-offer-next-submit"
        >
          Offer next {Number(value) >= 1 ? value : "N"}
        </Button>
      </div>
      {error ? (
        <Text size="xsmall" className="text-ui-fg-error" data-testid="waitlist-offer-next-error">
          {error}
        </Text>
      ) : (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="waitlist-offer-next-hint">
          {reason}
        </Text>
      )}
    </form>
  )
}
