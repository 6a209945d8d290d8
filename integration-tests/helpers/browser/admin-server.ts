import fs from "fs"
import http from "http"
import { AddressInfo } from "net"
import path from "path"

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
}

export type AdminServer = { url: string; close: () => Promise<void> }

/**
 * Serves the static admin build under `basePath` and proxies every other path to the
 * Medusa test server, so dashboard and API share one origin and the session cookie works.
 */
export async function startAdminServer(input: {
  adminDir: string
  apiBaseUrl: string
  basePath?: string
}): Promise<AdminServer> {
  const basePath = input.basePath ?? "/app"
  const adminDir = path.resolve(input.adminDir)
  const indexHtml = fs.readFileSync(path.join(adminDir, "index.html"))
  const target = new URL(input.apiBaseUrl)

  const server = http.createServer((req, res) => {
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)
    } catch {
      res.writeHead(400).end()
      return
    }
    if (pathname === basePath || pathname.startsWith(`${basePath}/`)) {
      serveAdmin(pathname.slice(basePath.length), req, res)
    } else {
      proxy(req, res)
    }
  })

  function serveAdmin(relative: string, req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end()
      return
    }
    const file = path.resolve(adminDir, `.${relative}`)
    const insideBuild = file.startsWith(`${adminDir}${path.sep}`)
    if (insideBuild && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.writeHead(200, {
        "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      })
      res.end(req.method === "HEAD" ? undefined : fs.readFileSync(file))
      return
    }
    // A missing asset is a real 404 (so broken builds show); anything else is a client-side route.
    if (relative.startsWith("/assets/") || path.extname(relative)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found")
      return
    }
    res.writeHead(200, { "content-type": CONTENT_TYPES[".html"], "cache-control": "no-cache" })
    res.end(req.method === "HEAD" ? undefined : indexHtml)
  }

  function proxy(req: http.IncomingMessage, res: http.ServerResponse) {
    const upstream = http.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(res)
      }
    )
    upstream.on("error", (error) => {
      if (!res.headersSent) {
        res.writeHead(502, { "content-type": "text/plain" })
      }
      res.end(`proxy error: ${error.message}`)
    })
    req.pipe(upstream)
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
