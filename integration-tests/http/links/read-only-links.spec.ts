import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ABTEST_MODULE } from "../../../src/modules/abtest"
import type AbTestModuleService from "../../../src/modules/abtest/service"
import { WAITLIST_MODULE } from "../../../src/modules/waitlist"
import type WaitlistModuleService from "../../../src/modules/waitlist/service"
import { adminHeaders } from "../../helpers/auth"
import { createStoreSetup } from "../../helpers/store-setup"
import { TicketProduct } from "../../helpers/ticket-product"
import { createAd, uniqueEventId } from "../ads/fixtures"
import { createOfferFixtures, offerBody } from "../offers/fixtures"

jest.setTimeout(300_000)

/** The plugin's rows reach the product and customer they name through Query, without link tables. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let event: TicketProduct
    let merch: TicketProduct

    beforeEach(async () => {
      ;({ event, merch } = await createOfferFixtures(getContainer(), await createStoreSetup(getContainer(), { withStripe: false })))
    })

    const graph = (entity: string, fields: string[], id: string) =>
      getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity, fields, filters: { id } })
        .then(({ data }) => data[0] as Record<string, { id: string } | null>)

    describe("query.graph", () => {
      it("reads an offer's, an ad's and an A/B test's event product", async () => {
        const offer = await api.post("/admin/offers", offerBody(event.productId, merch.variantId), await adminHeaders(api, getContainer()))
        const ad = await createAd(getContainer(), event.productId)
        const abtest: AbTestModuleService = getContainer().resolve(ABTEST_MODULE)
        const experiment = await abtest.createAbExperiments({
          test_id: `links-${uniqueEventId()}`,
          event_id: event.productId,
          name: "Hero headline",
          variants: [{ id: "a", name: "A", weight: 1 }] as unknown as Record<string, unknown>,
          primary_goal: "purchase",
        })

        expect((await graph("offer", ["id", "product.id"], offer.data.offer.id)).product).toEqual({ id: event.productId })
        expect((await graph("ad", ["id", "product.id"], ad.id)).product).toEqual({ id: event.productId })
        expect((await graph("ab_experiment", ["id", "product.id"], experiment.id)).product).toEqual({ id: event.productId })
      })

      it("reads a waitlist entry's customer and session variant", async () => {
        const [customer] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .createCustomers([{ email: "links@example.com" }])
        const waitlist: WaitlistModuleService = getContainer().resolve(WAITLIST_MODULE)
        const entry = await waitlist.createWaitlistEntries({ session_id: event.variantId, customer_id: customer.id, ordinal: 1 })

        const read = await graph("waitlist_entry", ["id", "customer.id", "product_variant.id"], entry.id)
        expect(read.customer).toEqual({ id: customer.id })
        expect(read.product_variant).toEqual({ id: event.variantId })
      })
    })
  },
})
