import {
  addToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { validateAddToCart, validateCompleteCart, validateCreateCart, validateUpdateLineItem } from "./validators"

/**
 * Opt-in, for a host app with no handlers of its own on these hooks: import this file once
 * from a file in the app's `src/workflows` (e.g. `import "medusa-plugin-event-monetization/cart-guard/register-hooks"`).
 * A hook takes one handler per process, so the plugin never registers them itself.
 */
createCartWorkflow.hooks.validate(validateCreateCart)
addToCartWorkflow.hooks.validate(validateAddToCart)
updateLineItemInCartWorkflow.hooks.validate(validateUpdateLineItem)
completeCartWorkflow.hooks.validate(validateCompleteCart)
