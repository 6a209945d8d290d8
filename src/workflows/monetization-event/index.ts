export * from "./steps/ingest-monetization-events"
export * from "./workflows/track-monetization-events"
export * from "./workflows/get-monetization-dashboard"
