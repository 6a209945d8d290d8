export * from "./monetization-event"
export * from "./abtest"
