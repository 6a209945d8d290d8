import type { ReactNode } from "react"
import { Providers } from "./providers"

export const dynamic = "force-dynamic"

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers baseUrl={process.env.MEDUSA_BACKEND_URL!} publishableKey={process.env.MEDUSA_PUBLISHABLE_KEY!}>
          {children}
        </Providers>
      </body>
    </html>
  )
}
