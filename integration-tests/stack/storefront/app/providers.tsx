"use client"

import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { MonetizationProvider } from "@event-monetization/storefront-widgets"
import { ReactNode, useState } from "react"

export const CUSTOMER_TOKEN_KEY = "stack_customer_token"

// Functions cannot cross from server to client components: the token getter lives here.
function readCustomerToken(): string | undefined {
  return window.localStorage.getItem(CUSTOMER_TOKEN_KEY) ?? undefined
}

export function Providers({ baseUrl, publishableKey, children }: { baseUrl: string; publishableKey: string; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }))
  return (
    <QueryClientProvider client={queryClient}>
      <MonetizationProvider baseUrl={baseUrl} publishableKey={publishableKey} getCustomerToken={readCustomerToken}>
        {children}
      </MonetizationProvider>
    </QueryClientProvider>
  )
}
