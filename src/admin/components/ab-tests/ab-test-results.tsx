import { Alert, Badge, Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import {
  AdminAbTest,
  AdminAbTestResults,
  useAbTestResults,
  useDeclareAbTestWinner,
} from "../../hooks/api/ab-tests"

const number = new Intl.NumberFormat()
const percent = (value: number | null | undefined) => (value === null || value === undefined ? "-" : `${value.toFixed(2)}%`)
// Confidence is rounded to 2 decimals by the server: 100.00 means "above 99.99", never certainty.
const confidence = (value: number | null | undefined) =>
  value !== null && value !== undefined && value >= 99.99 ? ">99.99%" : percent(value)
const money = (value: number | null | undefined) => (value === null || value === undefined ? "-" : value.toFixed(2))

/** The statistical read-out: per-variant table, confidence, SRM check, recommendation, declare winner. */
export const AbTestResults = ({ abTest }: { abTest: AdminAbTest }) => {
  const { results, isLoading, isError, error } = useAbTestResults(abTest.test_id, {
    // A running test keeps collecting data.
    refetchInterval: abTest.status === "RUNNING" ? 30_000 : false,
  })

  return (
    <Container className="divide-y p-0" data-testid="ab-test-results">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Results</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Goal: {abTest.primary_goal}
            {results ? ` · ${number.format(results.total_impressions)} sessions · ${number.format(results.total_conversions)} conversions` : ""}
          </Text>
        </div>
        {results && <DeclareWinner abTest={abTest} results={results} />}
      </div>
      {isLoading && (
        <div className="px-6 py-4">
          <Text size="small">Loading results…</Text>
        </div>
      )}
      {isError && (
        <div className="px-6 py-4">
          <Alert variant="error">{error?.message ?? "Results could not be loaded."}</Alert>
        </div>
      )}
      {results && <ResultsBody results={results} abTest={abTest} />}
    </Container>
  )
}

const ResultsBody = ({ results, abTest }: { results: AdminAbTestResults; abTest: AdminAbTest }) => {
  const declared = abTest.winner_variant_id ?? results.declared_winner?.variant_id ?? null
  const control = results.control_variant_id ?? abTest.control_variant_id ?? abTest.variants[0]?.id
  return (
    <>
      <div className="flex flex-col gap-3 px-6 py-4">
        {!results.srm.ok && (
          <Alert variant="error" data-testid="ab-test-srm-warning">
            Sample ratio mismatch: the traffic split does not match the configured weights
            {results.srm.p_value !== null ? ` (p = ${results.srm.p_value.toExponential(2)})` : ""}. Check the
            assignment and tracking before trusting these numbers.
          </Alert>
        )}
        <Alert variant={results.winner ? "success" : "info"} data-testid="ab-test-recommendation">
          {results.recommendation}
        </Alert>
        <div className="flex flex-wrap gap-x-8 gap-y-2">
          <Stat label="Overall confidence" value={confidence(results.confidence)} testId="ab-test-confidence" />
          <Stat label="Statistical winner" value={results.winner ?? "None yet"} />
          <Stat label="Declared winner" value={declared ?? "-"} />
          <Stat label="Sample ratio" value={results.srm.ok ? "OK" : "Mismatch"} />
        </div>
      </div>
      <div className="overflow-x-auto">
        <Table data-testid="ab-test-results-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Impressions</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Conversions</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Conversion rate</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Confidence</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Revenue / session</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {results.variants.map((variant) => (
              <Table.Row key={variant.variant_id} data-testid={`ab-test-result-${variant.variant_id}`}>
                <Table.Cell>
                  <div className="flex items-center gap-2">
                    <span>{variant.name && variant.name !== variant.variant_id ? `${variant.name} (${variant.variant_id})` : variant.variant_id}</span>
                    {(variant.is_control ?? variant.variant_id === control) && (
                      <Badge size="2xsmall" color="grey">
                        Control
                      </Badge>
                    )}
                    {results.winner === variant.variant_id && (
                      <Badge size="2xsmall" color="green">
                        Winner
                      </Badge>
                    )}
                    {declared === variant.variant_id && (
                      <Badge size="2xsmall" color="blue">
                        Declared
                      </Badge>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell className="text-right">{number.format(variant.impressions)}</Table.Cell>
                <Table.Cell className="text-right">{number.format(variant.conversions)}</Table.Cell>
                <Table.Cell className="text-right">{percent(variant.conversion_rate)}</Table.Cell>
                <Table.Cell className="text-right">{confidence(variant.confidence_level)}</Table.Cell>
                <Table.Cell className="text-right">{money(variant.revenue_per_session)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  )
}

const Stat = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" weight="plus" data-testid={testId}>
      {value}
    </Text>
  </div>
)

const DeclareWinner = ({ abTest, results }: { abTest: AdminAbTest; results: AdminAbTestResults }) => {
  const prompt = usePrompt()
  const declare = useDeclareAbTestWinner(abTest.test_id)
  if (abTest.status === "DRAFT" || abTest.winner_variant_id) {
    return null
  }
  const onClick = async () => {
    const candidate = results.winner
    const confirmed = await prompt({
      title: candidate ? `Declare ${candidate} the winner?` : "No significant winner",
      description: candidate
        ? `${results.recommendation} The decision is recorded with these statistics and the A/B test stops.`
        : `${results.recommendation} Declaring a winner without significance is not supported here yet; keep the A/B test running.`,
      confirmText: candidate ? "Declare winner" : "OK",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (confirmed && candidate) {
      declare
        .mutateAsync({ variant_id: candidate })
        .then(() => toast.success(`${candidate} declared the winner`))
        .catch((error: Error) => toast.error(error.message))
    }
  }
  return (
    <Button size="small" variant="secondary" onClick={onClick} isLoading={declare.isPending} data-testid="ab-test-declare-winner">
      Declare winner
    </Button>
  )
}
