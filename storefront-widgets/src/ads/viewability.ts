/** MRC viewability: ≥50% of pixels in view for 1 continuous second (2 s for video), only while the tab is visible. */
export const VIEWABLE_RATIO = 0.5

export type ViewabilityOptions = {
  /** Continuous in-view time required; 1000 for display, 2000 for video. */
  durationMs: number
  onViewable: () => void
  isDocumentVisible?: () => boolean
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

export type ViewabilityTracker = {
  /** Feed each IntersectionObserver entry's `intersectionRatio`. */
  onIntersection: (ratio: number) => void
  /** Call on `visibilitychange`. */
  onVisibilityChange: () => void
  readonly fired: boolean
  destroy: () => void
}

export function viewabilityDuration(contentType?: string): number {
  return contentType === "VIDEO" ? 2000 : 1000
}

export function createViewabilityTracker(options: ViewabilityOptions): ViewabilityTracker {
  const isVisible = options.isDocumentVisible ?? (() => typeof document === "undefined" || document.visibilityState === "visible")
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  let ratio = 0
  let timer: unknown = undefined
  let fired = false
  let destroyed = false

  const stop = () => {
    if (timer !== undefined) {
      clearTimer(timer)
      timer = undefined
    }
  }
  const evaluate = () => {
    if (fired || destroyed) {
      return
    }
    if (ratio >= VIEWABLE_RATIO && isVisible()) {
      if (timer === undefined) {
        timer = setTimer(() => {
          timer = undefined
          if (!fired && !destroyed && ratio >= VIEWABLE_RATIO && isVisible()) {
            fired = true
            options.onViewable()
          }
        }, options.durationMs)
      }
    } else {
      // Any break in continuity restarts the clock.
      stop()
    }
  }

  return {
    onIntersection(next) {
      ratio = next
      evaluate()
    },
    onVisibilityChange() {
      evaluate()
    },
    get fired() {
      return fired
    },
    destroy() {
      destroyed = true
      stop()
    },
  }
}

/** Wires a tracker to an element with IntersectionObserver and `visibilitychange`; returns a cleanup. */
export function observeViewability(element: Element, options: ViewabilityOptions): () => void {
  const tracker = createViewabilityTracker(options)
  const onVisibility = () => tracker.onVisibilityChange()
  document.addEventListener("visibilitychange", onVisibility)
  let observer: IntersectionObserver | undefined
  if (typeof IntersectionObserver !== "undefined") {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          tracker.onIntersection(entry.isIntersecting ? entry.intersectionRatio : 0)
        }
      },
      { threshold: [0, 0.25, 0.5, 0.75, 1] }
    )
    observer.observe(element)
  }
  return () => {
    observer?.disconnect()
    document.removeEventListener("visibilitychange", onVisibility)
    tracker.destroy()
  }
}
