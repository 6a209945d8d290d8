import http from "http"
import { AddressInfo } from "net"

// A valid 32×18 orange PNG.
export const BANNER_PNG_WIDTH = 32
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAACAAAAASCAIAAAC1qksFAAAAH0lEQVR42mP438NAU8QwasGoBaMWjFowasGoBfSwAAC9CXjugbNgrQAAAABJRU5ErkJggg==",
  "base64"
)

export type MediaServer = { url: string; close: () => Promise<void> }

/**
 * Serves ad creatives on the loopback: `/banner.png` is an image, `/not-an-image.png`
 * answers 200 with text (a broken creative that logs no console error, unlike a 404).
 */
export async function startMediaServer(): Promise<MediaServer> {
  const server = http.createServer((req, res) => {
    if (req.url === "/banner.png") {
      res.writeHead(200, { "content-type": "image/png", "cache-control": "no-cache" }).end(PNG)
    } else if (req.url === "/not-an-image.png") {
      res.writeHead(200, { "content-type": "image/png" }).end("this is not a picture")
    } else {
      res.writeHead(404).end()
    }
  })
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
