/** The server's rule: an absolute http(s) URL with a host. */
export const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value)
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname
  } catch {
    return false
  }
}
