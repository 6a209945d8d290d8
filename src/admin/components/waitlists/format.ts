export const formatDateTime = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString() : "-"

/** "4:05" or "1:02:03" for a positive duration; null once it has run out. */
export const formatRemaining = (ms: number): string | null => {
  if (ms <= 0) {
    return null
  }
  const total = Math.ceil(ms / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, "0")
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`
}

export const count = (value: number | null | undefined) => (value === null || value === undefined ? "-" : String(value))
