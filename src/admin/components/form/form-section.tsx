import { Heading } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A titled group of fields in a form modal. */
export const FormSection = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="flex flex-col gap-y-4">
    <Heading level="h2">{title}</Heading>
    {children}
  </section>
)
