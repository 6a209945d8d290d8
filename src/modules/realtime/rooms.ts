import type { Logger } from "@medusajs/framework/types"
import type { Socket } from "socket.io"
import { userRoom, WAITLIST_ROOM_PATTERN } from "./types"
import { isOnWaitlist } from "./waitlist-membership"

type RoomAck = (answer: { ok: boolean; error?: string }) => void

/**
 * The room protocol of an authenticated socket: its customer's own room at once, a session's
 * waitlist room on `join_room` only while the customer is on that waitlist, `leave_room` always.
 */
export function handleRooms(socket: Socket, logger: Logger) {
  const customerId = socket.data.customerId as string
  void socket.join(userRoom(customerId))
  socket.on("join_room", async (room: unknown, ack?: RoomAck) => {
    const reply: RoomAck = typeof ack === "function" ? ack : () => undefined
    const match = typeof room === "string" ? WAITLIST_ROOM_PATTERN.exec(room) : null
    if (!match) {
      return reply({ ok: false, error: "Unknown room" })
    }
    try {
      if (!(await isOnWaitlist(match[1], customerId))) {
        return reply({ ok: false, error: "You are not on this waitlist" })
      }
      await socket.join(room as string)
      reply({ ok: true })
    } catch (error) {
      logger.warn(`[realtime] join_room failed: ${(error as Error).message}`)
      reply({ ok: false, error: "Could not join the room" })
    }
  })
  socket.on("leave_room", async (room: unknown, ack?: RoomAck) => {
    if (typeof room === "string") {
      await socket.leave(room)
    }
    if (typeof ack === "function") {
      ack({ ok: true })
    }
  })
}
