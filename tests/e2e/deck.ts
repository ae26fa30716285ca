/**
 * What the e2e tests need to know about the deck, read from the Markdown
 * with Slidev's own parser so that the tests follow the slides, not a list
 * kept by hand.
 */
import { resolve } from 'node:path'
import { load } from '@slidev/parser/fs'

export interface SlideInfo {
  /** 1-based slide number as Slidev routes it. */
  no: number
  title: string
  /** Number of ```mermaid blocks on the slide. */
  diagrams: number
  /** Text of the diagrams' node labels, one entry per line of a label. */
  diagramLabels: string[]
}

/** Node labels written as `["…"]`, `("…")` or `{"…"}` in Mermaid source, split at `<br/>`. */
export function mermaidLabels(source: string): string[] {
  const blocks = source.match(/^```mermaid[^\n]*\n([\s\S]*?)^```/gm) ?? []
  const labels: string[] = []
  for (const b of blocks) {
    for (const m of b.matchAll(/[[({]"([^"]+)"[\])}]/g))
      labels.push(...m[1].split(/<br\s*\/?>/).map(t => t.trim()).filter(Boolean))
  }
  return labels
}

export async function readDeck(entry = 'slides.md'): Promise<SlideInfo[]> {
  const root = resolve(import.meta.dirname, '../..')
  const data = await load({ userRoot: root, roots: [root] } as never, resolve(root, entry))
  return data.slides
    .filter(s => !s.frontmatter?.hide && !s.frontmatter?.disabled)
    .map((s, i) => ({
      no: i + 1,
      title: (s.title ?? '').replace(/<[^>]+>/g, '').trim(),
      diagrams: (s.source.content.match(/^```mermaid/gm) ?? []).length,
      diagramLabels: mermaidLabels(s.source.content),
    }))
}
