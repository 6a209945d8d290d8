export * from "./monetization-event"
