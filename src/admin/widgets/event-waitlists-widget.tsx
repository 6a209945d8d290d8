import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Switch, Table, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useEventWaitlistSettings, useSetEventWaitlistEnabled } from "../hooks/api/waitlists"

type ProductDetailsWidgetProps = { data: { id: string } }

/** Waitlists are opt-in: the organizer enables them for the whole event or per session. */
const EventWaitlistsWidget = ({ data }: ProductDetailsWidgetProps) => {
  const { data: answer, isLoading, isError, error } = useEventWaitlistSettings(data.id)
  const setEnabled = useSetEventWaitlistEnabled(data.id)
  const settings = answer?.waitlist_settings
  const change = (enabled: boolean | null, session_id?: string) =>
    setEnabled.mutate(
      { enabled, session_id },
      {
        onSuccess: () => toast.success(enabled ? "Waitlist enabled" : enabled === false ? "Waitlist disabled" : "Follows the event"),
        onError: (failure) => toast.error(failure.message),
      }
    )

  return (
    <Container className="divide-y p-0" data-testid="event-waitlists-widget">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Waitlists</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Customers can join a full session's waitlist only where it is enabled.
          </Text>
        </div>
        {settings && (
          <div className="flex items-center gap-2">
            <Switch
              id="event-waitlists-all"
              checked={settings.enabled === true}
              disabled={setEnabled.isPending}
              onCheckedChange={(on) => change(on)}
              data-testid="event-waitlists-all"
            />
            <label htmlFor="event-waitlists-all">
              <Text size="xsmall" weight="plus">
                Every session
              </Text>
            </label>
          </div>
        )}
      </div>
      {isLoading && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading waitlists…
        </Text>
      )}
      {isError && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error?.message ?? "Waitlist settings could not be loaded."}
        </Text>
      )}
      {settings && !settings.sessions.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No variant of this product manages inventory: there is no session to wait for.
        </Text>
      )}
      {settings && settings.sessions.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Session</Table.HeaderCell>
              <Table.HeaderCell>Waitlist</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {settings.sessions.map((session) => (
              <Table.Row key={session.session_id} data-testid="event-waitlists-session">
                <Table.Cell>{session.title ?? session.session_id}</Table.Cell>
                <Table.Cell>
                  <div className="flex items-center gap-2">
                    <Switch
                      checked={session.enabled}
                      disabled={setEnabled.isPending}
                      aria-label={`Waitlist of ${session.title ?? session.session_id}`}
                      onCheckedChange={(on) => change(on, session.session_id)}
                    />
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {session.own === null ? "follows the event" : "set for this session"}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Link to={`/waitlists/${encodeURIComponent(session.session_id)}`}>
                    <Text size="xsmall">Open waitlist</Text>
                  </Link>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default EventWaitlistsWidget
