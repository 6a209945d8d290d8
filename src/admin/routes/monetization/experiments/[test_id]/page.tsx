import { PencilSquare, PlaySolid, StopCircleSolid, Trash } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate, useParams } from "react-router-dom"
import { ExperimentFormModal } from "../../../../components/experiments/experiment-form-modal"
import { ExperimentResults } from "../../../../components/experiments/experiment-results"
import { ExperimentStatusBadge, formatDateTime } from "../../../../components/experiments/status-badge"
import { useExperimentActions } from "../../../../components/experiments/use-experiment-actions"
import { monetizationPaths } from "../../../../components/monetization-paths"
import { useAbTest } from "../../../../hooks/api/ab-tests"
import { useEventProducts } from "../../../../hooks/api/event-products"

const ExperimentDetailPage = () => {
  const { test_id = "" } = useParams()
  const navigate = useNavigate()
  const [editOpen, setEditOpen] = useState(false)
  const actions = useExperimentActions()
  const { ab_test: experiment, isLoading, isError, error } = useAbTest(test_id, { enabled: !!test_id })
  const { products } = useEventProducts()

  if (isError) {
    throw error
  }
  if (isLoading || !experiment) {
    return (
      <Container>
        <Text size="small">Loading experiment…</Text>
      </Container>
    )
  }

  const eventTitle = products?.find((product) => product.id === experiment.event_id)?.title
  const totalWeight = experiment.variants.reduce((sum, variant) => sum + variant.weight, 0)
  const control = experiment.control_variant_id ?? experiment.variants[0]?.id

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="experiment-detail">
        <div className="flex flex-col gap-3 px-6 py-4 md:flex-row md:items-center md:justify-between">
          <div className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <Heading>{experiment.name}</Heading>
              <ExperimentStatusBadge status={experiment.status} />
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {experiment.test_id} · {eventTitle ? `${eventTitle} (${experiment.event_id})` : experiment.event_id}
            </Text>
            {experiment.description && (
              <Text size="small" className="text-ui-fg-subtle">
                {experiment.description}
              </Text>
            )}
          </div>
          <div className="flex items-center gap-2">
            {experiment.status === "DRAFT" && (
              <>
                <Button size="small" variant="secondary" onClick={() => setEditOpen(true)} data-testid="experiment-edit">
                  <PencilSquare /> Edit
                </Button>
                <Button
                  size="small"
                  onClick={() => actions.start(experiment)}
                  isLoading={actions.isPending}
                  data-testid="experiment-start"
                >
                  <PlaySolid /> Start
                </Button>
              </>
            )}
            {experiment.status === "RUNNING" && (
              <Button
                size="small"
                variant="secondary"
                onClick={() => actions.stop(experiment)}
                isLoading={actions.isPending}
                data-testid="experiment-stop"
              >
                <StopCircleSolid /> Stop
              </Button>
            )}
            <Button
              size="small"
              variant="danger"
              onClick={async () => {
                if (await actions.destroy(experiment)) {
                  navigate(monetizationPaths.experiments)
                }
              }}
              data-testid="experiment-delete"
            >
              <Trash /> Delete
            </Button>
          </div>
        </div>
        <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
          <Field label="Primary goal" value={experiment.primary_goal} />
          <Field label="Started" value={formatDateTime(experiment.started_at)} />
          <Field label="Stopped" value={formatDateTime(experiment.stopped_at)} />
          <Field label="Winner" value={experiment.winner_variant_id ?? "-"} />
        </div>
        <Table data-testid="experiment-variants">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Weight</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Traffic share</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {experiment.variants.map((variant) => (
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
      {experiment.status === "DRAFT" ? (
        <Container>
          <Text size="small" className="text-ui-fg-subtle" data-testid="experiment-results-pending">
            Results appear once the experiment is started and visitors are tracked.
          </Text>
        </Container>
      ) : (
        <ExperimentResults experiment={experiment} />
      )}
      <ExperimentFormModal open={editOpen} onOpenChange={setEditOpen} experiment={experiment} />
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

export default ExperimentDetailPage
