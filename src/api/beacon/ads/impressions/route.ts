// The store route's handler: a beacon batch is an impression batch.
export { POST } from "../../../store/ads/impressions/route"
