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

type NumericStat = Exclude<keyof AdminAdStats, "ivt_reasons">

const Stat = ({ ad, stat, format }: { ad: AdminAd; stat: NumericStat; format: (value: number) => string }) => (
  <span className="tabular-nums" data-testid={`ad-stat-${stat}`}>
    {format(ad.stats[stat])}
  </span>
)

type StatPairProps = {
  ad: AdminAd
  main: NumericStat
  viewable: NumericStat
  format: (value: number) => string
}

/** A main figure with its viewable counterpart under it. */
const StatPair = ({ ad, main, viewable, format }: StatPairProps) => (
  <div className="flex flex-col">
    <Text size="small">
      <Stat ad={ad} stat={main} format={format} />
    </Text>
    <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap">
      <Stat ad={ad} stat={viewable} format={format} /> viewable
    </Text>
  </div>
)

const day = (value: string | null) => (value ? new Date(value).toLocaleDateString() : null)

const Schedule = ({ ad }: { ad: AdminAd }) => {
  if (!ad.starts_at && !ad.ends_at) {
    return <Text size="small">Always</Text>
  }
  return (
    <div
      className="flex flex-col whitespace-nowrap"
      title={`${formatDateTime(ad.starts_at) ?? "now"} → ${formatDateTime(ad.ends_at) ?? "no end"}`}
    >
      <Text size="xsmall">{day(ad.starts_at) ?? "Now"}</Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {`→ ${day(ad.ends_at) ?? "no end"}`}
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
        cell: ({ row }) => (
          <div className="flex flex-col">
            <Text size="small">{CONTENT_TYPE_LABELS[row.original.content_type] ?? row.original.content_type}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {row.original.placements.map((p) => PLACEMENT_LABELS[p] ?? p).join(", ")}
            </Text>
          </div>
        ),
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
      columnHelper.display({
        id: "impressions",
        header: "Impressions",
        cell: ({ row }) => <StatPair ad={row.original} main="impressions" viewable="viewable_impressions" format={formatCount} />,
      }),
      columnHelper.display({
        id: "clicks",
        header: "Clicks",
        cell: ({ row }) => <Stat ad={row.original} stat="clicks" format={formatCount} />,
      }),
      columnHelper.display({
        id: "ctr",
        header: "CTR",
        cell: ({ row }) => <StatPair ad={row.original} main="ctr" viewable="viewable_ctr" format={formatPercent} />,
      }),
      columnHelper.display({
        id: "revenue",
        header: "Revenue",
        cell: ({ row }) => (
          <Stat ad={row.original} stat="revenue" format={(amount) => formatMoney(amount, row.original.currency_code)} />
        ),
      }),
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
