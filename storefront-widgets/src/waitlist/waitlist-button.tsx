"use client"

import { useEffect, useState } from "react"
import { StoreApiError } from "../store-api.js"
import { useSessionWaitlist, UseSessionWaitlistOptions } from "./use-session-waitlist.js"

export type WaitlistButtonProps = UseSessionWaitlistOptions & {
  sessionId: string
  /** @deprecated Unused: joins, accepts and declines are recorded by the server, never by the widget. */
  eventId?: string
  quantity?: number
  onAccepted?: (cart: { id: string; [key: string]: unknown }) => void
  className?: string
}

function useSecondsLeft(expiresAt: string | undefined): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!expiresAt) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [expiresAt])
  return expiresAt ? Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000)) : 0
}

export function formatCountdown(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return `${m}:${String(s).padStart(2, "0")}`
}

/**
 * Join a full session's waitlist, see the live position, and accept or decline an offered seat.
 * It reports no analytics: the server records every join, accept and decline itself.
 */
export function WaitlistButton({ sessionId, eventId: _eventId, quantity, onAccepted, className, ...socket }: WaitlistButtonProps) {
  const w = useSessionWaitlist(sessionId, socket)
  const offeredElsewhere = !w.offer && w.entry?.status === "OFFERED" ? w.entry.offer?.expires_at ?? undefined : undefined
  const secondsLeft = useSecondsLeft(w.offer?.expires_at ?? offeredElsewhere)
  const cls = className ?? "em-waitlist"

  if (!w.isLoggedIn) return <p className={cls}>Log in to join the waitlist.</p>
  if (w.isLoading) return <p className={cls}>Loading waitlist…</p>

  const error =
    w.error && (w.error instanceof StoreApiError && w.error.status === 409 ? "This session has seats left: buy it instead." : w.error.message)
  const errorLine = error ? <p role="alert">{error}</p> : null
  const entry = w.entry

  if (w.offer && (secondsLeft > 0 || !entry || entry.status === "OFFERED")) {
    if (secondsLeft <= 0) {
      return (
        <div className={cls}>
          <p>Your offer has expired.</p>
        </div>
      )
    }
    return (
      <div className={cls}>
        <p>
          <strong>{w.offer.title ?? "A seat is available!"}</strong>
        </p>
        {w.offer.message && <p>{w.offer.message}</p>}
        <p>Offer expires in {formatCountdown(secondsLeft)}</p>
        <button
          type="button"
          disabled={w.isPending}
          onClick={async () => {
            const body = await w.accept()
            if (body?.cart) onAccepted?.(body.cart)
          }}
        >
          Accept
        </button>
        <button
          type="button"
          disabled={w.isPending}
          onClick={() => void w.decline()}
        >
          Decline
        </button>
        {errorLine}
      </div>
    )
  }

  if (entry?.status === "WAITING") {
    return (
      <div className={cls}>
        <p>
          You are #{entry.position ?? "?"} of {entry.total ?? "?"}
          {entry.estimated_wait_minutes != null && `, ~${entry.estimated_wait_minutes} min`}
        </p>
        <button type="button" disabled={w.isPending} onClick={() => void w.leave()}>
          Leave waitlist
        </button>
        {errorLine}
      </div>
    )
  }

  if (entry?.status === "OFFERED" && offeredElsewhere) {
    // No join token here (neither pushed to this tab nor from an accept link): accept where notified.
    return (
      <div className={cls}>
        <p>
          {secondsLeft > 0
            ? `A seat is offered to you (${formatCountdown(secondsLeft)} left). Accept it from the link we sent you, or where you were notified.`
            : "Your offer has expired."}
        </p>
      </div>
    )
  }

  if (entry?.status === "ACCEPTED") {
    return <p className={cls}>Your seat is held in your cart.</p>
  }

  const expired = w.expiredMessage ?? (entry?.status === "EXPIRED" ? "Your offer has expired." : null)
  return (
    <div className={cls}>
      {expired && <p>{expired}</p>}
      {entry?.status === "DECLINED" && <p>You declined the offer.</p>}
      <button
        type="button"
        disabled={w.isPending}
        onClick={() => void w.join(quantity)}
      >
        Join waitlist
      </button>
      {errorLine}
    </div>
  )
}
