import type { MedusaContainer } from "@medusajs/framework/types"
import { io, Socket } from "socket.io-client"
import { setWaitlistEnabledWorkflow } from "../../../src/workflows/waitlist"

/** A real socket.io client on the test server's own port. */
export function connectSocket(baseURL: string, token: string | undefined, via: "auth" | "query" = "auth"): Socket {
  return io(baseURL, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...(via === "auth" ? { auth: token ? { token } : {} } : { query: token ? { token } : {} }),
  })
}

export function waitForConnect(socket: Socket, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("socket did not connect")), timeoutMs)
    socket.once("connect", () => {
      clearTimeout(timer)
      resolve()
    })
    socket.once("connect_error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}

/** Resolves with the next `event` payload (rejects after `timeoutMs`). */
export function nextEvent<T = Record<string, unknown>>(socket: Socket, event: string, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs)
    socket.once(event, (payload: T) => {
      clearTimeout(timer)
      resolve(payload)
    })
  })
}

/**
 * The first `event` whose payload satisfies `matches`. Joins and leaves push position
 * updates to the whole list asynchronously, so a socket opened right after a join can
 * still receive that join's update before the one a test waits for.
 */
export function nextEventWhere<T = Record<string, unknown>>(
  socket: Socket,
  event: string,
  matches: (payload: T) => boolean,
  timeoutMs = 20_000
): Promise<T> {
  return new Promise((resolve, reject) => {
    const seen: T[] = []
    const onEvent = (payload: T) => {
      seen.push(payload)
      if (matches(payload)) {
        clearTimeout(timer)
        socket.off(event, onEvent)
        resolve(payload)
      }
    }
    const timer = setTimeout(() => {
      socket.off(event, onEvent)
      reject(new Error(`no matching ${event} within ${timeoutMs} ms; saw ${JSON.stringify(seen)}`))
    }, timeoutMs)
    socket.on(event, onEvent)
  })
}

export function emitWithAck<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return new Promise((resolve) => socket.emit(event, payload, (answer: T) => resolve(answer)))
}

export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error("condition not met in time")
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Waits until the current minute is past `fromSecond` and before `toSecond`. The every-minute
 * `expire-waitlist-offers` job also offers free seats, at second 0: a test that must see who
 * offered a seat acts well clear of that tick.
 */
export async function clearOfMinuteTick(fromSecond = 3, toSecond = 30) {
  while (new Date().getSeconds() < fromSecond || new Date().getSeconds() >= toSecond) {
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Waitlists are opt-in: the organizer enables one per session (or per product). */
export async function enableWaitlist(container: MedusaContainer, sessionId: string, enabled: boolean | null = true) {
  await setWaitlistEnabledWorkflow(container).run({ input: { scope: "session", ref_id: sessionId, enabled } })
}
