const fs = require("fs")
const http = require("http")
const path = require("path")

const root = path.resolve(__dirname, "../..")
const sourceDir = path.join(root, "demo/storefront")
const outDir = path.join(sourceDir, "dist")
const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
}

/** Bundles the demo page from storefront-widgets with esbuild (already installed by Medusa). */
async function buildDemoStorefront() {
  const esbuild = require("esbuild")
  fs.mkdirSync(outDir, { recursive: true })
  await esbuild.build({
    entryPoints: [path.join(sourceDir, "main.tsx")],
    bundle: true,
    outfile: path.join(outDir, "main.js"),
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    minify: true,
    logLevel: "error",
  })
  for (const file of ["index.html", "styles.css"]) {
    fs.copyFileSync(path.join(sourceDir, file), path.join(outDir, file))
  }
  fs.cpSync(path.join(sourceDir, "ads"), path.join(outDir, "ads"), { recursive: true })
}

const CONFIRM_PATH = /^\/stripe\/payment_intents\/([^/]+)\/confirm$/

/**
 * Stands in for Stripe.js when the demo runs offline: the page confirms a payment intent
 * with its client secret, the local Stripe marks it paid and sends Medusa the webhook.
 */
function confirmPaymentIntent(stripeApi, req, res, intentId) {
  let body = ""
  req.on("data", (chunk) => (body += chunk))
  req.on("end", () => {
    const intent = stripeApi.intents.get(intentId)
    const secret = (() => {
      try {
        return JSON.parse(body).client_secret
      } catch {
        return undefined
      }
    })()
    if (!intent || intent.client_secret !== secret) {
      res.writeHead(404, { "content-type": "application/json" })
      return res.end(JSON.stringify({ message: "No such payment intent for this client secret" }))
    }
    res.writeHead(200, { "content-type": "application/json" })
    res.end(JSON.stringify(stripeApi.confirm(intentId)))
  })
}

/** Serves the built page and `demo-info.json` (backend URL, publishable key, event) on `port`. */
function serveDemoStorefront(port, demoInfo, offlineStripeApi) {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url, "http://localhost").pathname
    const confirm = req.method === "POST" && offlineStripeApi && CONFIRM_PATH.exec(pathname)
    if (confirm) {
      return confirmPaymentIntent(offlineStripeApi, req, res, decodeURIComponent(confirm[1]))
    }
    if (pathname === "/demo-info.json") {
      res.writeHead(200, { "content-type": "application/json" })
      return res.end(JSON.stringify(demoInfo))
    }
    // The waitlist notification's accept link (`/waitlist/accept?session_id=…&join_token=…`) is a page of the app.
    const page = pathname === "/" || pathname === "/waitlist/accept"
    const file = path.join(outDir, page ? "index.html" : path.normalize(pathname))
    if (!file.startsWith(outDir) || !fs.existsSync(file)) {
      res.writeHead(404)
      return res.end("not found")
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" })
    fs.createReadStream(file).pipe(res)
  })
  return new Promise((resolve) => server.listen(port, () => resolve(server)))
}

module.exports = { buildDemoStorefront, serveDemoStorefront }
