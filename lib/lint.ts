/**
 * The slide lint: a slide never types a figure by hand, and speaks only for
 * the article.
 *
 * Scans a page's Markdown (slide text, speaker notes and Mermaid source) and
 * reports every number that no ledger entry holds, every component that
 * cites an unknown ledger id (`lintPage`), and every capitalised name of a
 * person, outlet or body that the ledger, the references and the glossary do
 * not know (`lintNames`). Background from outside the article is allowed
 * only in a speaker-notes paragraph that starts "Outside the article" and
 * cites a `kind: context` reference in square brackets:
 *
 *   Outside the article [ctx-schengen]: the Schengen area is …
 *
 * Pure: takes text, returns issues.
 */
import type { Fact, GlossaryEntry, Reference } from './ledger/schema.ts'
import { numbersOf } from './format.ts'
import { kindOfId } from './ledger/schema.ts'

/** Where on a page an issue is: the slide itself, its speaker notes, or a diagram's source. */
export type LintField = 'slide' | 'notes' | 'diagram'

export interface LintIssue {
  file: string
  line: number
  /** `slide`, `notes` or `diagram`, so the message reads `file:line field: message` like the data checks. */
  field: LintField
  message: string
}

/** `file:line field: message`, as `npm run check` prints it. */
export function formatLintIssue(i: LintIssue): string {
  return `${i.file}:${i.line} ${i.field}: ${i.message}`
}

/** Which part of the page an offset falls in: inside an HTML comment (notes), a Mermaid fence (diagram), or the slide. */
export function fieldAt(text: string, offset: number): LintField {
  const before = text.slice(0, offset)
  const opened = before.lastIndexOf('<!--')
  if (opened >= 0 && before.indexOf('-->', opened) < 0)
    return 'notes'
  const fences = before.match(/^```/gm)?.length ?? 0
  if (fences % 2 === 1)
    return 'diagram'
  return 'slide'
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
  /\bparagraphs?\s+\d+(?:(?:\s*,\s*|\s+and\s+|\s*[–-]\s*)\d+)*/gi, // "paragraph 22", "paragraphs 25–26"
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
      issues.push({ file, line: lineAt(m.index!), field: fieldAt(text, m.index!), message: `<${m[1]} id="${m[2]}">: no such ledger entry in sources/facts.yaml` })
  }

  let prose = stripMarkup(text)
  for (const re of STRUCTURAL)
    prose = prose.replace(re, m => m.replace(/\d/g, ' '))
  for (const m of prose.matchAll(/(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])/g)) {
    const n = Number(m[0].replace(/,/g, ''))
    if (!numbers.has(n))
      issues.push({ file, line: lineAt(m.index!), field: fieldAt(text, m.index!), message: `the figure ${m[0]} is not held by any ledger entry: use <Fact id="…"/> or add the fact to sources/facts.yaml` })
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

// ─── Names: only those the article's ledger, references and glossary know ──

/**
 * Ordinary capitalised words that are not names of people, outlets or bodies,
 * and may appear mid-sentence on a slide. Keep this short; a real name
 * belongs in the ledger (or in an "Outside the article" block).
 */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  // The kit's own vocabulary: modules, slides, timings, the quiz controls.
  'Module', 'Modules', 'Minutes', 'Sources', 'Glossary', 'Check', 'Retry', 'Key', 'Discuss', 'Objectives', 'Questions', 'README',
  // Tools the orientation slide names for teachers.
  'PDF', 'QTI', 'Moodle', 'Kahoot',
  // Months: dates are checked by the figure lint, not here.
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
])

/** Capitalised words and phrases the ledger, the references and the glossary know. */
export interface NameVocabulary {
  words: ReadonlySet<string>
  /**
   * Words the kit writes in lower case somewhere (in its pages, questions or
   * ledger): a capitalised one at the start of a sentence is an ordinary word.
   */
  ordinary: ReadonlySet<string>
  /** Ids of `kind: context` references, which an "Outside the article" block may cite. */
  contexts: ReadonlySet<string>
}

/** Words of a text, split at spaces, hyphens, slashes and punctuation, possessive `'s` dropped. */
function wordsOf(text: string): string[] {
  return text.replace(/[’']s\b/g, '').split(/[^A-Za-z0-9.]+|\.(?![A-Z]\.)(?=\s|$)/).map(w => w.replace(/\.+$/, '')).filter(Boolean)
}

/**
 * The vocabulary of names: every word in ledger claims, values, speakers and
 * outlets, reference titles and publishers, glossary terms and definitions.
 * `texts` (the pages and questions) only teach which words are ordinary.
 */
export function nameVocabulary(facts: readonly Fact[], references: readonly Reference[], glossary: readonly GlossaryEntry[], texts: readonly string[] = []): NameVocabulary {
  const words = new Set<string>()
  const ordinary = new Set<string>()
  const lower = (t: string) => t.match(/(?<![A-Za-z])[a-z][a-z’'-]*/g)?.forEach(w => ordinary.add(w.replace(/[’']s?$/, '').split('-')[0]))
  const add = (t: string | undefined) => {
    if (!t)
      return
    wordsOf(t).forEach(w => words.add(w))
    lower(t)
  }
  texts.forEach(lower)
  for (const f of facts) {
    add(f.claim)
    add(f.outlet)
    add(f.unit)
    add(f.as_of)
    const v = f.value
    if (v.kind === 'name' || v.kind === 'text')
      add(v.value)
    if (v.kind === 'quotation') {
      add(v.text)
      add(v.speaker)
    }
  }
  for (const r of references) {
    add(r.title)
    add(r.publisher)
    add(r.author)
  }
  for (const g of glossary) {
    add(g.term)
    add(g.expansion)
    add(g.definition)
  }
  return { words, ordinary, contexts: new Set(references.filter(r => kindOfId(r.id) === 'context').map(r => r.id)) }
}

/** An "Outside the article" paragraph in the speaker notes: its span and the context ids it cites. */
interface OutsideBlock {
  start: number
  end: number
  ids: string[]
}

/** Paragraphs (blank-line separated) whose first line starts "Outside the article". */
function outsideBlocks(text: string): OutsideBlock[] {
  const out: OutsideBlock[] = []
  for (const m of text.matchAll(/^[ \t]*Outside the article\b[^\n]*(?:\n(?![ \t]*\n)(?![ \t]*-->)[^\n]*)*/gm))
    out.push({ start: m.index!, end: m.index! + m[0].length, ids: [...m[0].matchAll(/\[(ctx-[a-z0-9-]+)\]/g)].map(x => x[1]) })
  return out
}

/**
 * The prose a reader sees, same length as `text`: markup, inline code and
 * URLs blanked, Mermaid keeping only its labels and descriptions.
 */
function readable(text: string): string {
  const out = stripMarkup(text).replace(/^```mermaid[^\n]*\n[\s\S]*?^```/gm, (block) => {
    const keep: string[] = Array.from(block, c => (c === '\n' ? '\n' : ' '))
    const spans = [
      ...block.matchAll(/"[^"\n]*"/g),
      ...block.matchAll(/(?<=acc(?:Title|Descr):)[^\n]*/g),
      ...block.matchAll(/(?<=(?:->>|-->>)[^:\n]*:)[^\n]*/g),
      ...block.matchAll(/(?<=Note over [^:\n]*:)[^\n]*/g),
    ]
    for (const m of spans) {
      for (let i = 0; i < m[0].length; i++)
        keep[m.index! + i] = m[0][i]
      // Each label reads as a sentence of its own.
      keep[m.index!] = '.'
    }
    return keep.join('')
  })
  return out
    .replace(/<!--|-->/g, m => ' '.repeat(m.length))
    .replace(/`[^`\n]*`/g, m => ' '.repeat(m.length))
    .replace(/https?:\/\/\S+/g, m => ' '.repeat(m.length))
    .replace(/[*_]/g, ' ')
}

/** Whether a word after `before` opens a sentence, a list item, a cell, a heading or a label. */
function opensSentence(before: string): boolean {
  const text = before.replace(/[ \t"“‘([{]+$/, '')
  if (/(?:^|\n)[ \t]*(?:[-+]|\d+\.)$/.test(text))
    return true // a list marker
  if (text.endsWith('\n')) {
    if (/\n[ \t]*\n$/.test(text))
      return true // a new paragraph
    const prev = text.replace(/\s+$/, '')
    return prev === '' || /[.!?:;|>·]["”’)\]]*$/.test(prev) || /(?:^|\n)[ \t]*#[^\n]*$/.test(prev)
  }
  return text === '' || /[.!?:;|#>·]["”’)\]]*$/.test(text)
}

/**
 * Capitalised names that no ledger entry, reference or glossary term knows.
 * A word counts as a name when it is an acronym, when it is capitalised in
 * mid-sentence, or when it opens a sentence as part of a run of capitalised
 * words ("Brenda Lucki said") and is never written in lower case elsewhere.
 * Outside-the-article blocks are exempt, once they cite a context reference.
 */
export function lintNames(text: string, file: string, vocab: NameVocabulary): LintIssue[] {
  const issues: LintIssue[] = []
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length
  const blocks = outsideBlocks(text)
  for (const b of blocks) {
    const field = fieldAt(text, b.start)
    if (field !== 'notes')
      issues.push({ file, line: lineAt(b.start), field, message: 'background from outside the article belongs in the speaker notes, not on the slide' })
    if (b.ids.length === 0)
      issues.push({ file, line: lineAt(b.start), field, message: 'an “Outside the article” block must cite its source: a `kind: context` reference in square brackets, e.g. [ctx-schengen]' })
    for (const id of b.ids) {
      if (!vocab.contexts.has(id))
        issues.push({ file, line: lineAt(b.start), field, message: `[${id}] is not a \`kind: context\` reference in sources/references.yaml` })
    }
  }
  let prose = readable(text)
  for (const b of blocks)
    prose = prose.slice(0, b.start) + prose.slice(b.start, b.end).replace(/[^\n]/g, ' ') + prose.slice(b.end)

  const reported = new Set<string>()
  for (const m of prose.matchAll(/(?<![A-Za-z])[A-Z][A-Za-z’'-]*(?:\.[A-Z])*\.?/g)) {
    const word = m[0].replace(/\.$/, '').split('-')[0].replace(/[’']s?$/, '')
    if (word.length < 2 || ALLOWED_WORDS.has(word) || vocab.words.has(word) || (word.endsWith('s') && vocab.words.has(word.slice(0, -1))))
      continue
    const atStart = opensSentence(prose.slice(0, m.index!))
    const acronym = /^[A-Z]{2,}$/.test(word)
    // A capitalised word that opens a sentence counts as a name only when the
    // next word is capitalised too ("Brenda Lucki said") and the kit never
    // writes it in lower case. (So a one-word name at the very start of a
    // sentence is not caught; the data checks and the audit cover those.)
    const nextCapital = /^[ \t]+[A-Z]/.test(prose.slice(m.index! + m[0].length))
    if (atStart && !acronym && (!nextCapital || vocab.ordinary.has(word.toLowerCase())))
      continue
    const key = `${lineAt(m.index!)}:${word}`
    if (reported.has(key))
      continue
    reported.add(key)
    issues.push({
      file,
      line: lineAt(m.index!),
      field: fieldAt(text, m.index!),
      message: `“${word}” is named here, but no ledger entry, reference or glossary term knows it: name only what the article names, or move the background into an “Outside the article [ctx-…]” notes block (ordinary words go in ALLOWED_WORDS in lib/lint.ts)`,
    })
  }
  return issues
}
