import { MonetizationEventType } from "./types"

/** An inclusive range of UTC days, each 'YYYY-MM-DD'. */
export type DayRange = { event_id: string; date_from: string; date_to: string }

export type EntityCount = { type: MonetizationEventType; entity_id: string; count: number }
export type DayCount = { day: string; type: MonetizationEventType; count: number }
export type DayEntityCount = DayCount & { entity_id: string }

export type WaitTimeAverage = { average_minutes: number | null; samples: number }

/** How many accepted waitlist offers (newest first) the average wait is computed over. */
export const MAX_WAIT_SAMPLES = 10_000
