/**
 * The seed's ad defaults, shared by the model, the admin route and the admin form; every one is
 * the organizer's to override (`frequency_cap: null` and `aspect_ratio: null` mean none).
 * Cap: impressions per viewer per window; duration: seconds before the slot rotates on;
 * aspect ratio: the slot's shape.
 */
export const AD_DEFAULTS = {
  frequency_cap: 3,
  frequency_window_hours: 24,
  display_duration_seconds: 30,
  aspect_ratio: "16:9",
} as const
