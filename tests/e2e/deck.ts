/**
 * What the e2e tests need to know about the deck, read from the Markdown
 * with Slidev's own parser and the kit's own preparser (which expands the
 * generated quiz, answer-key, sources and glossary slides), so that the
 * tests follow the slides rather than a list kept by hand.
 */
import { relative, resolve } from 'node:path'
import { injectPreparserExtensionLoader, load } from '@slidev/parser/fs'
import preparser from '../../setup/preparser.ts'

export interface SlideInfo {
  /** 1-based slide number as Slidev routes it. */
  no: number
  title: string
  /** Number of ```mermaid blocks on the slide. */
  diagrams: number
  /** Text of the diagrams' node labels, one entry per line of a label. */
  diagramLabels: string[]
  /** `<Quiz bank=… :question=…>` on the slide, if any. */
  quiz?: { src: string, question: number }
  /** The slide belongs to the answer-key appendix. */
  answerKey: boolean
  /** Frontmatter `lecture: false`: left to self-study (the lecture deck drops it). */
  selfStudyOnly: boolean
  /** Frontmatter `session: N`: the slide opens lecture session N. */
  session?: number
  /** The Markdown file the slide comes from (`slides.md` or `pages/NN-name.md`), relative to the root. */
  file: string
  /** Speaker notes as written (plus generated quiz answers). */
  note: string
  /** The slide's Markdown after the kit's preparser expanded it (used by the benchmark). */
  content?: string
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

injectPreparserExtensionLoader(async (_roots, headmatter, filepath, mode) => preparser({ filepath, headmatter, mode }))

/** Text as compared across Markdown, DOM and PDF: curly quotes straightened, whitespace folded. */
export const fold = (t: string) => t.replace(/[\u2018\u2019]/g, '\'').replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim()

export async function readDeck(entry = 'slides.md'): Promise<SlideInfo[]> {
  const root = resolve(import.meta.dirname, '../..')
  const data = await load({ userRoot: root, roots: [root] } as never, resolve(root, entry))
  return data.slides.map((s, i) => {
    const content = s.source?.content ?? s.content
    const quiz = content.match(/<Quiz\s+bank="([^"]+)"\s+:question="(\d+)"/)
    return {
      no: i + 1,
      title: (s.title ?? '').replace(/<[^>]+>/g, '').trim(),
      diagrams: (content.match(/^```mermaid/gm) ?? []).length,
      diagramLabels: mermaidLabels(content),
      quiz: quiz ? { src: quiz[1], question: Number(quiz[2]) } : undefined,
      answerKey: (s.importChain ?? []).some(c => c.frontmatter?.answerKey === true),
      selfStudyOnly: s.frontmatter?.lecture === false,
      session: typeof s.frontmatter?.session === 'number' ? s.frontmatter.session : undefined,
      note: s.note ?? '',
      content,
      file: relative(root, s.source?.filepath ?? entry),
    }
  })
}
