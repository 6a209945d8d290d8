export { assertCartChangeAllowed, releaseLineHolds } from "./guard"
export { validateAddToCart, validateCompleteCart, validateCreateCart, validateUpdateLineItem } from "./validators"
export type { CartChange, CartItemInput } from "./types"
