import { DataTablePaginationState } from "@medusajs/ui"
import { useState } from "react"

/** A list page's pagination state and the `limit`/`offset` query it stands for. */
export function useListPagination(pageSize: number) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize })
  return {
    pagination,
    setPagination,
    page: { limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize },
  }
}
