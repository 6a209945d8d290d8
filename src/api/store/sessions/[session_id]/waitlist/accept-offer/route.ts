export { POST } from "../accept/route"
