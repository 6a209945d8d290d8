/**
 * The store routes' response shapes, importable without React (`@event-monetization/storefront-widgets/types`).
 * Declared once beside the plugin's routes (src/types) and emitted into this package's dist with it.
 */

export type {
  OfferHold,
  OfferInventory,
  OfferPurchaseResult,
  StoreOffer,
  StoreOfferAvailabilityResponse,
  StoreOfferHoldResponse,
  StoreOfferListResponse,
  StoreOfferPurchase,
  StoreOfferPurchaseListResponse,
  StoreOfferResponse,
} from "../../src/types/offers/http.js"
export type {
  StoreAd,
  StoreAdClickResponse,
  StoreAdImpressionReceipt,
  StoreAdListResponse,
} from "../../src/types/ads/http.js"
export type { IngestionReceipt, PaginatedResponse, RejectedItem } from "../../src/types/common/http.js"
export type {
  StoreWaitlistAcceptResponse,
  StoreWaitlistEntryResponse,
  StoreWaitlistLeaveResponse,
  WaitlistEntry,
  WaitlistOffer,
  WaitlistStatus,
} from "../../src/types/waitlists/http.js"
export type { ABVariantWeight } from "../../src/shared/ab-assignment.js"
