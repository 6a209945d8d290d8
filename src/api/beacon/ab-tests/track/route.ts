// The store route's handler: a beacon batch of A/B events is a tracking batch.
export { POST } from "../../../store/ab-tests/track/route"
