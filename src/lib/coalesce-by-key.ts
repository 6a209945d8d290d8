/**
 * Runs `job` for a key at once, but never twice at the same time: calls for a key whose job
 * is running only ask for one more run after it, however many they are. A burst of N calls
 * costs at most two runs, and the last run starts after the last call, so it sees the
 * latest state.
 */
export function coalesceByKey() {
  const running = new Map<string, { again: boolean }>()
  return async function run(key: string, job: () => Promise<void>): Promise<void> {
    const current = running.get(key)
    if (current) {
      current.again = true
      return
    }
    const state = { again: false }
    running.set(key, state)
    try {
      do {
        state.again = false
        await job()
      } while (state.again)
    } finally {
      running.delete(key)
    }
  }
}
