/** Samples the server's RSS every second while a section runs: MB at start, peak and end. */
function sampleRss(server) {
  const start = server.rssMb()
  let peak = start
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, server.rssMb())
    } catch {
      // The server may be between processes (develop restarts); the next sample counts.
    }
  }, 1000)
  return () => {
    clearInterval(timer)
    const end = server.rssMb()
    return { start_mb: start, peak_mb: Math.max(peak, end), end_mb: end }
  }
}

module.exports = { sampleRss }
