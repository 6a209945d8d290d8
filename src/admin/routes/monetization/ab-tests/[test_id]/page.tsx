import { PencilSquare, PlaySolid, StopCircleSolid, Trash } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate, useParams } from "react-router-dom"
import { AbTestFormModal } from "../../../../components/ab-tests/ab-test-form-modal"
import { AbTestResults } from "../../../../components/ab-tests/ab-test-results"
import { AbTestStatusBadge, formatDateTime } from "../../../../components/ab-tests/ab-test-status-badge"
import { useAbTestActions } from "../../../../components/ab-tests/use-ab-test-actions"
import { monetizationPaths } from "../../../../components/monetization-paths"
import { useAbTest } from "../../../../hooks/api/ab-tests"
import { useEventProducts } from "../../../../hooks/api/event-products"

const AbTestDetailPage = () => {
  const { test_id = "" } = useParams()
  const navigate = useNavigate()
  const [editOpen, setEditOpen] = useState(false)
  const actions = useAbTestActions()
  const { ab_test: abTest, isLoading, isError, error } = useAbTest(test_id, { enabled: !!test_id })
  const { products } = useEventProducts()

  if (isError) {
    throw error
  }
  if (isLoading || !abTest) {
    return (
      <Container>
        <Text size="small">Loading A/B test…</Text>
      </Container>
    )
  }

  const eventTitle = products?.find((product) => product.id === abTest.event_id)?.title
  const totalWeight = abTest.variants.reduce((sum, variant) => sum + variant.weight, 0)
  const control = abTest.control_variant_id ?? abTest.variants[0]?.id

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="ab-test-detail">
        <div className="flex flex-col gap-3 px-6 py-4 md:flex-row md:items-center md:justify-between">
          <div className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <Heading>{abTest.name}</Heading>
              <AbTestStatusBadge status={abTest.status} />
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {abTest.test_id} · {eventTitle ? `${eventTitle} (${abTest.event_id})` : abTest.event_id}
            </Text>
            {abTest.description && (
              <Text size="small" className="text-ui-fg-subtle">
                {abTest.description}
              </Text>
            )}
          </div>
          <div className="flex items-center gap-2">
            {abTest.status === "DRAFT" && (
              <>
                <Button size="small" variant="secondary" onClick={() => setEditOpen(true)} data-testid="ab-test-edit">
                  <PencilSquare /> Edit
                </Button>
                <Button
                  size="small"
                  onClick={() => actions.start(abTest)}
                  isLoading={actions.isPending}
                  data-testid="ab-test-start"
                >
                  <PlaySolid /> Start
                </Button>
              </>
            )}
            {abTest.status === "RUNNING" && (
              <Button
                size="small"
                variant="secondary"
                onClick={() => actions.stop(abTest)}
                isLoading={actions.isPending}
                data-testid="ab-test-stop"
              >
                <StopCircleSolid /> Stop
              </Button>
            )}
            <Button
              size="small"
              variant="danger"
              onClick={async () => {
                if (await actions.destroy(abTest)) {
                  navigate(monetizationPaths.abTests)
                }
              }}
              data-testid="ab-test-delete"
            >
              <Trash /> Delete
            </Button>
          </div>
        </div>
        <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
          <Field label="Primary goal" value={abTest.primary_goal} />
          <Field label="Started" value={formatDateTime(abTest.started_at)} />
          <Field label="Stopped" value={formatDateTime(abTest.stopped_at)} />
          <Field label="Winner" value={abTest.winner_variant_id ?? "-"} />
        </div>
        <Table data-testid="ab-test-variants">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Weight</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Traffic share</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {abTest.variants.map((variant) => (
              <Table.Row key={variant.id}>
                <Table.Cell>
                  {variant.id}
                  {variant.id === control ? " (control)" : ""}
                </Table.Cell>
                <Table.Cell>{variant.name}</Table.Cell>
                <Table.Cell className="text-right">{variant.weight}</Table.Cell>
                <Table.Cell className="text-right">
                  {totalWeight > 0 ? `${Math.round((variant.weight / totalWeight) * 1000) / 10}%` : "-"}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      {abTest.status === "DRAFT" ? (
        <Container>
          <Text size="small" className="text-ui-fg-subtle" data-testid="ab-test-results-pending">
            Results appear once the A/B test is started and visitors are tracked.
          </Text>
        </Container>
      ) : (
        <AbTestResults abTest={abTest} />
      )}
      <AbTestFormModal open={editOpen} onOpenChange={setEditOpen} abTest={abTest} />
    </div>
  )
}

const Field = ({ label, value }: { label: string; value: string }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" weight="plus">
      {value}
    </Text>
  </div>
)

export default AbTestDetailPage
