/**
 * `ordering`: put events in chronological order. Items are written in the
 * correct (earliest-first) order, each citing a dated ledger fact whose
 * date decides the order; equal dates are ties, either order accepted.
 *
 * Response: item indices in the learner's order (a permutation).
 * Credit: the share of adjacent pairs in order.
 */
import type { z } from 'zod'
import type { ViewBase } from '../../class/tally-kit.ts'
import type { Ledger } from '../derive.ts'
import type { SharedFields } from './shared.ts'
import { fail, grid, isInt, ordinalLabel, orderingDisplay, span, standInBase } from '../../class/tally-kit.ts'
import { acceptedOrders, orderingPositions } from '../../export/common.ts'
import { generalFeedback, pair } from '../../export/gift-kit.ts'
import { baseValue, condition, el, itemId, lines, matchCorrect, ORDERING_PROMPT, prompt, RESPONSE, responseDeclaration, setScore, startFeedback, variable } from '../../export/qti-kit.ts'
import { formatValue } from '../../format.ts'
import { itemKeys, orderedItems, orderingKeys } from '../derive.ts'
import { startingOrder } from '../shuffle.ts'
import { BLANK, defineQuestionType, type Zod } from './define.ts'
import { checkPartFigures, citingParts, isPermutation } from './shared.ts'

const schema = (z: Zod, f: SharedFields) => z.object({
  type: z.literal('ordering'),
  ...f.base,
  /** At least three events, written in the correct (earliest-first) order. Items with equal ledger dates are ties: either order is accepted. */
  items: z.array(z.object({
    /** The event as the learner reads it. */
    text: f.Text,
    /** Ledger id of a dated fact (kind `year`, `period` or `date`); its date decides the order. Must be listed in `facts`. */
    fact: f.Id,
    /** The facts its figures restate, when they are not `fact`. Default: `fact`. */
    restates: f.Restates.optional(),
  }).strict()).min(3, 'give at least three items'),
}).strict()

/** Put events in chronological order. */
export type OrderingQuestion = z.output<ReturnType<typeof schema>>
/** One event of an ordering question. */
export type OrderItem = OrderingQuestion['items'][number]

/** The sentence added to an ordering question's stem, which GIFT shows as a matching question. */
export const ORDERING_HINT = 'Match each event to its place in time (1st = earliest).'

/**
 * An ordering question as GIFT matching: each event → its position. Events
 * are listed in the kit's seeded starting order (never the answer order),
 * since Moodle shows the left-hand side in file order.
 */
export function orderingPairs(q: OrderingQuestion, ledger: Ledger): { left: string, right: string }[] {
  const positions = orderingPositions(q, ledger)
  return startingOrder(q.items.length, q.id).map(i => ({ left: q.items[i].text, right: positions[i] }))
}

/** The stem of an ordering question in GIFT. */
export function orderingStem(q: OrderingQuestion): string {
  return `${q.stem} ${ORDERING_HINT}`
}

/** `“B” (2016) came before “A” (2019).`, from the ledger dates. */
function orderingNote(q: OrderingQuestion, earlierPlaced: number, laterPlaced: number, ledger: Ledger): string {
  const label = (i: number) => {
    const v = ledger.get(q.items[i].fact)?.value
    return v ? `“${q.items[i].text}” (${formatValue(v)})` : `“${q.items[i].text}”`
  }
  return `${label(laterPlaced)} came before ${label(earlierPlaced)}.`
}

/** Items in ledger order with their dates; ties joined by ` = `. */
function describe(q: OrderingQuestion, ledger: Ledger): string {
  const order = orderedItems(q, ledger)
  const keys = itemKeys(q, ledger)
  const label = (i: number) => {
    const v = ledger.get(q.items[i].fact)?.value
    return v ? `${q.items[i].text} (${formatValue(v)})` : q.items[i].text
  }
  return order.map((item, k) => {
    const sep = k === 0 ? '' : keys[item] !== undefined && keys[item] === keys[order[k - 1]] ? ' = ' : ' → '
    return sep + label(item)
  }).join('')
}

/** The view of an ordering question: its items in the slide's starting order. */
export interface PublicOrderingQuestion extends ViewBase { type: 'ordering', items: string[] }

export const ordering = defineQuestionType<OrderingQuestion, number[], PublicOrderingQuestion>({
  type: 'ordering',
  label: 'put in order',
  minutes: 2,
  input: 'OrderingInput',
  schema,
  blank: q => startingOrder(q.items.length, q.id),
  isAnswered: (q, r): r is number[] => isPermutation(r, q.items.length),
  /** Correct when dates never decrease along the learner's order. */
  grade(q, order, ledger) {
    const keys = orderingKeys(q, ledger)
    const parts = order.slice(1).map((item, i) => keys[order[i]] <= keys[item])
    const feedback = parts.flatMap((ok, i) => ok ? [] : [orderingNote(q, order[i], order[i + 1], ledger)])
    const inOrder = parts.filter(Boolean).length
    return { correct: inOrder === parts.length, score: parts.length ? inOrder / parts.length : 1, parts, feedback }
  },
  correct: orderedItems,
  describe,
  solution: 'marked',
  // An item is in place when its date is the one that belongs at its position (ties share places).
  rows(q, order, ledger) {
    const keys = orderingKeys(q, ledger)
    const sorted = [...keys].sort((a, b) => a - b)
    return order.map((item, pos) => keys[item] === sorted[pos])
  },
  cannotCheck: () => undefined,
  citing: q => citingParts('items', q.items),
  check(q, ledger, report) {
    checkPartFigures(q, 'items', q.items.map(i => ({ texts: { text: i.text }, fact: i.fact, restates: i.restates })), ledger, report)
    const keys = itemKeys(q, ledger)
    q.items.forEach((item, k) => {
      const fact = ledger.get(item.fact)
      if (fact && keys[k] === undefined)
        report(['items', k, 'fact'], `\`${item.fact}\` has no date (its value is a ${fact.value.kind}), so it cannot be ordered`)
    })
    if (keys.some(k => k === undefined))
      return
    const dated = keys as number[]
    const dateOf = (k: number) => {
      const v = ledger.get(q.items[k].fact)?.value
      return v ? formatValue(v) : '?'
    }
    for (let k = 1; k < dated.length; k++) {
      if (dated[k] < dated[k - 1])
        report(['items', k], `items are not in ledger order: “${q.items[k].text}” (${dateOf(k)}) is before “${q.items[k - 1].text}” (${dateOf(k - 1)})`)
    }
    if (new Set(dated).size === 1)
      report(['items'], 'every item has the same date, so any order is right')
  },
  judged: () => false,
  gift: (q, ctx) => ({
    stem: orderingStem(q),
    answers: orderingPairs(q, ctx.ledger).map(p => pair(p.left, p.right)),
    general: generalFeedback(q, ctx),
  }),
  qti(q, ctx) {
    const correct = orderedItems(q, ctx.ledger).map(itemId)
    const orders = acceptedOrders(q, ctx.ledger)
    const ordered = (order: number[]) => el('qti-ordered', {}, order.map(i => baseValue('identifier', itemId(i))))
    // Without ties the correct response is the only order; with ties, any accepted order scores.
    const scoring = !orders || orders.length === 1
      ? matchCorrect()
      : condition(
          el('qti-or', {}, orders.map(o => el('qti-match', {}, [variable(RESPONSE), ordered(o)]))),
          [setScore(1)],
          [setScore(0)],
        )
    return {
      response: responseDeclaration('ordered', 'identifier', correct),
      body: [el('qti-order-interaction', { 'response-identifier': RESPONSE, 'shuffle': 'true' }, [
        prompt(`${q.stem} ${ORDERING_PROMPT}`),
        // Written in the kit's starting order, never the answer order, for players that do not shuffle.
        ...startingOrder(q.items.length, q.id).map(i => el('qti-simple-choice', { identifier: itemId(i) }, lines(q.items[i].text))),
      ])],
      processing: [scoring, startFeedback(false)],
    }
  },
  kahoot: () => ({ unsupported: 'an ordering question asks for an order; Kahoot\'s quiz spreadsheet has only answers to choose from (make it a puzzle question in Kahoot\'s editor)' }),
  print: q => ({ stem: q.stem, hint: 'Number the events from earliest (1) to latest.', groups: [startingOrder(q.items.length, q.id).map(i => `${BLANK} ${q.items[i].text}`)] }),
  classroom: {
    view: (q): PublicOrderingQuestion => ({ type: 'ordering', id: q.id, stem: q.stem, items: orderingDisplay(q).map(i => q.items[i].text) }),
    fromView: (q, r) => {
      const n = q.items.length
      if (!Array.isArray(r) || r.length !== n || !r.every(i => isInt(i, n)) || new Set(r).size !== n)
        return fail(`Put the ${n} items in order: send each item's number (${span(n)}, as listed) exactly once, earliest first.`)
      const shown = orderingDisplay(q)
      return { ok: true, response: r.map(d => shown[d]) }
    },
    toView: (q, r) => {
      const shown = orderingDisplay(q)
      return (r as number[]).map(i => shown.indexOf(i))
    },
    answerView: (q, ledger) => {
      const shown = orderingDisplay(q)
      return orderedItems(q, ledger).map(i => shown.indexOf(i))
    },
    tally: (q, responses, ledger) => {
      // Rows in the correct order; a cell is right when that item's date is the one that belongs at that position (ties share places).
      const order = orderedItems(q, ledger)
      const keys = orderingKeys(q, ledger)
      const sorted = [...keys].sort((a, b) => a - b)
      const rowOf = new Map(order.map((item, row) => [item, row]))
      const counts = grid(order.length, order.length)
      for (const r of responses)
        (r as number[]).forEach((item, pos) => counts[rowOf.get(item)!][pos]++)
      return {
        kind: 'grid',
        rows: order.map(i => q.items[i].text),
        cols: order.map((_, pos) => ordinalLabel(pos + 1)),
        counts,
        correct: order.map(item => sorted.map(k => k === keys[item])),
      }
    },
    // The view lists the items in the slide's starting order already: start from it as listed.
    standIn: v => ({ question: { ...standInBase(v), type: 'ordering', items: v.items.map(text => ({ text })) } as unknown as OrderingQuestion, start: v.items.map((_, i) => i) }),
  },
})
