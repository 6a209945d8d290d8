import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DataTableFilteringState, useDataTable } from "@medusajs/ui"
import { useCallback, useMemo, useState } from "react"
import { ListPage } from "../../../components/list/list-page"
import { useListPagination } from "../../../components/list/use-list-pagination"
import { AdFormModal } from "../../../components/ads/ad-form-modal"
import { AdReportDrawer } from "../../../components/ads/ad-report-drawer"
import { rotationShares } from "../../../components/ads/rotation-share"
import { useAdColumns } from "../../../components/ads/use-ad-columns"
import { adFilterQuery, useAdFilters } from "../../../components/ads/use-ad-filters"
import { useArchiveAdAction } from "../../../components/ads/use-archive-ad"
import { AdminAd, useAds } from "../../../hooks/api/ads"
import { useEventProducts } from "../../../hooks/api/event-products"
import { useFormModal } from "../../../hooks/use-form-modal"

const PAGE_SIZE = 20
/** Enough live ads to weigh every placement's rotation; the list route caps a page at 100. */
const ROTATION_QUERY = {
  is_active: true,
  is_archived: false,
  limit: 100,
  fields: "id,event_id,placements,weight,starts_at,ends_at,is_active,is_archived",
}

const AdsPage = () => {
  const { pagination, setPagination, page } = useListPagination(PAGE_SIZE)
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const form = useFormModal<AdminAd>()
  const [reporting, setReporting] = useState<AdminAd | undefined>()
  const archive = useArchiveAdAction()

  const { ads, count, isLoading, isError, error } = useAds(
    { ...adFilterQuery(filtering), ...page },
    { placeholderData: (previous) => previous }
  )
  const { ads: liveAds } = useAds(ROTATION_QUERY)
  const shares = useMemo(() => rotationShares(liveAds ?? []), [liveAds])
  const { products } = useEventProducts()
  const eventTitles = useMemo(
    () => new Map((products ?? []).map((product) => [product.id, product.title])),
    [products]
  )

  const onArchive = useCallback((ad: AdminAd) => void archive(ad), [archive])
  const columns = useAdColumns({ eventTitles, shares, onEdit: form.openEdit, onReport: setReporting, onArchive })
  const filters = useAdFilters(eventTitles)

  const table = useDataTable({
    columns,
    data: ads ?? [],
    getRowId: (row) => row.id,
    rowCount: count ?? 0,
    isLoading,
    filters,
    filtering: {
      state: filtering,
      onFilteringChange: (state) => {
        setFiltering(state)
        setPagination((p) => ({ ...p, pageIndex: 0 }))
      },
    },
    pagination: { state: pagination, onPaginationChange: setPagination },
    // Looked up by id: the table hands over its own row object, whose id is getRowId's.
    onRowClick: (_, row) => setReporting(ads?.find((ad) => ad.id === row.id)),
  })

  if (isError) {
    throw error
  }

  return (
    <ListPage
      table={table}
      testId="ads"
      title="Ads"
      description="Sponsor creatives for your events, their rotation and delivery."
      filterTestId="ad-filter-menu"
      createTestId="ad-create"
      onCreate={form.openCreate}
      emptyState={{
        empty: { heading: "No ads yet", description: "Create one to show a sponsor's creative on an event." },
        filtered: { heading: "No matching ads", description: "No ad matches these filters." },
      }}
    >
      <AdFormModal open={form.open} onOpenChange={form.setOpen} ad={form.editing} />
      <AdReportDrawer ad={reporting} onClose={() => setReporting(undefined)} />
    </ListPage>
  )
}

export const config = defineRouteConfig({
  label: "Ads",
  rank: 3,
})

export default AdsPage
