import { Navigate, useLocation } from "react-router-dom"
import { MONETIZATION_ROOT } from "./monetization-paths"

/** The page that lived at this URL before the pages moved under /monetization; links and bookmarks keep working. */
export const MovedToMonetization = () => {
  const { pathname, search } = useLocation()
  return <Navigate replace to={{ pathname: `${MONETIZATION_ROOT}${pathname}`, search }} />
}
