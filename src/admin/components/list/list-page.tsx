import { Container, DataTable, DataTableEmptyStateProps, useDataTable } from "@medusajs/ui"
import type { ReactNode } from "react"
import { ListPageToolbar, ListPageToolbarProps } from "./list-page-toolbar"

type ListPageProps<TData> = ListPageToolbarProps & {
  table: ReturnType<typeof useDataTable<TData>>
  testId: string
  emptyState: DataTableEmptyStateProps
  /** The page's modals and drawers. */
  children?: ReactNode
}

/** A list page: toolbar, table with its empty states, pagination, in one container. */
export function ListPage<TData>({ table, testId, emptyState, children, ...toolbar }: ListPageProps<TData>) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <DataTable instance={table}>
        <ListPageToolbar {...toolbar} />
        <DataTable.Table emptyState={emptyState} />
        <DataTable.Pagination />
      </DataTable>
      {children}
    </Container>
  )
}
