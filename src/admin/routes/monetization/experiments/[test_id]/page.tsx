import { MovedToMonetization } from "../../../../components/moved-to-monetization"

export default MovedToMonetization
