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

/** Serves the built page and `demo-info.json` (backend URL, publishable key, event) on `port`. */
function serveDemoStorefront(port, demoInfo) {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url, "http://localhost").pathname
    if (pathname === "/demo-info.json") {
      res.writeHead(200, { "content-type": "application/json" })
      return res.end(JSON.stringify(demoInfo))
    }
    const file = path.join(outDir, pathname === "/" ? "index.html" : path.normalize(pathname))
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
