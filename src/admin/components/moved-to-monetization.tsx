import { Navigate, useLocation } from "react-router-dom"
import { currentMonetizationPath } from "./monetization-paths"

/** The page that lived at this URL before the pages moved under /monetization (or were renamed); links and bookmarks keep working. */
export const MovedToMonetization = () => {
  const { pathname, search } = useLocation()
  return <Navigate replace to={{ pathname: currentMonetizationPath(pathname), search }} />
}
