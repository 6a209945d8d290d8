import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DataTableFilteringState, useDataTable } from "@medusajs/ui"
import { useCallback, useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { ListPage } from "../../../components/list/list-page"
import { useListPagination } from "../../../components/list/use-list-pagination"
import { OfferFormModal } from "../../../components/offers/offer-form-modal"
import { useArchiveOfferPrompt } from "../../../components/offers/use-archive-offer-prompt"
import { useOfferColumns } from "../../../components/offers/use-offer-columns"
import { offerFilterParams, useOfferFilters } from "../../../components/offers/use-offer-filters"
import { useEventProducts } from "../../../hooks/api/event-products"
import { AdminOffer, useOffers } from "../../../hooks/api/offers"
import { useFormModal } from "../../../hooks/use-form-modal"

const PAGE_SIZE = 20

const OffersPage = () => {
  const [searchParams] = useSearchParams()
  // The product widget's "View all" links here with ?event_id=.
  const linkedEvent = searchParams.get("event_id") ?? undefined
  const { pagination, setPagination, page } = useListPagination(PAGE_SIZE)
  const [filtering, setFiltering] = useState<DataTableFilteringState>(linkedEvent ? { event_id: linkedEvent } : {})
  const form = useFormModal<AdminOffer>()
  const archive = useArchiveOfferPrompt()

  const { offers, count, isLoading, isError, error } = useOffers(
    { ...offerFilterParams(filtering), ...page },
    { placeholderData: (previous) => previous }
  )
  const { products } = useEventProducts()
  const eventProducts = useMemo(() => (products ?? []).map(({ id, title }) => ({ id, title })), [products])
  const eventTitles = useMemo(() => new Map(eventProducts.map((product) => [product.id, product.title])), [eventProducts])

  const onArchive = useCallback((offer: AdminOffer) => void archive(offer), [archive])
  const columns = useOfferColumns({ eventTitles, onEdit: form.openEdit, onArchive })
  const filters = useOfferFilters(eventProducts)

  const table = useDataTable({
    columns,
    filters,
    data: offers ?? [],
    getRowId: (row) => row.id,
    rowCount: count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
  })

  if (isError) {
    throw error
  }

  return (
    <ListPage
      table={table}
      testId="offers"
      title="Offers"
      description="Upsells sold around your events: price, placement, schedule and stock."
      filterTestId="offers-filter-menu"
      createTestId="offer-create"
      onCreate={form.openCreate}
      emptyState={{
        empty: { heading: "No offers yet", description: "Create an offer to sell upgrades, merchandise or services with your tickets." },
        filtered: { heading: "No offers match", description: "Change or clear the filters to see more offers." },
      }}
    >
      <OfferFormModal
        open={form.open}
        onOpenChange={form.setOpen}
        offer={form.editing}
        eventId={form.editing ? undefined : (filtering.event_id as string | undefined) ?? linkedEvent}
      />
    </ListPage>
  )
}

export const config = defineRouteConfig({
  label: "Offers",
  rank: 2,
})

export default OffersPage
