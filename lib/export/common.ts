/**
 * What every learning-platform exporter shares: the bank as a list of
 * modules, the ledger and references it is read with, the explanation and
 * its sources, and the answers that the ledger decides (classify categories,
 * ordering positions).
 *
 * Pure: no file system. `scripts/export-quiz.ts` loads the files and writes
 * what the exporters return.
 */
import type { Content } from '../content.ts'
import type { Reference } from '../ledger/schema.ts'
import type { Ledger } from '../quiz/derive.ts'
import type { Category, ClassifyQuestion, OrderingQuestion, QuizFile, TrueFalseQuestion } from '../quiz/schema.ts'
import { questionSources } from '../cite.ts'
import { categoriesOf, categoryLabel } from '../quiz/categories.ts'
import { expectedCategories, orderedItems, orderingKeys } from '../quiz/derive.ts'

/** Course name: the top question-bank category and the package title. */
export const COURSE_TITLE = 'Repatriation as Leverage'

/** One quiz file of the bank. */
export interface BankModule {
  /** File stem, e.g. `03-how-repatriation-works`; names the per-module GIFT file. */
  slug: string
  quiz: QuizFile
}

/** What the exporters read the bank with. */
export interface ExportContext {
  ledger: Ledger
  /** References by id (`article`, `fn1` … `fn18`). */
  references: ReadonlyMap<string, Reference>
}

/** The context for loaded sources. */
export function exportContext(content: Pick<Content, 'facts' | 'references'>): ExportContext {
  return {
    ledger: new Map(content.facts.map(f => [f.id, f])),
    references: new Map(content.references.map(r => [r.id, r])),
  }
}

/** `quizzes/03-how-repatriation-works.yaml` → `03-how-repatriation-works`. */
export function slugOf(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '')
}

/** Modules in module order (then by slug). */
export function sortModules(modules: readonly BankModule[]): BankModule[] {
  return [...modules].sort((a, b) => a.quiz.module - b.quiz.module || a.slug.localeCompare(b.slug))
}

/** Thrown when the bank cannot be exported (a ledger fact the exporter needs is missing). */
export class ExportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportError'
  }
}

/**
 * The sources of a question's cited facts, one line per reference, without
 * repeats — the same lines as the presenter's notes (`lib/quiz/notes.ts`),
 * e.g. `[7] Reuters, 2015-09-11: …` or `The article, Canada, paragraph 12 (no footnote)`.
 */
export function sourcesOf(q: { facts: readonly string[] }, ctx: ExportContext): string[] {
  return questionSources(q.facts, ctx.ledger, ctx.references)
}

/** `Sources: a; b` — or empty when the question cites nothing the ledger holds. */
export function sourcesLine(q: { facts: readonly string[] }, ctx: ExportContext): string {
  const s = sourcesOf(q, ctx)
  return s.length ? `Sources: ${s.join('; ')}` : ''
}

/** Feedback on a right choice that carries no note of its own. */
export const RIGHT_FEEDBACK = 'Correct.'

/** Feedback for a right true/false answer. */
export function trueFalseRightFeedback(q: TrueFalseQuestion): string {
  return `Correct: the statement is ${q.answer ? 'true' : 'false'}.`
}

/** 1 → `1st`, 2 → `2nd`, 3 → `3rd`, 11 → `11th`, 22 → `22nd`. */
export function ordinal(n: number): string {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'
  return `${n}${suffix}`
}

/**
 * The chronological position of each ordering item (in written order), as a
 * label: `1st`, `2nd` … Items whose ledger dates are equal are ties, and
 * share one label naming every position they may take: `2nd–3rd (same date)`.
 */
export function orderingPositions(q: OrderingQuestion, ledger: Ledger): string[] {
  const order = orderedItems(q, ledger)
  const keys = orderingKeys(q, ledger)
  const labels: string[] = Array.from({ length: q.items.length }, () => '')
  let start = 0
  while (start < order.length) {
    let end = start
    while (end + 1 < order.length && keys[order[end + 1]] === keys[order[start]])
      end++
    const label = end === start ? ordinal(start + 1) : `${ordinal(start + 1)}–${ordinal(end + 1)} (same date)`
    for (let k = start; k <= end; k++)
      labels[order[k]] = label
    start = end + 1
  }
  return labels
}

/**
 * Every order of the items (as index lists) that grading accepts: the ledger
 * order, with tied items in any order among themselves. `undefined` when
 * there are more than `limit` such orders.
 */
export function acceptedOrders(q: OrderingQuestion, ledger: Ledger, limit = 120): number[][] | undefined {
  const order = orderedItems(q, ledger)
  const keys = orderingKeys(q, ledger)
  const groups: number[][] = []
  for (const i of order) {
    const last = groups.at(-1)
    if (last && keys[last[0]] === keys[i])
      last.push(i)
    else
      groups.push([i])
  }
  let orders: number[][] = [[]]
  for (const g of groups) {
    const perms = permutations(g)
    orders = orders.flatMap(o => perms.map(p => [...o, ...p]))
    if (orders.length > limit)
      return undefined
  }
  return orders
}

function permutations(xs: readonly number[]): number[][] {
  if (xs.length <= 1)
    return [[...xs]]
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map(p => [x, ...p]))
}

/** A classify statement with the category the ledger gives it. */
export interface ClassifiedStatement {
  text: string
  why: string
  category: Category
  /** Human label of the category, as the kit shows it (`categoryLabel`). */
  label: string
}

/** Each statement with its ledger category; throws `ExportError` when a statement's fact is missing. */
export function classifiedStatements(q: ClassifyQuestion, ledger: Ledger): ClassifiedStatement[] {
  const expected = expectedCategories(q, ledger)
  return q.statements.map((s, i) => {
    const category = expected[i]
    if (category === undefined)
      throw new ExportError(`${q.id}: statement ${i + 1} cites \`${s.fact}\`, which is not in the ledger`)
    return { text: s.text, why: s.why, category, label: categoryLabel(category) }
  })
}

/** The categories a classify question offers, with their labels, in the kit's order. */
export function categoryChoices(q: ClassifyQuestion): { category: Category, label: string }[] {
  return categoriesOf(q.scheme).map(category => ({ category, label: categoryLabel(category) }))
}

/** A number as GIFT and QTI write it: plain decimal, no grouping, no exponent, float noise removed. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n))
    throw new ExportError(`cannot write the number ${n}`)
  const rounded = Number(n.toPrecision(12))
  if (Number.isInteger(rounded))
    return BigInt(rounded).toString()
  const s = String(rounded)
  if (!/e/i.test(s))
    return s
  return rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
}
