import { StrictMode, useState } from "react"
import { createRoot } from "react-dom/client"
import { MonetizationProvider, useABTest, useTrack } from "../../storefront-widgets/src"

type DemoInfo = { backend_url: string; publishable_key: string; event_id: string; experiment?: DemoExperiment }
type DemoExperiment = { test_id: string; variants: { id: string; weight: number; headline: string }[] }

function HeroExperiment({ info, experiment }: { info: DemoInfo; experiment: DemoExperiment }) {
  const { variant, trackConversion } = useABTest(experiment.test_id, experiment.variants, { eventId: info.event_id })
  const [converted, setConverted] = useState(false)
  const headline = experiment.variants.find((v) => v.id === variant)?.headline
  return (
    <section>
      <p className="muted">A/B test “{experiment.test_id}” — this browser sees variant {variant}</p>
      <h1>{headline}</h1>
      <button
        onClick={async () => {
          await trackConversion(true)
          setConverted(true)
        }}
      >
        Get tickets
      </button>
      {converted && <span className="muted"> conversion recorded</span>}
    </section>
  )
}

function TrackedActions({ info }: { info: DemoInfo }) {
  const track = useTrack()
  const [log, setLog] = useState<string[]>([])
  const send = (type: "OFFER_VIEW" | "OFFER_CLICK" | "AD_IMPRESSION" | "AD_CLICK", entityId: string) => {
    track({ type, entityId, event_id: info.event_id })
    setLog((lines) => [`${new Date().toLocaleTimeString()} ${type} ${entityId}`, ...lines].slice(0, 8))
  }
  return (
    <section>
      <h2>Tracker</h2>
      <p className="muted">Events are batched (10 events or 30 s) and flushed when you leave the page.</p>
      <button onClick={() => send("OFFER_VIEW", "demo-offer")}>View offer</button>
      <button onClick={() => send("OFFER_CLICK", "demo-offer")}>Click offer</button>
      <button onClick={() => send("AD_IMPRESSION", "demo-ad")}>Ad impression</button>
      <button onClick={() => send("AD_CLICK", "demo-ad")}>Ad click</button>
      <div className="log">{log.join("\n")}</div>
    </section>
  )
}

async function start() {
  const info: DemoInfo = await fetch("./demo-info.json").then((r) => r.json())
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <MonetizationProvider baseUrl={info.backend_url} publishableKey={info.publishable_key}>
        <main>
          {info.experiment && <HeroExperiment info={info} experiment={info.experiment} />}
          <TrackedActions info={info} />
        </main>
      </MonetizationProvider>
    </StrictMode>
  )
}

start()
