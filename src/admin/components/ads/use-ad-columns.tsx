import { ArchiveBox, ChartBar, PencilSquare } from "@medusajs/icons"
import { createDataTableColumnHelper, Text } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminAd, AdminAdStats } from "../../hooks/api/ads"
import { formatCount, formatDateTime, formatMoney, formatPercent } from "./ad-format"
import { CONTENT_TYPE_LABELS, PLACEMENT_LABELS } from "./ad-labels"
import { AdStatusBadge } from "./ad-status-badge"
import { AdThumbnail } from "./ad-thumbnail"
import type { RotationShare } from "./rotation-share"

const columnHelper = createDataTableColumnHelper<AdminAd>()

type AdColumnsInput = {
  eventTitles: Map<string, string>
  shares: Map<string, RotationShare[]>
  onEdit: (ad: AdminAd) => void
  onReport: (ad: AdminAd) => void
  onArchive: (ad: AdminAd) => void
}

const stat = (key: keyof AdminAdStats, header: string, format: (ad: AdminAd) => string) =>
  columnHelper.display({
    id: `stats.${key}`,
    header,
    cell: ({ row }) => (
      <span className="tabular-nums" data-testid={`ad-stat-${key}`}>
        {format(row.original)}
      </span>
    ),
  })

const Schedule = ({ ad }: { ad: AdminAd }) => {
  const from = formatDateTime(ad.starts_at)
  const to = formatDateTime(ad.ends_at)
  if (!from && !to) {
    return <Text size="small">Always</Text>
  }
  return (
    <div className="flex flex-col">
      <Text size="xsmall">{from ? `From ${from}` : "From now"}</Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {to ? `Until ${to}` : "No end"}
      </Text>
    </div>
  )
}

/** The ads table: creative, targeting, status and delivery stats. */
export const useAdColumns = ({ eventTitles, shares, onEdit, onReport, onArchive }: AdColumnsInput) =>
  useMemo(
    () => [
      columnHelper.display({ id: "media", header: "", cell: ({ row }) => <AdThumbnail ad={row.original} /> }),
      columnHelper.accessor("name", {
        header: "Ad",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <Text size="small" weight="plus">
              {row.original.name}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {[row.original.sponsor_name, eventTitles.get(row.original.event_id) ?? row.original.event_id]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </div>
        ),
      }),
      columnHelper.accessor("content_type", {
        header: "Type",
        cell: ({ getValue }) => CONTENT_TYPE_LABELS[getValue()] ?? getValue(),
      }),
      columnHelper.accessor("placements", {
        header: "Placements",
        cell: ({ getValue }) => getValue().map((p) => PLACEMENT_LABELS[p] ?? p).join(", "),
      }),
      columnHelper.accessor("weight", {
        header: "Weight",
        cell: ({ row }) => (
          <div className="flex flex-col" data-testid="ad-weight">
            <Text size="small">{row.original.weight}</Text>
            {(shares.get(row.original.id) ?? []).map(({ placement, share }) => (
              <Text key={placement} size="xsmall" className="text-ui-fg-subtle whitespace-nowrap">
                {`${Math.round(share * 1000) / 10}% of ${PLACEMENT_LABELS[placement] ?? placement}`}
              </Text>
            ))}
          </div>
        ),
      }),
      columnHelper.display({ id: "schedule", header: "Schedule", cell: ({ row }) => <Schedule ad={row.original} /> }),
      columnHelper.display({ id: "status", header: "Status", cell: ({ row }) => <AdStatusBadge ad={row.original} /> }),
      stat("impressions", "Impressions", (ad) => formatCount(ad.stats.impressions)),
      stat("viewable_impressions", "Viewable", (ad) => formatCount(ad.stats.viewable_impressions)),
      stat("clicks", "Clicks", (ad) => formatCount(ad.stats.clicks)),
      stat("ctr", "CTR", (ad) => formatPercent(ad.stats.ctr)),
      stat("viewable_ctr", "Viewable CTR", (ad) => formatPercent(ad.stats.viewable_ctr)),
      stat("revenue", "Revenue", (ad) => formatMoney(ad.stats.revenue, ad.currency_code)),
      columnHelper.action({
        actions: ({ row }) => {
          const ad = row.original
          const report = { label: "Delivery report", icon: <ChartBar />, onClick: () => onReport(ad) }
          if (ad.is_archived) {
            return [[report]]
          }
          return [
            [{ label: "Edit", icon: <PencilSquare />, onClick: () => onEdit(ad) }, report],
            [{ label: "Archive", icon: <ArchiveBox />, onClick: () => onArchive(ad) }],
          ]
        },
      }),
    ],
    [eventTitles, shares, onEdit, onReport, onArchive]
  )
