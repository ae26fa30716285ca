/**
 * The benchmark's "plain Slidev" deck: the kit's slides after expansion, with
 * every kit component replaced by plain Markdown text that says the same
 * thing, so the plain deck has the same slides, the same text volume and the
 * same Mermaid diagrams, but none of the kit's Vue components, setup or CSS.
 *
 * Pure: data in, Markdown out (tested in tests/unit/bench.test.ts).
 */
import { printedQuestion } from '../../lib/pdf/questions.ts'
import type { Fact, GlossaryEntry, Reference } from '../../lib/ledger/schema.ts'
import type { Question, QuizFile } from '../../lib/quiz/schema.ts'
import { citationFor, describeReference, questionSources, statusText } from '../../lib/cite.ts'
import { formatFact } from '../../lib/format.ts'
import { ANSWER_KEY_PER_PAGE } from '../../lib/generate.ts'
import { GLOSSARY_PER_PAGE, pageCount, pageOf, SOURCES_PER_PAGE } from '../../lib/paginate.ts'
import { categoriesOf, categoryLabel, describeAnswer, letter, optionText } from '../../lib/quiz/index.ts'
import { seededPermutation, startingOrder } from '../../lib/quiz/shuffle.ts'

/** What the conversion needs to know: the ledger, references, glossary and question banks. */
export interface PlainData {
  facts: ReadonlyMap<string, Fact>
  references: readonly Reference[]
  glossary: readonly GlossaryEntry[]
  /** Question banks by file stem, e.g. `03-repatriation`. */
  quizzes: Readonly<Record<string, QuizFile>>
  /** The unit plan as `npm run plan` prints it (`<UnitPlan>`). Default: none, and a `<UnitPlan>` is an error. */
  plan?: string
}

/** One slide as `readDeck()` returns it (only what the plain deck needs). */
export interface PlainSlideInput {
  no: number
  content: string
  note?: string
}

/** The kit's component names the conversion knows. */
export const KIT_COMPONENTS = ['Fact', 'Cite', 'Status', 'Quote', 'Quiz', 'AnswerKey', 'Sources', 'Glossary', 'QuizSummary'] as const

/** A self-closing component tag `<Name a="x" :b="2" />`. */
const TAG = /<([A-Z][A-Za-z]*)((?:\s+:?[\w-]+(?:="[^"]*")?)*)\s*\/>/g

/** Attributes of a tag: `id="x"` → 'x'; `:page="2"` → 2; `:unit="false"` → false. */
export function parseAttrs(src: string): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {}
  for (const m of src.matchAll(/(:?)([\w-]+)(?:="([^"]*)")?/g)) {
    const [, bound, name, raw] = m
    if (raw === undefined)
      out[name] = true
    else if (!bound)
      out[name] = raw
    else if (raw === 'true' || raw === 'false')
      out[name] = raw === 'true'
    else if (/^-?\d+(?:\.\d+)?$/.test(raw))
      out[name] = Number(raw)
    else
      out[name] = raw
  }
  return out
}

function refMap(data: PlainData): Map<string, Reference> {
  return new Map(data.references.map(r => [r.id, r]))
}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined)
    throw new Error(`plain deck: ${what}`)
  return v
}

/** ` [7]` or ` ¶8`: the citation marker a `<Cite>` shows, as text. */
function citeText(f: Fact, data: PlainData): string {
  return ` [${citationFor(f, refMap(data)).label.replace(/^\[|\]$/g, '')}]`
}

/**
 * The question as printed (its type's `print`): the stem, then each group
 * of lines, lettered options and blanks as Markdown list items (numbered
 * lines are already a list, other lines stay as they are), then the hint.
 */
export function quizText(q: Question, data: PlainData): string[] {
  const p = printedQuestion(q, data.facts)
  const lines = [`**${q.stem}**`, '']
  p.groups.forEach((g, k) => {
    if (k)
      lines.push('')
    lines.push(...g.map(t => /^(?:[A-Z]+\. |___ )/.test(t) ? `- ${t}` : t))
  })
  if (p.hint)
    lines.push('', p.hint)
  return lines
}

/**
 * One answer-key slide: question, answer, explanation and sources, as an
 * ordered list. `range` is the kit's `:from`/`:to` (1-based, inclusive), as
 * the generated slides write it; without one, `page` picks fixed-size pages.
 */
export function answerKeyText(bankStem: string, page: number, data: PlainData, range?: { from: number, to?: number }): string[] {
  const bank = need(data.quizzes[bankStem], `<AnswerKey bank="${bankStem}">: no such bank`)
  const refs = refMap(data)
  const start = range ? range.from - 1 : (page - 1) * ANSWER_KEY_PER_PAGE
  const shown = range ? bank.questions.slice(start, range.to ?? bank.questions.length) : pageOf(bank.questions, page, ANSWER_KEY_PER_PAGE)
  return shown.flatMap((q, i) => {
    const sources = questionSources(q.facts, data.facts, refs)
    return [
      `${start + i + 1}. **${q.stem}**`,
      `   Answer: ${describeAnswer(q, data.facts)}`,
      `   ${q.explanation}`,
      `   Sources: ${sources.join('; ')}`,
    ]
  })
}

export function sourcesText(page: number, data: PlainData, perPage = SOURCES_PER_PAGE): string[] {
  const items = pageOf(data.references, page, perPage).map((r) => {
    const text = r.id === 'article' ? `The article: ${r.publisher ?? ''}${r.date ? `, ${r.date}` : ''}: ${r.title}` : describeReference(r)
    return `- ${text}${r.url ? ` ${r.url}` : ''}`
  })
  return [...items, '', `Page ${page} of ${pageCount(data.references.length, perPage)}`]
}

export function glossaryText(page: number, data: PlainData, perPage = GLOSSARY_PER_PAGE): string[] {
  const sorted = [...data.glossary].sort((a, b) => a.term.localeCompare(b.term, 'en'))
  const items = pageOf(sorted, page, perPage).map(g => `- **${g.term}**${g.expansion ? ` (${g.expansion})` : ''}: ${g.definition}`)
  return [...items, '', `Page ${page} of ${pageCount(sorted.length, perPage)}`]
}

export function quizSummaryText(data: PlainData): string[] {
  const byModule = new Map<number, { title: string, total: number }>()
  for (const q of Object.values(data.quizzes)) {
    const m = byModule.get(q.module) ?? { title: q.title, total: 0 }
    m.total += q.questions.length
    byModule.set(q.module, m)
  }
  return [...byModule.entries()].sort(([a], [b]) => a - b)
    .map(([module, m]) => `- ${module === 11 ? 'Final review' : `${module}. ${m.title}`}: 0 / ${m.total} answered`)
}

/**
 * Replace one kit component by plain Markdown. `block` is true when the tag
 * stands alone on its line (then block-level Markdown such as a list or a
 * blockquote may replace it).
 */
export function componentText(name: string, attrs: Record<string, string | number | boolean>, block: boolean, data: PlainData): string {
  const fact = () => need(data.facts.get(String(attrs.id)), `<${name} id="${attrs.id}">: unknown fact id`)
  const page = typeof attrs.page === 'number' ? attrs.page : 1
  const lines = (l: string[]) => block ? l.join('\n') : l.filter(Boolean).join(' ')
  switch (name) {
    case 'Fact': {
      const f = fact()
      return `${formatFact(f, { unit: attrs.unit !== false })}${attrs.cite === false ? '' : citeText(f, data)}`
    }
    case 'Cite':
      return citeText(fact(), data)
    case 'Status':
      return `*(${statusText(fact())})*`
    case 'Quote': {
      const f = fact()
      if (f.value.kind !== 'quotation')
        throw new Error(`plain deck: <Quote id="${attrs.id}"> is not a quotation`)
      const by = `— ${f.value.speaker}${citeText(f, data)} *(${statusText(f)})*`
      return block ? `> “${f.value.text}”\n>\n> ${by}` : `“${f.value.text}” ${by}`
    }
    case 'Quiz': {
      const bank = need(data.quizzes[String(attrs.bank)], `<Quiz bank="${attrs.bank}">: no such bank`)
      const n = typeof attrs.question === 'number' ? attrs.question : 1
      const q = need(bank.questions[n - 1], `<Quiz bank="${attrs.bank}" :question="${n}">: no such question`)
      return lines(quizText(q, data))
    }
    case 'AnswerKey':
      return lines(answerKeyText(String(attrs.bank), page, data, typeof attrs.from === 'number'
        ? { from: attrs.from, to: typeof attrs.to === 'number' ? attrs.to : undefined }
        : undefined))
    case 'Sources':
      return lines(sourcesText(page, data))
    case 'Glossary':
      return lines(glossaryText(page, data))
    case 'QuizSummary':
      return lines(quizSummaryText(data))
    case 'UnitPlan': {
      // The same table, as preformatted text: what a plain deck would paste in.
      const plan = need(data.plan, '<UnitPlan>: no plan given (lecture.md missing?)')
      return block ? `\`\`\`text\n${plan}\n\`\`\`` : 'the unit plan'
    }
    default:
      throw new Error(`plain deck: no plain text for <${name}>`)
  }
}

/** A slide's Markdown with every kit component replaced by plain text. Throws on a component it does not know. */
export function plainSlide(content: string, data: PlainData): string {
  const out = content.split('\n').map((line) => {
    const alone = line.match(/^(\s*)<([A-Z][A-Za-z]*)((?:\s+:?[\w-]+(?:="[^"]*")?)*)\s*\/>\s*$/)
    if (alone)
      return componentText(alone[2], parseAttrs(alone[3]), true, data).split('\n').map(l => l ? alone[1] + l : l).join('\n')
    return line.replace(TAG, (_, name: string, attrs: string) => componentText(name, parseAttrs(attrs), false, data))
  }).join('\n')
  const left = out.match(/<\/?[A-Z][A-Za-z]*\b/)
  if (left)
    throw new Error(`plain deck: a component is left after conversion: ${left[0]}`)
  return out
}

/** Headmatter of the plain deck: the kit's essentials, default theme, no custom fonts (offline). */
export function plainHeadmatter(kit: Record<string, unknown>): Record<string, unknown> {
  const keep = ['title', 'titleTemplate', 'info', 'author', 'colorSchema', 'routerMode', 'transition', 'mdc', 'download', 'drawings', 'presenter', 'class', 'layout', 'favicon', 'aspectRatio', 'canvasWidth']
  const out: Record<string, unknown> = { theme: 'default' }
  for (const k of keep) {
    if (k in kit)
      out[k] = kit[k]
  }
  out.fonts = { provider: 'none' }
  out.exportFilename = 'plain'
  return out
}

/** Keep a speaker note inside its HTML comment. */
function noteBlock(note: string | undefined): string {
  const n = (note ?? '').trim().replace(/-->/g, '-- >')
  return n ? `\n\n<!--\n${n}\n-->` : ''
}

/**
 * The whole plain `slides.md`: `headmatterYaml` (without the `---` fences)
 * then one slide per input slide, in order, each with its speaker notes.
 * Slide frontmatter other than the first slide's (in the headmatter) is
 * dropped: the kit's modules only use `layout: default`.
 */
export function plainDeck(headmatterYaml: string, slides: readonly PlainSlideInput[], data: PlainData): string {
  const parts = slides.map(s => `${plainSlide(s.content, data).trim()}${noteBlock(s.note)}`)
  return `---\n${headmatterYaml.trim()}\n---\n\n${parts.join('\n\n---\n\n')}\n`
}

/** Fenced ```mermaid blocks of a Markdown text, verbatim. */
export function mermaidBlocks(md: string): string[] {
  return md.match(/^```mermaid[^\n]*\n[\s\S]*?^```/gm) ?? []
}
