import { Drawer, Heading, Text } from "@medusajs/ui"
import type { AdminAd } from "../../hooks/api/ads"
import { useAd } from "../../hooks/api/ads"
import { formatCount, formatMoney, formatPercent } from "./ad-format"
import { PRICING_MODEL_LABELS } from "./ad-labels"
import { AdStatusBadge } from "./ad-status-badge"
import { AdThumbnail } from "./ad-thumbnail"

const Row = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <div className="flex items-center justify-between py-2">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" weight="plus" className="tabular-nums" data-testid={testId}>
      {value}
    </Text>
  </div>
)

const IVT_REASON_LABELS: Record<string, string> = {
  bot_user_agent: "known bot",
  prefetch: "prefetch",
  click_too_fast: "click within 1 s of the impression",
  unsigned: "no serve to this viewer",
  bad_signature: "forged or foreign serve token",
  expired: "serve token expired",
  replayed: "signed click URL used again",
  duplicate_click: "repeat click by the same viewer",
  ip_rate_limited: "over the hourly cap of its network",
}

/** Why traffic was filtered, one line per kind and reason (nothing when all traffic was valid). */
const IvtReasonRows = ({ reasons }: { reasons: AdminAd["stats"]["ivt_reasons"] }) => (
  <>
    {(["impressions", "clicks"] as const).flatMap((kind) =>
      Object.entries(reasons[kind]).map(([reason, count]) => (
        <Row
          key={`${kind}-${reason}`}
          label={`${kind === "impressions" ? "Impressions" : "Clicks"}: ${IVT_REASON_LABELS[reason] ?? reason}`}
          value={formatCount(count)}
          testId={`ad-report-ivt-${kind}-${reason}`}
        />
      ))
    )}
  </>
)

/** One ad's full delivery report, re-read so it is current. */
export const AdReportDrawer = ({ ad, onClose }: { ad?: AdminAd; onClose: () => void }) => {
  const { ad: fresh } = useAd(ad?.id ?? "", { enabled: !!ad, placeholderData: ad ? { ad } : undefined })
  const current = fresh ?? ad
  return (
    <Drawer open={!!ad} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="ad-report">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{current?.name ?? "Ad"}</Heading>
          </Drawer.Title>
          <Drawer.Description asChild>
            <Text size="small" className="text-ui-fg-subtle">
              Delivery since the ad was created. Invalid traffic (bots, prefetches, hits without a serve to that viewer,
              replays, repeats, traffic over a network's hourly cap) is counted apart and never billed.
            </Text>
          </Drawer.Description>
        </Drawer.Header>
        {current && (
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            <div className="flex items-center gap-x-3">
              <AdThumbnail ad={current} />
              <AdStatusBadge ad={current} />
            </div>
            <section className="divide-y">
              <Heading level="h3" className="pb-2">
                Valid traffic
              </Heading>
              <Row label="Impressions" value={formatCount(current.stats.impressions)} />
              <Row label="Viewable impressions" value={formatCount(current.stats.viewable_impressions)} />
              <Row label="Clicks" value={formatCount(current.stats.clicks)} />
              <Row label="CTR" value={formatPercent(current.stats.ctr)} />
              <Row label="Viewable CTR" value={formatPercent(current.stats.viewable_ctr)} />
            </section>
            <section className="divide-y">
              <Heading level="h3" className="pb-2">
                Invalid traffic
              </Heading>
              <Row label="Impressions" value={formatCount(current.stats.ivt_impressions)} testId="ad-report-ivt-impressions" />
              <Row label="Clicks" value={formatCount(current.stats.ivt_clicks)} testId="ad-report-ivt-clicks" />
              <IvtReasonRows reasons={current.stats.ivt_reasons} />
            </section>
            <section className="divide-y">
              <Heading level="h3" className="pb-2">
                Sponsor revenue
              </Heading>
              <Row label="Pricing" value={`${PRICING_MODEL_LABELS[current.pricing_model]} · ${formatMoney(current.rate, current.currency_code)}`} />
              <Row label="Revenue" value={formatMoney(current.stats.revenue, current.currency_code)} testId="ad-report-revenue" />
            </section>
          </Drawer.Body>
        )}
      </Drawer.Content>
    </Drawer>
  )
}
