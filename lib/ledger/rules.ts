/**
 * The ledger's own rules, as its header in `sources/facts.yaml` states them,
 * checked by program wherever a program can check them. Each rule needs more
 * than one entry or more than one file (a speaker the ledger names, an outlet
 * the references know), so it lives here rather than in the zod schema;
 * `npm run check` applies every rule and prints `file:line field: message`.
 *
 * Pure: takes the parsed data and a way to find lines, returns issues.
 */
import type { DataIssue } from '../load.ts'
import type { Fact, GlossaryEntry, Reference, RetiredEntry } from './schema.ts'
import { SECTION_PARAGRAPHS } from './labels.ts'
import { kindOfId } from './schema.ts'

/** The data files the rules read, as `lib/content.ts` names them. */
export const RULE_FILES = {
  facts: 'sources/facts.yaml',
  references: 'sources/references.yaml',
  glossary: 'sources/glossary.yaml',
  retired: 'sources/retired.yaml',
} as const

/** A path into a data file, e.g. `[12, 'value', 'speaker']`. */
export type Path = readonly (string | number)[]
/** The 1-based line of a path in one file. */
export type LineOf = (path: Path) => number

export interface RuleInput {
  facts: readonly Fact[]
  references: readonly Reference[]
  glossary: readonly GlossaryEntry[]
  retired?: readonly RetiredEntry[]
  /** Line finders per file (from `parseYaml`); default: line 1. */
  lines?: Partial<Record<keyof typeof RULE_FILES, LineOf>>
}

/** Words that mark a speaker as unnamed, whatever else the `speaker` says. */
const UNNAMED = /\b(?:unnamed|anonymous|unidentified|one|an?|some)\s+(?:[\w.]+\s+){0,3}(?:official|officials|source|sources|reporter|journalist|person|diplomat)\b|\bunnamed\b|\banonymous\b|\bas (?:characteri[sz]ed|summari[sz]ed|described)\b/i

/**
 * Phrases that say whose an interpretation is. The header asks every claim
 * and interpretation to say whose it is ("Safeguard Defenders argues …",
 * "According to Reuters, …").
 */
const ATTRIBUTION = /\b(?:the author|author's|authors|Safeguard Defenders|according to|is believed|it is believed|unnamed|in the view of)\b/i

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /\b(?:U\.S|U\.K|e\.g|i\.e|Mr|Mrs|Ms|Dr|No|St|vs)\.$/

export function checkLedgerRules(input: RuleInput): DataIssue[] {
  const issues: DataIssue[] = []
  const at = (file: keyof typeof RULE_FILES, path: Path, message: string): void => {
    const line = input.lines?.[file]?.(path) ?? 1
    issues.push({ file: RULE_FILES[file], line, field: path.join('.'), message })
  }
  const names = namedSpeakers(input.facts, input.references)
  const publishers = new Set(input.references.filter(r => kindOfId(r.id) === 'footnote' && r.publisher).map(r => r.publisher!))
  const byFootnote = new Map(input.references.filter(r => r.footnote !== undefined).map(r => [r.footnote!, r]))
  const contexts = new Set(input.references.filter(r => kindOfId(r.id) === 'context').map(r => r.id))

  input.facts.forEach((f, i) => {
    checkQuotation(f, i, names, at)
    checkOutlet(f, i, publishers, byFootnote, at)
    checkClaim(f, i, at)
    checkSource(f, i, at)
    checkContext(f.context, contexts, 'facts', [i, 'context'], at)
  })
  input.glossary.forEach((g, i) => {
    checkContext(g.context, contexts, 'glossary', [i, 'context'], at)
    const marked = /\bOutside the article\b/.test(g.definition)
    if (marked && !g.context)
      at('glossary', [i, 'definition'], 'a definition marked “Outside the article” must cite its source in `context` (a `kind: context` reference)')
    if (g.context && !marked)
      at('glossary', [i, 'definition'], 'a definition with a `context` source must say which part is “Outside the article”')
  })
  checkReferences(input.references, at)
  checkRetired(input.retired ?? [], input.facts, at)
  return issues
}

// ─── status: quotation ──────────────────────────────────────────────────────

/**
 * Who may be quoted: a person or body the ledger names (the value of a `name`
 * entry, or its acronym), a publisher in the references, or the title of a
 * referenced document. Keys are lower case.
 */
export function namedSpeakers(facts: readonly Fact[], references: readonly Reference[]): Set<string> {
  const out = new Set<string>()
  const add = (name: string | undefined) => {
    if (!name)
      return
    const full = name.trim().toLowerCase()
    out.add(full)
    const m = /^(.*?)\s*\(([^)]+)\)$/.exec(full)
    if (m) {
      out.add(m[1])
      out.add(m[2])
    }
  }
  for (const f of facts) {
    if (f.value.kind === 'name')
      add(f.value.value)
  }
  for (const r of references) {
    if (kindOfId(r.id) === 'footnote' && r.availability !== 'missing') {
      add(r.publisher)
      add(r.title)
    }
  }
  return out
}

/** The core of a speaker: without "documents" or "'s documents" at the end, e.g. `CBSA documents` → `cbsa`. */
function speakerCore(speaker: string): string {
  return speaker.trim().toLowerCase().replace(/(?:’s|'s)?\s+(?:internal\s+)?(?:document|documents|records|report)$/, '').trim()
}

function checkQuotation(f: Fact, i: number, names: ReadonlySet<string>, at: (file: 'facts', path: Path, m: string) => void): void {
  if (f.status !== 'quotation' || f.value.kind !== 'quotation')
    return
  const speaker = f.value.speaker
  if (UNNAMED.test(speaker) || !names.has(speakerCore(speaker))) {
    at('facts', [i, 'value', 'speaker'], `a \`quotation\` needs a named speaker, a person or a document that the ledger or the references name; “${speaker}” is not one. Words of an unnamed speaker are \`reported\` (with its \`outlet\`) or \`interpretation\``)
  }
}

// ─── status: reported, and any outlet ───────────────────────────────────────

function checkOutlet(f: Fact, i: number, publishers: ReadonlySet<string>, byFootnote: ReadonlyMap<number, Reference>, at: (file: 'facts', path: Path, m: string) => void): void {
  if (f.outlet === undefined)
    return
  if (!publishers.has(f.outlet)) {
    at('facts', [i, 'outlet'], `the outlet “${f.outlet}” is not the publisher of any footnote in ${RULE_FILES.references}; name it as the references do (${[...publishers].sort().join(', ')})`)
    return
  }
  const notes = [...f.source.footnotes, ...(f.source.in_footnote ? [f.source.in_footnote] : [])]
  if (f.status === 'reported' && notes.length > 0 && !notes.some(n => byFootnote.get(n)?.publisher === f.outlet))
    at('facts', [i, 'outlet'], `a \`reported\` fact's outlet must publish one of its footnotes; “${f.outlet}” publishes none of [${notes.join(', ')}]`)
}

// ─── claims say whose they are, in one sentence ─────────────────────────────

/** Whether `text` holds more than one sentence (a full stop, then a capital), abbreviations aside. */
export function sentenceCount(text: string): number {
  let count = 1
  for (const m of text.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?[A-Z])/g)) {
    const before = text.slice(0, m.index! + 1)
    if (!ABBREVIATIONS.test(before))
      count++
  }
  return count
}

function checkClaim(f: Fact, i: number, at: (file: 'facts', path: Path, m: string) => void): void {
  if (sentenceCount(f.claim) > 1)
    at('facts', [i, 'claim'], 'a claim is ONE sentence in our own words; split it into two entries or shorten it')
  if (f.status === 'reported' && f.outlet && !mentions(f.claim, f.outlet))
    at('facts', [i, 'claim'], `a \`reported\` claim says whose report it is: name “${f.outlet}” in the claim ("According to ${f.outlet}, …")`)
  if (f.status === 'interpretation' && !ATTRIBUTION.test(f.claim))
    at('facts', [i, 'claim'], 'an `interpretation` claim says whose reading it is ("The author argues …", "Safeguard Defenders assesses …", "An unnamed official …")')
  if (f.status === 'quotation' && f.value.kind === 'quotation' && !speakerWords(f.value.speaker).some(w => mentions(f.claim, w)))
    at('facts', [i, 'claim'], `a \`quotation\` claim names its speaker (“${f.value.speaker}”)`)
}

/** Whether `text` mentions `name`, ignoring case and a leading "The". */
function mentions(text: string, name: string): boolean {
  const n = name.replace(/^the\s+/i, '').toLowerCase()
  return text.toLowerCase().includes(n)
}

/** The distinctive words of a speaker: capitalised words and acronyms, e.g. `Brenda Lucki` → Brenda, Lucki. */
function speakerWords(speaker: string): string[] {
  return speakerCore(speaker).split(/[\s,()]+/).filter(w => w.length >= 3)
}

// ─── source: sections and paragraphs ────────────────────────────────────────

function checkSource(f: Fact, i: number, at: (file: 'facts', path: Path, m: string) => void): void {
  const range = SECTION_PARAGRAPHS[f.source.section]
  if (range === undefined) {
    if (f.source.in_footnote !== 5)
      at('facts', [i, 'source', 'in_footnote'], `section \`${f.source.section}\` is the text of footnote 5: give \`in_footnote: 5\``)
    return
  }
  const p = f.source.paragraph
  if (p !== undefined && (p < range[0] || p > range[1]))
    at('facts', [i, 'source', 'paragraph'], `paragraph ${p} is not in section \`${f.source.section}\` (paragraphs ${range[0]}–${range[1]})`)
}

// ─── context references, references, retired ids ───────────────────────────

function checkContext(ids: readonly string[] | undefined, contexts: ReadonlySet<string>, file: 'facts' | 'glossary', path: Path, at: (file: 'facts' | 'glossary', path: Path, m: string) => void): void {
  ids?.forEach((id, j) => {
    if (!contexts.has(id))
      at(file, [...path, j], `\`${id}\` is not a \`kind: context\` reference in ${RULE_FILES.references}`)
  })
}

function checkReferences(references: readonly Reference[], at: (file: 'references', path: Path, m: string) => void): void {
  const seen = new Map<string, number>()
  references.forEach((r, i) => {
    if (seen.has(r.id))
      at('references', [i, 'id'], `duplicate reference id \`${r.id}\` (first at entry ${seen.get(r.id)! + 1})`)
    else
      seen.set(r.id, i)
    const n = /^fn(\d+)$/.exec(r.id)?.[1]
    if (n !== undefined && r.footnote !== Number(n))
      at('references', [i, 'footnote'], `\`${r.id}\` must have \`footnote: ${n}\``)
  })
}

function checkRetired(retired: readonly RetiredEntry[], facts: readonly Fact[], at: (file: 'retired', path: Path, m: string) => void): void {
  const live = new Set(facts.map(f => f.id))
  retired.forEach((r, i) => {
    if (live.has(r.id))
      at('retired', [i, 'id'], `\`${r.id}\` is retired but a ledger entry still uses it; a retired id is never reused, so give the entry a new id`)
    r.replaced_by.forEach((id, j) => {
      if (!live.has(id))
        at('retired', [i, 'replaced_by', j], `\`${id}\` is not in ${RULE_FILES.facts}`)
    })
  })
}
