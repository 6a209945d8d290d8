import { Text } from "@medusajs/ui"
import type { AdminOfferInventory } from "../../hooks/api/offers"

export function stockLabel({ total, sold, reserved, available }: AdminOfferInventory): string {
  return total === null
    ? `${sold} sold, ${reserved} held, unlimited stock`
    : `${sold} sold, ${reserved} held, ${available ?? 0} available of ${total}`
}

const percent = (part: number, total: number) => `${Math.min(100, (part / total) * 100)}%`

/** Sold / held / available of the total, as a bar and as numbers. */
export const OfferStockBar = ({ inventory }: { inventory: AdminOfferInventory }) => {
  const { total, sold, reserved, available } = inventory
  const label = stockLabel(inventory)
  return (
    <div className="flex min-w-[140px] flex-col gap-y-1" data-testid="offer-stock" role="group" aria-label={label}>
      {total !== null && total > 0 && (
        <div className="bg-ui-bg-component flex h-1.5 w-full overflow-hidden rounded-full shadow-borders-base" aria-hidden>
          <div className="bg-ui-tag-green-icon h-full" style={{ width: percent(sold, total) }} />
          <div className="bg-ui-tag-orange-icon h-full" style={{ width: percent(reserved, total) }} />
        </div>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle whitespace-nowrap" aria-hidden>
        {total === null ? `${sold} sold · ${reserved} held · unlimited` : `${sold} sold · ${reserved} held · ${available ?? 0} / ${total} left`}
      </Text>
    </div>
  )
}
