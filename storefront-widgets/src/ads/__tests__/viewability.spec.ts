import { createViewabilityTracker, viewabilityDuration } from "../viewability"

let visibility: DocumentVisibilityState
beforeEach(() => {
  jest.useFakeTimers()
  visibility = "visible"
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => visibility })
})
afterEach(() => jest.useRealTimers())

const make = (contentType?: string) => {
  const onViewable = jest.fn()
  const tracker = createViewabilityTracker({ durationMs: viewabilityDuration(contentType), onViewable })
  return { tracker, onViewable }
}

describe("viewability tracker", () => {
  it("fires after 1 continuous second at ≥50%, not at 0.9 s", () => {
    const { tracker, onViewable } = make("BANNER")
    tracker.onIntersection(0.5)
    jest.advanceTimersByTime(900)
    expect(onViewable).not.toHaveBeenCalled()
    jest.advanceTimersByTime(100)
    expect(onViewable).toHaveBeenCalledTimes(1)
    tracker.onIntersection(0.2)
    tracker.onIntersection(1)
    jest.advanceTimersByTime(5000)
    expect(onViewable).toHaveBeenCalledTimes(1)
  })

  it("needs 2 s for VIDEO", () => {
    const { tracker, onViewable } = make("VIDEO")
    tracker.onIntersection(0.8)
    jest.advanceTimersByTime(1999)
    expect(onViewable).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    expect(onViewable).toHaveBeenCalledTimes(1)
  })

  it("does not start below 50%", () => {
    const { tracker, onViewable } = make()
    tracker.onIntersection(0.49)
    jest.advanceTimersByTime(3000)
    expect(onViewable).not.toHaveBeenCalled()
  })

  it("resets when scrolled out before the second is up", () => {
    const { tracker, onViewable } = make()
    tracker.onIntersection(0.6)
    jest.advanceTimersByTime(800)
    tracker.onIntersection(0.3)
    tracker.onIntersection(0.6)
    jest.advanceTimersByTime(800)
    expect(onViewable).not.toHaveBeenCalled()
    jest.advanceTimersByTime(200)
    expect(onViewable).toHaveBeenCalledTimes(1)
  })

  it("resets when the tab hides and only counts while visible", () => {
    const { tracker, onViewable } = make()
    tracker.onIntersection(1)
    jest.advanceTimersByTime(700)
    visibility = "hidden"
    tracker.onVisibilityChange()
    jest.advanceTimersByTime(5000)
    expect(onViewable).not.toHaveBeenCalled()
    visibility = "visible"
    tracker.onVisibilityChange()
    jest.advanceTimersByTime(999)
    expect(onViewable).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    expect(onViewable).toHaveBeenCalledTimes(1)
  })

  it("does not start while the tab is hidden", () => {
    visibility = "hidden"
    const { tracker, onViewable } = make()
    tracker.onIntersection(1)
    jest.advanceTimersByTime(3000)
    expect(onViewable).not.toHaveBeenCalled()
  })

  it("destroy cancels a pending timer", () => {
    const { tracker, onViewable } = make()
    tracker.onIntersection(1)
    tracker.destroy()
    jest.advanceTimersByTime(3000)
    expect(onViewable).not.toHaveBeenCalled()
  })
})
