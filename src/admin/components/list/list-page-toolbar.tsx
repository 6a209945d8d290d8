import { Button, DataTable, Heading, Text } from "@medusajs/ui"

export type ListPageToolbarProps = {
  title: string
  description: string
  /** Shown when the table has filters; the test id goes on the menu's wrapper. */
  filterTestId?: string
  filterTooltip?: string
  /** A "Create" button when given. */
  onCreate?: () => void
  createTestId?: string
}

/** A list page's heading, its filter menu and its "Create" button, as Medusa's own list pages lay them out. */
export const ListPageToolbar = ({
  title,
  description,
  filterTestId,
  filterTooltip = "Filter",
  onCreate,
  createTestId,
}: ListPageToolbarProps) => (
  <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
    <div>
      <Heading>{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    <div className="flex items-center gap-x-2">
      {filterTestId && (
        <div data-testid={filterTestId}>
          <DataTable.FilterMenu tooltip={filterTooltip} />
        </div>
      )}
      {onCreate && (
        <Button size="small" variant="secondary" onClick={onCreate} data-testid={createTestId}>
          Create
        </Button>
      )}
    </div>
  </DataTable.Toolbar>
)
