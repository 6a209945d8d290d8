/** Whom caps count: the customer across devices when logged in, else the storefront's session token. */
export function viewerKey(customerId: string | null | undefined, sessionToken: string | null | undefined): string | null {
  if (customerId) {
    return `customer:${customerId}`
  }
  return sessionToken ? `token:${sessionToken}` : null
}
