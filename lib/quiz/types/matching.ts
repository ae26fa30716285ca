/**
 * `matching`: match each left to its right. Pairs are written matched; the
 * UI offers the rights in a seeded order.
 *
 * Response: for each left `i`, the index `j` of the pair whose right was
 * matched to it (`null` while unmatched).
 * Credit: the share of lefts matched right.
 */
import type { z } from 'zod'
import type { ViewBase } from '../../class/tally-kit.ts'
import type { SharedFields } from './shared.ts'
import { fail, grid, isInt, matchingDisplay, span, standInBase } from '../../class/tally-kit.ts'
import { generalFeedback, matchLeft, pair } from '../../export/gift-kit.ts'
import { el, leftId, lines, mappingOf, mapScore, matchInteraction, modalFeedback, responseDeclaration, rightId, startFeedback, txt, wrongId, wrongPairFeedback } from '../../export/qti-kit.ts'
import { seededPermutation } from '../shuffle.ts'
import { letter, normalise } from '../text.ts'
import { BLANK, defineQuestionType, type Zod } from './define.ts'
import { checkDistinct, checkPartFigures, citingParts, isIndex } from './shared.ts'

const schema = (z: Zod, f: SharedFields) => z.object({
  type: z.literal('matching'),
  ...f.base,
  /** At least three pairs, written matched; the UI shuffles the right-hand side. */
  pairs: z.array(z.object({
    /** The actor, body or term, e.g. `Liu Dong`. */
    left: f.Text,
    /** Its role or definition, e.g. `Director of Fox Hunt`. */
    right: f.Text,
    /** Optional ledger id supporting the pair; must be listed in `facts`. Default: none. */
    fact: f.Id.optional(),
    /** Shown when this left is matched wrongly. Required. */
    why: f.Why,
    /** The facts its figures restate, when they are not `fact`. Default: `fact`. */
    restates: f.Restates.optional(),
  }).strict()).min(3, 'give at least three pairs'),
}).strict()

/** Match each left to its right. */
export type MatchingQuestion = z.output<ReturnType<typeof schema>>
/** One pair of a matching question. */
export type Pair = MatchingQuestion['pairs'][number]

/** The view of a matching question: the lefts, and the rights in the order the slide offers them. */
export interface PublicMatchingQuestion extends ViewBase { type: 'matching', lefts: string[], rights: string[] }

export const matching = defineQuestionType<MatchingQuestion, (number | null)[], PublicMatchingQuestion>({
  type: 'matching',
  label: 'match',
  minutes: 2,
  input: 'MatchingInput',
  schema,
  blank: q => q.pairs.map(() => null),
  isAnswered: (q, r): r is number[] => Array.isArray(r) && r.length === q.pairs.length && r.every(j => isIndex(j, q.pairs.length)),
  /** A left is right when the right matched to it has the text of its own pair's right. */
  grade(q, matched) {
    const parts = q.pairs.map((p, i) => q.pairs[matched[i]!].right === p.right)
    return {
      correct: parts.every(Boolean),
      score: parts.filter(Boolean).length / parts.length,
      parts,
      feedback: q.pairs.flatMap((p, i) => parts[i] ? [] : [p.why]),
    }
  },
  correct: q => q.pairs.map((_, i) => i),
  describe: q => q.pairs.map(p => `${p.left} → ${p.right}`).join('; '),
  solution: 'marked',
  rows: (q, matched) => q.pairs.map((p, i) => q.pairs[matched[i]!].right === p.right),
  cannotCheck: (_q, r) => Array.isArray(r) && r.every(x => x !== null && x !== undefined) ? undefined : 'Choose a match for every row before pressing Check.',
  citing: q => citingParts('pairs', q.pairs),
  /** Figures agree with the ledger; lefts, and rights, differ, or a match is ambiguous. */
  check(q, ledger, report) {
    checkPartFigures(q, 'pairs', q.pairs.map(p => ({ texts: { left: p.left, right: p.right }, fact: p.fact, restates: p.restates })), ledger, report)
    for (const side of ['left', 'right'] as const)
      checkDistinct(q.pairs.map(p => p[side]), normalise, k => ['pairs', k, side], first => `same ${side} as pair ${first + 1}; the match would be ambiguous`, report)
  },
  judged: () => false,
  gift: (q, ctx) => ({
    stem: q.stem,
    answers: q.pairs.map(p => pair(p.left, p.right)),
    general: generalFeedback(q, ctx, ['If a match was wrong:', ...q.pairs.map(p => `– ${matchLeft(p.left)}: ${p.why}`)]),
  }),
  qti(q) {
    const n = q.pairs.length
    const pairs = q.pairs.map((_, i) => ({ part: leftId(i), target: rightId(i) }))
    const keys = pairs.map(p => `${p.part} ${p.target}`)
    return {
      response: responseDeclaration('multiple', 'directedPair', keys, mappingOf(keys.map(k => [k, 1]), { lower: 0, upper: n })),
      body: [matchInteraction(
        q,
        n,
        q.pairs.map((p, i) => el('qti-simple-associable-choice', { 'identifier': leftId(i), 'match-max': 1 }, lines(p.left))),
        q.pairs.map((p, i) => el('qti-simple-associable-choice', { 'identifier': rightId(i), 'match-max': 1 }, lines(p.right))),
      )],
      processing: [mapScore(n), startFeedback(false), ...wrongPairFeedback(pairs)],
      feedback: q.pairs.map((p, i) => modalFeedback(wrongId(leftId(i)), 'A match to review', [el('p', {}, [el('strong', {}, lines(p.left)), txt(': '), ...lines(p.why)])])),
    }
  },
  kahoot: () => ({ unsupported: 'a matching question asks for pairs; Kahoot\'s quiz spreadsheet has only answers to choose from' }),
  print(q) {
    const right = seededPermutation(q.pairs.length, `${q.id}:right`)
    return {
      stem: q.stem,
      groups: [
        q.pairs.map((p, i) => `${i + 1}. ${p.left} ${BLANK}`),
        right.map((r, j) => `${letter(j)}. ${q.pairs[r].right}`),
      ],
      columns: true,
    }
  },
  classroom: {
    view: (q): PublicMatchingQuestion => ({ type: 'matching', id: q.id, stem: q.stem, lefts: q.pairs.map(p => p.left), rights: matchingDisplay(q).map(j => q.pairs[j].right) }),
    fromView: (q, r) => {
      const n = q.pairs.length
      if (!Array.isArray(r) || r.length !== n || !r.every(d => isInt(d, n)))
        return fail(`Match all ${n} rows: send, for each row, the number of a right-hand choice (${span(n)}, as listed).`)
      const shown = matchingDisplay(q)
      return { ok: true, response: r.map(d => shown[d]) }
    },
    toView: (q, r) => {
      const shown = matchingDisplay(q)
      return (r as number[]).map(j => shown.indexOf(j))
    },
    answerView: (q) => {
      const shown = matchingDisplay(q)
      // The first listed right with the pair's own text (equal texts are equally right).
      return q.pairs.map(p => shown.findIndex(j => q.pairs[j].right === p.right))
    },
    tally: (q, responses) => {
      const shown = matchingDisplay(q)
      const col = new Map(shown.map((j, d) => [j, d]))
      const counts = grid(q.pairs.length, q.pairs.length)
      for (const r of responses)
        (r as number[]).forEach((j, left) => counts[left][col.get(j)!]++)
      return {
        kind: 'grid',
        rows: q.pairs.map(p => p.left),
        cols: shown.map(j => q.pairs[j].right),
        counts,
        correct: q.pairs.map(p => shown.map(j => q.pairs[j].right === p.right)),
      }
    },
    // Pairs whose rights are the view's: the input's value (an index into pairs) is then an index into `view.rights`.
    standIn: v => ({ question: { ...standInBase(v), type: 'matching', pairs: v.lefts.map((left, i) => ({ left, right: v.rights[i] })) } as unknown as MatchingQuestion, start: v.lefts.map(() => null) }),
  },
})
