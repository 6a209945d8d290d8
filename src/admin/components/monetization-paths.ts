/** The plugin's admin pages, nested under one "Monetization" entry in the sidebar. */
export const MONETIZATION_ROOT = "/monetization"

export const monetizationPaths = {
  analytics: `${MONETIZATION_ROOT}/analytics`,
  offers: `${MONETIZATION_ROOT}/offers`,
  ads: `${MONETIZATION_ROOT}/ads`,
  experiments: `${MONETIZATION_ROOT}/experiments`,
  experiment: (testId: string) => `${MONETIZATION_ROOT}/experiments/${encodeURIComponent(testId)}`,
  waitlists: `${MONETIZATION_ROOT}/waitlists`,
  waitlist: (sessionId: string) => `${MONETIZATION_ROOT}/waitlists/${encodeURIComponent(sessionId)}`,
}
