import { ArchiveBox, PencilSquare } from "@medusajs/icons"
import { createDataTableColumnHelper, Text } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminOffer } from "../../hooks/api/offers"
import { OFFER_PLACEMENT_LABELS, OFFER_TYPE_LABELS, formatSchedule } from "./offer-format"
import { OfferPrice } from "./offer-price"
import { OfferStatusBadge } from "./offer-status-badge"
import { OfferStockBar } from "./offer-stock-bar"

const columnHelper = createDataTableColumnHelper<AdminOffer>()

type OfferColumnsInput = {
  eventTitles: Map<string, string>
  onEdit: (offer: AdminOffer) => void
  onArchive: (offer: AdminOffer) => void
}

export const useOfferColumns = ({ eventTitles, onEdit, onArchive }: OfferColumnsInput) =>
  useMemo(
    () => [
      columnHelper.accessor("title", {
        header: "Title",
        cell: ({ getValue }) => (
          <Text size="small" weight="plus" className="max-w-[220px] truncate" data-testid="offer-title">
            {getValue()}
          </Text>
        ),
      }),
      columnHelper.accessor("event_id", {
        header: "Event",
        cell: ({ getValue }) => eventTitles.get(getValue()) ?? getValue(),
      }),
      columnHelper.accessor("offer_type", {
        header: "Type",
        cell: ({ getValue }) => OFFER_TYPE_LABELS[getValue()] ?? getValue(),
      }),
      columnHelper.accessor("placement", {
        header: "Placement",
        cell: ({ getValue }) => OFFER_PLACEMENT_LABELS[getValue()] ?? getValue(),
      }),
      columnHelper.accessor("price", {
        header: "Price",
        cell: ({ row }) => <OfferPrice offer={row.original} />,
      }),
      columnHelper.accessor("starts_at", {
        header: "Schedule",
        cell: ({ row }) => (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {formatSchedule(row.original.starts_at, row.original.expires_at)}
          </Text>
        ),
      }),
      columnHelper.accessor("inventory", {
        header: "Stock",
        cell: ({ getValue }) => <OfferStockBar inventory={getValue()} />,
      }),
      columnHelper.accessor("is_active", {
        header: "Status",
        cell: ({ row }) => <OfferStatusBadge offer={row.original} />,
      }),
      columnHelper.action({
        actions: ({ row }) => {
          const offer = row.original
          const edit = { label: "Edit", icon: <PencilSquare />, onClick: () => onEdit(offer) }
          if (offer.is_archived) {
            return [[edit]]
          }
          return [[edit], [{ label: "Archive", icon: <ArchiveBox />, onClick: () => onArchive(offer) }]]
        },
      }),
    ],
    [eventTitles, onEdit, onArchive]
  )
