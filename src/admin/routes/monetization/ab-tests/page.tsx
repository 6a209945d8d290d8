import { defineRouteConfig } from "@medusajs/admin-sdk"
import { useDataTable } from "@medusajs/ui"
import { useMemo } from "react"
import { useNavigate } from "react-router-dom"
import { AbTestFormModal } from "../../../components/ab-tests/ab-test-form-modal"
import { useAbTestActions } from "../../../components/ab-tests/use-ab-test-actions"
import { useAbTestColumns } from "../../../components/ab-tests/use-ab-test-columns"
import { ListPage } from "../../../components/list/list-page"
import { useListPagination } from "../../../components/list/use-list-pagination"
import { monetizationPaths } from "../../../components/monetization-paths"
import { AdminAbTest, useAbTests } from "../../../hooks/api/ab-tests"
import { useEventProducts } from "../../../hooks/api/event-products"
import { useFormModal } from "../../../hooks/use-form-modal"

const PAGE_SIZE = 20

const AbTestsPage = () => {
  const navigate = useNavigate()
  const { pagination, setPagination, page } = useListPagination(PAGE_SIZE)
  const form = useFormModal<AdminAbTest>()
  const actions = useAbTestActions()

  const { ab_tests, count, isLoading, isError, error } = useAbTests(page, { placeholderData: (previous) => previous })
  const { products } = useEventProducts()
  const eventTitles = useMemo(
    () => new Map((products ?? []).map((product) => [product.id, product.title])),
    [products]
  )
  const columns = useAbTestColumns({ eventTitles, actions, onEdit: form.openEdit })

  const table = useDataTable({
    columns,
    data: ab_tests ?? [],
    getRowId: (row) => row.test_id,
    rowCount: count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    // @medusajs/ui hands over the table row (its id is getRowId's test_id), not the AdminAbTest its types claim.
    onRowClick: (_, row) => navigate(monetizationPaths.abTest((row as unknown as { id: string }).id)),
  })

  if (isError) {
    throw error
  }

  return (
    <ListPage
      table={table}
      testId="ab-tests"
      title="A/B tests"
      description="A/B tests on your events: variants, traffic split and results."
      createTestId="ab-test-create"
      onCreate={form.openCreate}
      emptyState={{ empty: { heading: "No A/B tests yet", description: "Create one to start testing variants." } }}
    >
      <AbTestFormModal
        open={form.open}
        onOpenChange={form.setOpen}
        abTest={form.editing}
        onSaved={(abTest) => {
          if (!form.editing) {
            navigate(monetizationPaths.abTest(abTest.test_id))
          }
        }}
      />
    </ListPage>
  )
}

export const config = defineRouteConfig({
  label: "A/B tests",
  rank: 4,
})

export default AbTestsPage
