export { GET } from "../route"
