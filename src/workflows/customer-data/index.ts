export * from "./steps/end-customer-waitlist-entries"
export * from "./steps/find-customer-offer-holds"
export * from "./steps/erase-customer-records"
export * from "./workflows/erase-customer-data"
