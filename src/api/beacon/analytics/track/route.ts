// The store route's handler: a beacon batch is a tracking batch.
export { POST } from "../../../store/analytics/track/route"
