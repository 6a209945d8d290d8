import { Container, Heading, Table } from "@medusajs/ui"

/** A right-aligned figure column: its header and how a row shows it. */
export type PerformerColumn<T> = { header: string; cell: (row: T) => string }

type TopPerformersTableProps<T extends { entity_id: string; name: string }> = {
  title: string
  entityLabel: string
  rows: T[]
  columns: PerformerColumn<T>[]
  testId: string
}

/** Top offers or ads of the range: the name (id on hover), then one column per figure. */
export function TopPerformersTable<T extends { entity_id: string; name: string }>({
  title,
  entityLabel,
  rows,
  columns,
  testId,
}: TopPerformersTableProps<T>) {
  return (
    <Container className="p-0" data-testid={testId}>
      <div className="px-6 py-4">
        <Heading level="h3">{title}</Heading>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{entityLabel}</Table.HeaderCell>
            {columns.map((column) => (
              <Table.HeaderCell key={column.header} className="text-right">
                {column.header}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.length === 0 && (
            <Table.Row>
              <td colSpan={columns.length + 1} className="txt-compact-small text-ui-fg-subtle h-10 px-6">
                No data in this range
              </td>
            </Table.Row>
          )}
          {rows.map((row) => (
            <Table.Row key={row.entity_id}>
              <Table.Cell title={row.entity_id}>{row.name}</Table.Cell>
              {columns.map((column) => (
                <Table.Cell key={column.header} className="text-right">
                  {column.cell(row)}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}
