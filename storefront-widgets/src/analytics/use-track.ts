"use client"

import { useCallback } from "react"
import { useTrackerGetter } from "../config.js"
import { TrackInput } from "./tracker.js"

/** `track(event)` bound to the provider's tracker; stable across renders. */
export function useTrack(): (event: TrackInput) => void {
  const getTracker = useTrackerGetter()
  return useCallback((event: TrackInput) => getTracker().track(event), [getTracker])
}
