import { Container, Heading, Text } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { OfferNextForm } from "../../../components/waitlists/offer-next-form"
import { SessionKpis } from "../../../components/waitlists/session-kpis"
import { WaitlistEnabledSwitch } from "../../../components/waitlists/waitlist-enabled-switch"
import { WaitlistEntriesTable } from "../../../components/waitlists/waitlist-entries-table"
import { useSessionWaitlist } from "../../../hooks/api/waitlists"

// Offers lapse and customers join or leave while the organizer watches.
const REFRESH_MS = 5_000

const SessionWaitlistPage = () => {
  const { session_id = "" } = useParams()
  const { session, waitlist_entries, isLoading, isError, error } = useSessionWaitlist(session_id, {
    enabled: !!session_id,
    refetchInterval: REFRESH_MS,
  })

  if (isError) {
    throw error
  }
  if (isLoading || !session || !waitlist_entries) {
    return (
      <Container>
        <Text size="small">Loading waitlist…</Text>
      </Container>
    )
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="waitlist-detail">
      <Container className="flex flex-col gap-4 px-6 py-4 md:flex-row md:items-start md:justify-between">
        <div className="flex flex-col gap-1">
          <Heading>{session.title || session.session_id}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Waitlist of session {session.session_id}
          </Text>
        </div>
        <div className="flex flex-col gap-3 md:items-end">
          <WaitlistEnabledSwitch session={session} />
          <OfferNextForm session={session} />
        </div>
      </Container>
      <SessionKpis session={session} entries={waitlist_entries} />
      <WaitlistEntriesTable sessionId={session.session_id} entries={waitlist_entries} />
    </div>
  )
}

export default SessionWaitlistPage
