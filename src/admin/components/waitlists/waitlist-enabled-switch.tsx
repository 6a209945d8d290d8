import { Label, Switch, Text, toast } from "@medusajs/ui"
import { AdminSessionInventory, useSetSessionWaitlistEnabled } from "../../hooks/api/waitlists"

/** Waitlists are opt-in: customers can join only sessions the organizer enabled. */
export const WaitlistEnabledSwitch = ({ session }: { session: AdminSessionInventory }) => {
  const setEnabled = useSetSessionWaitlistEnabled(session.session_id)
  return (
    <div className="flex flex-col gap-1" data-testid="waitlist-enabled">
      <div className="flex items-center gap-2">
        <Switch
          id="waitlist-enabled-switch"
          checked={session.waitlist_enabled}
          disabled={setEnabled.isPending}
          onCheckedChange={(enabled) =>
            setEnabled.mutate(
              { enabled },
              {
                onSuccess: () => toast.success(enabled ? "Waitlist enabled" : "Waitlist disabled: nobody new can join"),
                onError: (failure) => toast.error(failure.message),
              }
            )
          }
        />
        <Label htmlFor="waitlist-enabled-switch" size="xsmall" weight="plus">
          Waitlist enabled
        </Label>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {session.waitlist_enabled ? "Customers can join while the session is full." : "Customers cannot join; entries already on it stay."}
      </Text>
    </div>
  )
}
