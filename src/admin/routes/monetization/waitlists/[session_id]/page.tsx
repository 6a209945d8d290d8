import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { OfferNextForm } from "../../../../components/waitlists/offer-next-form"
import { SessionKpis } from "../../../../components/waitlists/session-kpis"
import { WaitlistEnabledSwitch } from "../../../../components/waitlists/waitlist-enabled-switch"
import { WaitlistEntriesTable } from "../../../../components/waitlists/waitlist-entries-table"
import { useSessionWaitlist } from "../../../../hooks/api/waitlists"

// Offers lapse and customers join or leave while the organizer watches.
const REFRESH_MS = 5_000
/** Entries per page (the route answers at most 100). */
const PAGE_SIZE = 50

const SessionWaitlistPage = () => {
  const { session_id = "" } = useParams()
  const [pageIndex, setPageIndex] = useState(0)
  const { session, status_counts, waitlist_entries, count, isLoading, isError, error } = useSessionWaitlist(
    session_id,
    { limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE },
    { enabled: !!session_id, refetchInterval: REFRESH_MS, placeholderData: (previous) => previous }
  )

  if (isError) {
    throw error
  }
  if (isLoading || !session || !waitlist_entries || !status_counts) {
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
      <SessionKpis session={session} counts={status_counts} />
      <WaitlistEntriesTable sessionId={session.session_id} entries={waitlist_entries} />
      <EntriesPager pageIndex={pageIndex} count={count ?? 0} onChange={setPageIndex} />
    </div>
  )
}

/** Previous / next over the entries; a list of thousands is read a page at a time. */
const EntriesPager = ({ pageIndex, count, onChange }: { pageIndex: number; count: number; onChange: (page: number) => void }) => {
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE))
  if (pages === 1) {
    return null
  }
  const first = pageIndex * PAGE_SIZE + 1
  const last = Math.min(count, (pageIndex + 1) * PAGE_SIZE)
  return (
    <Container className="flex items-center justify-between px-6 py-3" data-testid="waitlist-entries-pager">
      <Text size="small" className="text-ui-fg-subtle">
        {first}–{last} of {count} entries
      </Text>
      <div className="flex gap-2">
        <Button size="small" variant="secondary" disabled={pageIndex === 0} onClick={() => onChange(pageIndex - 1)}>
          Previous
        </Button>
        <Button
          size="small"
          variant="secondary"
          disabled={pageIndex + 1 >= pages}
          onClick={() => onChange(pageIndex + 1)}
        >
          Next
        </Button>
      </div>
    </Container>
  )
}

export default SessionWaitlistPage
