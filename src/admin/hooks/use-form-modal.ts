import { useCallback, useState } from "react"

/** The create/edit modal of a list page: opened empty for a new record, or with one to edit. */
export function useFormModal<T>() {
  const [open, setOpen] = useState(false)
  const [editing, setEditing] = useState<T | undefined>()
  const openCreate = useCallback(() => {
    setEditing(undefined)
    setOpen(true)
  }, [])
  const openEdit = useCallback((record: T) => {
    setEditing(record)
    setOpen(true)
  }, [])
  return { open, setOpen, editing, openCreate, openEdit }
}
