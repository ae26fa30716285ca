/**
 * The slide lint: a slide never types a figure by hand.
 *
 * Scans a page's Markdown (slide text, speaker notes and Mermaid source) and
 * reports every number that no ledger entry holds, and every component that
 * cites an unknown ledger id. Pure: takes text, returns issues.
 */
import type { Fact } from './ledger/schema.ts'
import { numbersOf } from './format.ts'

export interface LintIssue {
  file: string
  line: number
  message: string
}

/** Components whose `id` must be a ledger id. */
const CITING = /<(Fact|Cite|Quote|Status)\b[^>]*?\bid="([^"]*)"/g

/** Numbers that every page may use: they are structure, not facts. */
const STRUCTURAL: RegExp[] = [
  /\bMinutes:\s*\d+/g, // timing line in speaker notes
  /\bModules?\s+\d+(?:(?:\s*,\s*|\s+and\s+|\s*(?:–|-|to)\s*)\d+)*/g, // "Module 3", "Modules 4, 6 and 7"
  /\bfootnotes?\s+\[?\d+\]?(?:(?:\s*,\s*|\s+and\s+|\s*–\s*)\[?\d+\]?)*/gi, // "footnote 5", "footnotes 13 and 14"
  /\[\d+(?:\s*,\s*\d+)*\]/g, // footnote markers [7], [13, 14]
  /¶\s*\d+/g, // paragraph numbers
  /\b(?:type|types)\s+\d(?:\s+(?:and|or)\s+\d)?\b/gi, // Involuntary Return type 1 / 2
  /^\s*\d+\.\s/gm, // ordered list markers
  /\bpage\s+\d+\b/gi, // page references in notes
]

/** Every number that some ledger entry holds, in any of its fields. */
export function ledgerNumbers(facts: readonly Fact[]): Set<number> {
  const out = new Set<number>()
  for (const f of facts) {
    numbersOf(f.value).forEach(n => out.add(n))
    const texts = [f.as_of ?? '', 'value' in f.value && typeof f.value.value === 'string' ? f.value.value : '', f.value.kind === 'quotation' ? f.value.text : '']
    for (const t of texts) {
      for (const m of t.matchAll(/\d[\d,]*/g))
        out.add(Number(m[0].replace(/,/g, '')))
    }
  }
  return out
}

/** Remove what is not prose: per-slide frontmatter, HTML tags and attribute blocks. */
export function stripMarkup(text: string): string {
  return text
    // Frontmatter blocks between `---` separators (key: value lines only).
    .replace(/^---\n((?:[\w-]+:.*\n|\s+.*\n)*)---$/gm, m => m.replace(/[^\n]/g, ' '))
    // HTML and component tags with their attributes (props like :page="2").
    .replace(/<[^>\n]*>/g, m => ' '.repeat(m.length))
    // Code-fence options such as ```mermaid {scale: 0.8}
    .replace(/^```\w*\s*\{[^}\n]*\}/gm, m => ' '.repeat(m.length))
}

export function lintPage(text: string, file: string, facts: readonly Fact[], known: ReadonlySet<string> = new Set(facts.map(f => f.id)), numbers: ReadonlySet<number> = ledgerNumbers(facts)): LintIssue[] {
  const issues: LintIssue[] = []
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length

  for (const m of text.matchAll(CITING)) {
    if (!known.has(m[2]))
      issues.push({ file, line: lineAt(m.index!), message: `<${m[1]} id="${m[2]}">: no such ledger entry in sources/facts.yaml` })
  }

  let prose = stripMarkup(text)
  for (const re of STRUCTURAL)
    prose = prose.replace(re, m => m.replace(/\d/g, ' '))
  for (const m of prose.matchAll(/(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])/g)) {
    const n = Number(m[0].replace(/,/g, ''))
    if (!numbers.has(n))
      issues.push({ file, line: lineAt(m.index!), message: `the figure ${m[0]} is not held by any ledger entry: use <Fact id="…"/> or add the fact to sources/facts.yaml` })
  }
  return issues
}

/** Ledger ids that a text cites through a component or a quiz `facts:` list. */
export function citedIds(text: string): Set<string> {
  const out = new Set<string>()
  for (const m of text.matchAll(CITING))
    out.add(m[2])
  return out
}
