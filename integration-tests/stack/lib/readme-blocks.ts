import fs from "fs"
import path from "path"

const README = path.resolve(__dirname, "../../../README.md")

/**
 * The fenced block that follows `<!-- stack:<name> -->` in the README: the merchant stack is
 * built from these blocks as they are, so the README's install section is what gets tested.
 */
export function readmeBlock(name: string): string {
  const text = fs.readFileSync(README, "utf8")
  const marker = `<!-- stack:${name} -->`
  const at = text.indexOf(marker)
  if (at < 0) {
    throw new Error(`README.md has no ${marker}`)
  }
  const match = /^\s*```[\w-]*\n([\s\S]*?)\n```/.exec(text.slice(at + marker.length))
  if (!match) {
    throw new Error(`README.md: no fenced code block right after ${marker}`)
  }
  return `${match[1]}\n`
}

/** `NAME=value` lines of an env block (comments and blank lines skipped). */
export function envNames(block: string): string[] {
  return block
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const name = /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1]
      if (!name) {
        throw new Error(`README env block: not a NAME=value line: ${line}`)
      }
      return name
    })
}
