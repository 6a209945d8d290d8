import { Button, Text, toast, usePrompt } from "@medusajs/ui"
import type { AdminWaitlistEntry } from "../../hooks/api/waitlists"
import { useReleaseWaitlistEntries, useRemoveWaitlistEntries } from "../../hooks/api/waitlists"

/** Entries holding a seat: an open offer, or an accepted cart not yet ordered. */
export const holdsSeat = (entry: AdminWaitlistEntry) =>
  entry.status === "OFFERED" || (entry.status === "ACCEPTED" && !entry.consumed_at)

/** Entries still on the list (waiting or holding a seat). */
export const removable = (entry: AdminWaitlistEntry) => entry.status === "WAITING" || holdsSeat(entry)

/**
 * Release the selected entries' seats (they go back to the pool and are offered on at once) or
 * remove the selected entries from the list; both ask first, both take one entry or many.
 */
export const EntryActions = ({
  sessionId,
  selected,
  onDone,
}: {
  sessionId: string
  selected: AdminWaitlistEntry[]
  onDone: () => void
}) => {
  const prompt = usePrompt()
  const release = useReleaseWaitlistEntries(sessionId)
  const remove = useRemoveWaitlistEntries(sessionId)
  const releasable = selected.filter(holdsSeat)
  const removing = selected.filter(removable)

  const run = async (action: "release" | "remove") => {
    const entries = action === "release" ? releasable : removing
    const confirmed = await prompt({
      title: action === "release" ? "Release seats?" : "Remove from the waitlist?",
      description:
        action === "release"
          ? `${entries.length} held ${entries.length === 1 ? "seat goes" : "seats go"} back to the pool and ${entries.length === 1 ? "is" : "are"} offered to the next customers in line. The customers are told.`
          : `${entries.length} ${entries.length === 1 ? "entry leaves" : "entries leave"} the list; any seat they hold is offered on. The customers are told.`,
      confirmText: action === "release" ? "Release" : "Remove",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return
    }
    const mutation = action === "release" ? release : remove
    mutation.mutate(
      { entry_ids: entries.map((entry) => entry.id) },
      {
        onSuccess: ({ count }) => {
          toast.success(action === "release" ? `Released ${count} seat(s)` : `Removed ${count} entr${count === 1 ? "y" : "ies"}`)
          onDone()
        },
        onError: (failure) => toast.error(failure.message),
      }
    )
  }

  return (
    <div className="flex items-center gap-2" data-testid="waitlist-entry-actions">
      <Text size="xsmall" className="text-ui-fg-subtle">
        {selected.length ? `${selected.length} selected` : "Select entries to release or remove"}
      </Text>
      <Button
        size="small"
        variant="secondary"
        disabled={!releasable.length}
        isLoading={release.isPending}
        onClick={() => void run("release")}
        data-testid="waitlist-release"
      >
        Release seats{releasable.length ? ` (${releasable.length})` : ""}
      </Button>
      <Button
        size="small"
        variant="danger"
        disabled={!removing.length}
        isLoading={remove.isPending}
        onClick={() => void run("remove")}
        data-testid="waitlist-remove"
      >
        Remove{removing.length ? ` (${removing.length})` : ""}
      </Button>
    </div>
  )
}
