export * from "./steps/ingest-monetization-events"
export * from "./steps/forward-to-analytics-module"
export * from "./workflows/track-monetization-events"
export * from "./workflows/get-monetization-dashboard"
