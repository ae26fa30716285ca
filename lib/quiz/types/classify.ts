/**
 * `classify`: "on the record, or interpretation?" Each statement cites a
 * ledger fact, and its category is derived from that fact's status, never
 * written here: `binary` (on the record / interpretation) or `status` (the
 * four ledger statuses).
 *
 * Response: for each statement, a key of `categoriesOf(scheme)` (`null`
 * while unmarked). Credit: the share of statements classified right.
 */
import type { z } from 'zod'
import type { ViewBase } from '../../class/tally-kit.ts'
import type { Category } from '../categories.ts'
import type { SharedFields } from './shared.ts'
import { fail, grid, standInBase } from '../../class/tally-kit.ts'
import { categoryChoices, classifiedStatements } from '../../export/common.ts'
import { generalFeedback, matchLeft, pair } from '../../export/gift-kit.ts'
import { el, lines, mappingOf, mapScore, matchInteraction, modalFeedback, responseDeclaration, startFeedback, statementId, txt, wrongId, wrongPairFeedback } from '../../export/qti-kit.ts'
import { categoriesOf, categoryLabel } from '../categories.ts'
import { expectedCategories } from '../derive.ts'
import { normalise } from '../text.ts'
import { BLANK, defineQuestionType, type Zod } from './define.ts'
import { checkPartFigures, citingParts } from './shared.ts'

const schema = (z: Zod, f: SharedFields) => z.object({
  type: z.literal('classify'),
  ...f.base,
  /** `binary`: "on the record" (ledger status documented, reported or quotation) vs "interpretation"; `status`: the four ledger statuses. Default: `binary`. */
  scheme: z.enum(['binary', 'status']).default('binary'),
  /** At least two statements. */
  statements: z.array(z.object({
    /** The statement as the learner reads it. */
    text: f.Text,
    /** Ledger id whose `status` is the answer. Must be listed in `facts`. */
    fact: f.Id,
    /** Shown when this statement is classified wrongly. Required. */
    why: f.Why,
    /** The facts its figures restate, when they are not `fact`. Default: `fact`. */
    restates: f.Restates.optional(),
  }).strict()).min(2, 'give at least two statements'),
}).strict()

/** "On the record, or interpretation?" */
export type ClassifyQuestion = z.output<ReturnType<typeof schema>>
/** How statements are classified. */
export type Scheme = ClassifyQuestion['scheme']
/** One statement of a classify question. */
export type Statement = ClassifyQuestion['statements'][number]

/**
 * A classify question as GIFT matching: each statement → its category label
 * (the kit's labels, `categoryLabel`). Labels no statement takes are added
 * as extra choices, so every category is always offered.
 */
export function classifyPairs(q: ClassifyQuestion, ledger: Parameters<typeof classifiedStatements>[1]): { left: string, right: string }[] {
  const statements = classifiedStatements(q, ledger)
  const used = new Set(statements.map(s => s.category))
  return [
    ...statements.map(s => ({ left: s.text, right: s.label })),
    ...categoryChoices(q).filter(c => !used.has(c.category)).map(c => ({ left: '', right: c.label })),
  ]
}

/** The view of a classify question: the statements, and the categories to choose from. */
export interface PublicClassifyQuestion extends ViewBase { type: 'classify', statements: string[], categories: { key: Category, label: string }[] }

function describeCategory(c: Category | undefined): string {
  return c ? categoryLabel(c) : '(fact missing from the ledger)'
}

export const classify = defineQuestionType<ClassifyQuestion, (Category | null)[], PublicClassifyQuestion>({
  type: 'classify',
  label: 'on the record or interpretation?',
  minutes: 2,
  input: 'ClassifyInput',
  schema,
  blank: q => q.statements.map(() => null),
  isAnswered: (q, r): r is Category[] => {
    const keys: readonly unknown[] = categoriesOf(q.scheme)
    return Array.isArray(r) && r.length === q.statements.length && r.every(k => keys.includes(k))
  },
  /** Each statement is right when its category is the one its fact's ledger status gives. */
  grade(q, chosen, ledger) {
    const expected = expectedCategories(q, ledger)
    const parts = q.statements.map((_, i) => expected[i] !== undefined && chosen[i] === expected[i])
    return {
      correct: parts.every(Boolean),
      score: parts.filter(Boolean).length / parts.length,
      parts,
      feedback: q.statements.flatMap((s, i) => parts[i] ? [] : [s.why]),
    }
  },
  correct: (q, ledger) => expectedCategories(q, ledger).map(c => c ?? null),
  describe: (q, ledger) => q.statements.map((s, i) => `“${s.text}”: ${describeCategory(expectedCategories(q, ledger)[i])}`).join('; '),
  solution: 'marked',
  rows(q, chosen, ledger) {
    const want = expectedCategories(q, ledger)
    return q.statements.map((_, i) => want[i] !== undefined && chosen[i] === want[i])
  },
  cannotCheck: (_q, r) => Array.isArray(r) && r.every(x => x !== null && x !== undefined) ? undefined : 'Mark every statement before pressing Check.',
  citing: q => citingParts('statements', q.statements).map(p => ({
    ...p,
    missing: (fact: string) => `statement fact \`${fact}\` is missing from the ledger, so its category cannot be derived`,
  })),
  /** Answers are derived from the ledger, so only a figure, a missing fact or a repeated statement can break them. */
  check(q, ledger, report) {
    checkPartFigures(q, 'statements', q.statements.map(s => ({ texts: { text: s.text }, fact: s.fact, restates: s.restates })), ledger, report)
    const texts = new Map<string, number>()
    q.statements.forEach((s, k) => {
      const key = normalise(s.text)
      if (texts.has(key))
        report(['statements', k, 'text'], `same text as statement ${texts.get(key)! + 1}`)
      texts.set(key, k)
    })
  },
  judged: () => false,
  gift: (q, ctx) => ({
    stem: q.stem,
    answers: classifyPairs(q, ctx.ledger).map(p => pair(p.left, p.right)),
    general: generalFeedback(q, ctx, ['If a statement was misclassified:', ...q.statements.map(s => `– ${matchLeft(s.text)}: ${s.why}`)]),
  }),
  qti(q, ctx) {
    const statements = classifiedStatements(q, ctx.ledger)
    const n = statements.length
    const pairs = statements.map((s, i) => ({ part: statementId(i), target: s.category as string }))
    const keys = pairs.map(p => `${p.part} ${p.target}`)
    return {
      response: responseDeclaration('multiple', 'directedPair', keys, mappingOf(keys.map(k => [k, 1]), { lower: 0, upper: n })),
      body: [matchInteraction(
        q,
        n,
        statements.map((s, i) => el('qti-simple-associable-choice', { 'identifier': statementId(i), 'match-max': 1 }, lines(s.text))),
        // Categories keep the kit's order; each may take every statement.
        categoryChoices(q).map(c => el('qti-simple-associable-choice', { 'identifier': c.category, 'match-max': n, 'fixed': 'true' }, [txt(c.label)])),
      )],
      processing: [mapScore(n), startFeedback(false), ...wrongPairFeedback(pairs)],
      feedback: statements.map((s, i) => modalFeedback(wrongId(statementId(i)), 'A statement to review', [el('p', {}, [el('strong', {}, lines(s.text)), txt(': '), ...lines(s.why)])])),
    }
  },
  kahoot: () => ({ unsupported: 'a classify question asks for a verdict on each statement; Kahoot\'s quiz spreadsheet asks one thing per question (ask the statements one by one in Kahoot\'s editor)' }),
  print: q => ({
    stem: q.stem,
    hint: `Mark each statement: ${categoriesOf(q.scheme).map(categoryLabel).join(' / ')}.`,
    groups: q.statements.map(s => [`${s.text} ${BLANK}`]),
  }),
  classroom: {
    view: (q): PublicClassifyQuestion => ({
      type: 'classify',
      id: q.id,
      stem: q.stem,
      statements: q.statements.map(s => s.text),
      categories: categoriesOf(q.scheme).map(key => ({ key, label: categoryLabel(key) })),
    }),
    fromView: (q, r) => {
      const keys: readonly unknown[] = categoriesOf(q.scheme)
      const n = q.statements.length
      if (!Array.isArray(r) || r.length !== n || !r.every(k => keys.includes(k)))
        return fail(`Mark all ${n} statements: send, for each, one of ${keys.map(k => `"${String(k)}"`).join(', ')}.`)
      return { ok: true, response: [...r] }
    },
    toView: (_q, r) => r,
    answerView: (q, ledger) => expectedCategories(q, ledger).map(c => c ?? null),
    tally: (q, responses, ledger) => {
      const cats = categoriesOf(q.scheme)
      const want = expectedCategories(q, ledger)
      const counts = grid(q.statements.length, cats.length)
      for (const r of responses)
        (r as Category[]).forEach((c, s) => counts[s][cats.indexOf(c)]++)
      return {
        kind: 'grid',
        rows: q.statements.map(s => s.text),
        cols: cats.map(categoryLabel),
        counts,
        correct: want.map(w => cats.map(c => c === w)),
      }
    },
    standIn: (v) => {
      const keys = v.categories.map(c => c.key).join()
      const scheme = (['binary', 'status'] as const).find(s => categoriesOf(s).join() === keys) ?? 'binary'
      return { question: { ...standInBase(v), type: 'classify', scheme, statements: v.statements.map(text => ({ text })) } as unknown as ClassifyQuestion, start: v.statements.map(() => null) }
    },
  },
})
