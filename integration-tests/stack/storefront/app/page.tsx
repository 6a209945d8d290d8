import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query"
import {
  AdSlot,
  fetchOffers,
  OfferList,
  storeFetch,
  viewerOffersQueryKey,
  WaitlistButton,
} from "@event-monetization/storefront-widgets"
import { Headline } from "./headline"

export const dynamic = "force-dynamic"

type StoreAbTest = { test_id: string; variants: { id: string; weight: number; name: string }[] }

/** A server component: offers are fetched here and hydrated into `<OfferList>`; the rest are client widgets. */
export default async function EventPage() {
  const config = { baseUrl: process.env.MEDUSA_BACKEND_URL!, publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY! }
  const eventId = process.env.STACK_EVENT_ID!
  const sessionId = process.env.STACK_SESSION_ID!
  const offers = { eventId }
  const queryClient = new QueryClient()
  await queryClient.prefetchQuery({
    queryKey: viewerOffersQueryKey(offers, null),
    queryFn: () => fetchOffers(config, offers),
  })
  const { ab_tests } = await storeFetch<{ ab_tests: StoreAbTest[] }>(config, `/store/ab-tests?event_id=${eventId}`)
  const test = ab_tests[0]
  return (
    <main>
      <Headline
        testId={test.test_id}
        eventId={eventId}
        variants={test.variants.map((v) => ({ id: v.id, weight: v.weight, headline: v.name }))}
      />
      <AdSlot eventId={eventId} placement="EVENT_HERO" className="stack-ad" />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OfferList eventId={eventId} />
      </HydrationBoundary>
      <WaitlistButton sessionId={sessionId} />
    </main>
  )
}
