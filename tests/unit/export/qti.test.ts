import type { ExportContext } from '../../../lib/export/common.ts'
import type { BankModule } from '../../../lib/export/common.ts'
import type { Category, Question } from '../../../lib/quiz/schema.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { citationFor } from '../../../lib/cite.ts'
import { listBanks, loadSources } from '../../../lib/content.ts'
import { exportContext, slugOf } from '../../../lib/export/common.ts'
import { ITEM_RESOURCE_TYPE, itemPath, QTI_NS, qtiIdentifier, qtiPackage } from '../../../lib/export/qti.ts'
import { acceptedInterval, optionText } from '../../../lib/quiz/derive.ts'
import { correctResponse, describeAnswer, grade } from '../../../lib/quiz/grade.ts'
import { categoriesOf, QuizFile } from '../../../lib/quiz/schema.ts'
import { loadQuizFile, validateQuiz } from '../../../lib/quiz/validate.ts'
import { blankKind } from '../../../lib/quiz/types/cloze.ts'
import { classify, ledger, matching, multiple, numeric, ordering, single, truefalse, variant } from '../quiz/fixtures.ts'

// ─── Fixtures ────────────────────────────────────────────────────────────────

const ctx: ExportContext = { ledger, references: new Map() }

const fixtureModules: BankModule[] = [
  {
    slug: '03-how-repatriation-works',
    quiz: QuizFile.parse({ module: 3, title: 'How repatriation works', questions: [
      single,
      variant(single, (c) => {
        c.id = 'q03-escaped'
        c.stem = 'Is <b>this</b> & "that" \'escaped\'?'
        delete (c.options[1] as { text?: string }).text
        c.options[0].why = 'a < b & c > d'
      }),
      multiple,
      truefalse,
      { ...truefalse, id: 'q03-true', stem: 'About 39,000 people had removal orders in 2021.', facts: ['us-removal-inventory-2021'], answer: true },
      numeric,
      { ...numeric, id: 'q03-range', facts: ['us-removals-per-year'], answer: { fact: 'us-removals-per-year' }, tolerance: 50, unit: 'people a year', distractors: [{ value: 1000, why: 'Too high.' }] },
    ] }),
  },
  {
    slug: '05-actors',
    quiz: QuizFile.parse({ module: 5, title: 'Actors', questions: [
      matching,
      classify,
      { ...classify, id: 'q05-statuses', scheme: 'status' },
    ] }),
  },
  {
    slug: '07-canada',
    quiz: QuizFile.parse({ module: 7, title: 'Canada', questions: [
      ordering, // two May 2019 events tie
      { ...ordering, id: 'q07-no-tie', facts: ['ca-readmission-talks-start', 'ca-deal-drafted', 'suspension-2022'], items: [ordering.items[0], ordering.items[1], ordering.items[3]] },
    ] }),
  },
]

// ─── XML helpers (fast-xml-parser, ordered form) ─────────────────────────────

type Node = Record<string, unknown>

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: true })

function tagOf(n: Node): string {
  return Object.keys(n).find(k => k !== ':@')!
}
function kids(n: Node): Node[] {
  const v = n[tagOf(n)]
  return Array.isArray(v) ? v as Node[] : []
}
function attr(n: Node, name: string): string | undefined {
  return (n[':@'] as Record<string, string> | undefined)?.[name]
}
function elements(n: Node): Node[] {
  return kids(n).filter(k => tagOf(k) !== '#text')
}
/** Descendants (depth first) with this tag. */
function all(nodes: Node[], tag: string): Node[] {
  return nodes.flatMap(n => tagOf(n) === '#text' ? [] : [...(tagOf(n) === tag ? [n] : []), ...all(kids(n), tag)])
}
function one(nodes: Node[], tag: string): Node {
  const found = all(nodes, tag)
  expect(found, tag).toHaveLength(1)
  return found[0]
}
/** Text of a node, its pieces joined by spaces, leaving out the given tags. */
function text(n: Node, skip: string[] = []): string {
  const pieces = (x: Node): string[] => tagOf(x) === '#text'
    ? [String(x['#text'])]
    : skip.includes(tagOf(x)) ? [] : kids(x).flatMap(pieces)
  return pieces(n).join(' ').replace(/\s+/g, ' ').trim()
}
function parseXml(xml: string): Node[] {
  return parser.parse(xml) as Node[]
}
/** Whitespace as an XML reader of our (indented) files sees it. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

// ─── A small interpreter for the response processing the export writes ──────

type Value = null | { card: 'single' | 'multiple' | 'ordered', values: (string | number)[] } | boolean

interface Declaration { cardinality: string, baseType: string, correct: string[], mapping?: { entries: Map<string, number>, def: number, lower?: number, upper?: number } }

function declarationOf(item: Node[]): Declaration {
  const d = one(item, 'qti-response-declaration')
  const mapping = all([d], 'qti-mapping')[0]
  return {
    cardinality: attr(d, 'cardinality')!,
    baseType: attr(d, 'base-type')!,
    correct: all(all([d], 'qti-correct-response'), 'qti-value').map(v => text(v)),
    mapping: mapping && {
      entries: new Map(all([mapping], 'qti-map-entry').map(e => [attr(e, 'map-key')!, Number(attr(e, 'mapped-value'))])),
      def: Number(attr(mapping, 'default-value') ?? 0),
      lower: attr(mapping, 'lower-bound') === undefined ? undefined : Number(attr(mapping, 'lower-bound')),
      upper: attr(mapping, 'upper-bound') === undefined ? undefined : Number(attr(mapping, 'upper-bound')),
    },
  }
}

function typed(baseType: string, v: string): string | number {
  return baseType === 'float' || baseType === 'integer' ? Number(v) : v
}

/** Run the item's response processing on RESPONSE (or on several responses, by identifier); returns the outcomes. */
function respond(item: Node[], response: Value | { by: Record<string, Value> }): { SCORE: number, FEEDBACK: string[] } {
  const several = response !== null && typeof response === 'object' && 'by' in response
  // `qti-correct` and `qti-map-response` read the item's one declaration (a cloze item has one per blank, and uses neither).
  let declared: Declaration | undefined
  const decl = () => declared ??= declarationOf(item)
  const vars: Record<string, Value> = {
    ...(several ? response.by : { RESPONSE: response }),
    SCORE: { card: 'single', values: [0] },
    MAXSCORE: { card: 'single', values: [1] },
    FEEDBACK: null,
  }
  const containerOf = (v: Value) => v && typeof v === 'object' ? v.values : []
  const sameMultiset = (a: (string | number)[], b: (string | number)[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')
  const evaluate = (n: Node): Value => {
    const args = elements(n).map(evaluate)
    switch (tagOf(n)) {
      case 'qti-variable': return vars[attr(n, 'identifier')!] ?? null
      case 'qti-correct': return { card: decl().cardinality as 'single', values: decl().correct.map(v => typed(decl().baseType, v)) }
      case 'qti-base-value': return { card: 'single', values: [typed(attr(n, 'base-type')!, text(n))] }
      case 'qti-multiple': {
        const values = args.flatMap(containerOf)
        return values.length ? { card: 'multiple', values } : null
      }
      case 'qti-ordered': return { card: 'ordered', values: args.flatMap(containerOf) }
      case 'qti-is-null': return args[0] === null
      case 'qti-not': return args[0] === null ? null : !args[0]
      case 'qti-and': return args.every(a => a === true)
      case 'qti-or': return args.some(a => a === true)
      case 'qti-string-match': {
        const [a, b] = args.map(x => x && typeof x === 'object' ? String(x.values[0]) : null)
        if (a === null || b === null)
          return null
        return attr(n, 'case-sensitive') === 'false' ? a.toLowerCase() === b.toLowerCase() : a === b
      }
      case 'qti-sum': {
        const values = args.map(x => x && typeof x === 'object' ? Number(x.values[0]) : null)
        return values.includes(null) ? null : { card: 'single', values: [(values as number[]).reduce((s, v) => s + v, 0)] }
      }
      case 'qti-match': {
        const [a, b] = args
        if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
          return null
        return a.card === 'ordered' ? a.values.join('\u0000') === b.values.join('\u0000') : sameMultiset(a.values, b.values)
      }
      case 'qti-contains': {
        const [a, b] = args
        if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
          return null
        return b.values.every(v => a.values.includes(v))
      }
      case 'qti-gte':
      case 'qti-lte':
      case 'qti-equal': {
        const [a, b] = args.map(x => x && typeof x === 'object' ? Number(x.values[0]) : null)
        if (a === null || b === null)
          return null
        return tagOf(n) === 'qti-gte' ? a >= b : tagOf(n) === 'qti-lte' ? a <= b : a === b
      }
      case 'qti-divide': {
        const [a, b] = args.map(x => x && typeof x === 'object' ? Number(x.values[0]) : Number.NaN)
        return { card: 'single', values: [a / b] }
      }
      case 'qti-map-response': {
        const m = decl().mapping!
        const r = vars.RESPONSE
        let sum = [...new Set(containerOf(r).map(String))].reduce((s, k) => s + (m.entries.get(k) ?? m.def), 0)
        if (m.lower !== undefined)
          sum = Math.max(m.lower, sum)
        if (m.upper !== undefined)
          sum = Math.min(m.upper, sum)
        return { card: 'single', values: [sum] }
      }
      default: throw new Error(`the test interpreter does not know <${tagOf(n)}>`)
    }
  }
  const run = (rules: Node[]): void => {
    for (const rule of rules) {
      switch (tagOf(rule)) {
        case 'qti-set-outcome-value':
          vars[attr(rule, 'identifier')!] = evaluate(elements(rule)[0])
          break
        case 'qti-response-condition': {
          for (const branch of elements(rule)) {
            if (tagOf(branch) === 'qti-response-else') {
              run(elements(branch))
              break
            }
            const [test, ...body] = elements(branch)
            if (evaluate(test) === true) {
              run(body)
              break
            }
          }
          break
        }
        default: throw new Error(`the test interpreter does not know the rule <${tagOf(rule)}>`)
      }
    }
  }
  run(elements(one(item, 'qti-response-processing')))
  const score = vars.SCORE as { values: number[] }
  return { SCORE: score.values[0], FEEDBACK: containerOf(vars.FEEDBACK).map(String) }
}

// ─── Checks ──────────────────────────────────────────────────────────────────

function permutations(n: number): number[][] {
  if (n === 0)
    return [[]]
  return permutations(n - 1).flatMap(p => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]))
}

function subsets(n: number): number[][] {
  return Array.from({ length: 2 ** n }, (_, mask) => Array.from({ length: n }, (_, i) => i).filter(i => mask & (1 << i)))
}

function assignments<T>(n: number, choices: readonly T[], limit = 256): T[][] {
  let out: T[][] = [[]]
  for (let i = 0; i < n && out.length * choices.length <= limit; i++)
    out = out.flatMap(a => choices.map(c => [...a, c]))
  return out.filter(a => a.length === n)
}

const single1 = (v: string | number): Value => ({ card: 'single', values: [v] })
const multi = (vs: (string | number)[]): Value => vs.length ? { card: 'multiple', values: vs } : null
const ordered = (vs: string[]): Value => ({ card: 'ordered', values: vs })

/** Modal feedback texts by identifier. */
function modals(item: Node[]): Map<string, string> {
  return new Map(all(item, 'qti-modal-feedback').map(m => [attr(m, 'identifier')!, text(m)]))
}

/** Check one item document against its bank question, statically and by running its response processing. */
function checkItem(xml: string, q: Question, c: ExportContext): void {
  const doc = parseXml(xml)
  const item = one(doc, 'qti-assessment-item')
  expect(attr(item, 'xmlns')).toBe(QTI_NS)
  expect(attr(item, 'identifier')).toBe(qtiIdentifier(q.id))
  expect(attr(item, 'adaptive')).toBe('false')
  const body = [item]
  // A cloze item declares one response per blank; every other type, one.
  const decl = q.type === 'cloze' ? undefined as unknown as Declaration : declarationOf(body)
  const feedback = modals(body)

  // The explanation: shown after every response, with the answer and the sources.
  const explanation = feedback.get('EXPLANATION')!
  expect(explanation).toContain(squash(q.explanation))
  expect(explanation).toContain(squash(describeAnswer(q, c.ledger)))
  const sources = [...new Set(q.facts.flatMap(id => c.ledger.get(id) ? citationFor(c.ledger.get(id)!, c.references).sources : []))]
  for (const s of sources)
    expect(explanation).toContain(squash(s))
  expect(respond(body, null).FEEDBACK).toContain('EXPLANATION')

  const prompt = all(body, 'qti-prompt')[0]
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const interaction = one(body, 'qti-choice-interaction')
      expect(attr(interaction, 'max-choices')).toBe(q.type === 'single' ? '1' : '0')
      expect(decl.cardinality).toBe(q.type === 'single' ? 'single' : 'multiple')
      expect(text(prompt)).toBe(squash(q.stem))
      const choices = all([interaction], 'qti-simple-choice')
      expect(choices.map(ch => text(ch, ['qti-feedback-inline']))).toEqual(q.options.map(o => squash(optionText(o, c.ledger))))
      const ids = choices.map(ch => attr(ch, 'identifier')!)
      const right = (correctResponse(q, c.ledger) as number | number[])
      expect(decl.correct).toEqual((Array.isArray(right) ? right : [right]).map(i => ids[i]))
      // Per-choice feedback: the option's why (or "Correct." on a right option), shown when chosen.
      choices.forEach((ch, i) => {
        const fb = all([ch], 'qti-feedback-inline')[0]
        expect(attr(fb, 'identifier')).toBe(ids[i])
        expect(attr(fb, 'outcome-identifier')).toBe('FEEDBACK')
        expect(text(fb)).toBe(squash(q.options[i].why ?? 'Correct.'))
      })
      if (q.type === 'single') {
        q.options.forEach((o, i) => {
          const out = respond(body, single1(ids[i]))
          expect(out.SCORE).toBe(grade(q, i, c.ledger).score)
          expect(out.FEEDBACK).toContain(ids[i])
        })
      }
      else {
        const nRight = q.options.filter(o => o.correct).length
        for (const pick of subsets(Math.min(q.options.length, 8))) {
          const out = respond(body, multi(pick.map(i => ids[i])))
          const wrong = pick.filter(i => !q.options[i].correct).length
          const rightPicks = pick.length - wrong
          // One wrong pick cancels the credit (as the GIFT export's −100 %); otherwise the kit's partial credit.
          expect(out.SCORE).toBeCloseTo(wrong ? 0 : rightPicks / nRight, 9)
          if (!wrong && pick.length)
            expect(out.SCORE).toBeCloseTo(grade(q, pick, c.ledger).score, 9)
          for (const i of pick)
            expect(out.FEEDBACK).toContain(ids[i])
        }
      }
      break
    }
    case 'truefalse': {
      const interaction = one(body, 'qti-choice-interaction')
      expect(attr(interaction, 'max-choices')).toBe('1')
      expect(text(prompt)).toBe(squash(q.stem))
      expect(decl.correct).toEqual([q.answer ? 'TRUE' : 'FALSE'])
      const choices = all([interaction], 'qti-simple-choice')
      expect(choices.map(ch => [attr(ch, 'identifier'), text(ch, ['qti-feedback-inline'])])).toEqual([['TRUE', 'True'], ['FALSE', 'False']])
      const wrongChoice = choices[q.answer ? 1 : 0]
      expect(text(all([wrongChoice], 'qti-feedback-inline')[0])).toBe(squash(q.why))
      for (const answer of [true, false]) {
        const out = respond(body, single1(answer ? 'TRUE' : 'FALSE'))
        expect(out.SCORE).toBe(grade(q, answer, c.ledger).score)
      }
      break
    }
    case 'numeric': {
      const interaction = one(body, 'qti-text-entry-interaction')
      expect(attr(interaction, 'response-identifier')).toBe('RESPONSE')
      expect(decl).toMatchObject({ cardinality: 'single', baseType: 'float', correct: [String(correctResponse(q, c.ledger))] })
      const [lo, hi] = acceptedInterval(q, c.ledger)!
      // The accepted range, as qti-gte / qti-lte bounds.
      expect(Number(text(all(all(body, 'qti-gte'), 'qti-base-value')[0]))).toBe(lo)
      expect(Number(text(all(all(body, 'qti-lte'), 'qti-base-value')[0]))).toBe(hi)
      const span = Math.max(1, hi - lo)
      for (const n of [lo, hi, (lo + hi) / 2, lo - span / 100, hi + span / 100, ...q.distractors.map(d => d.value)]) {
        const out = respond(body, single1(n))
        const kit = grade(q, n, c.ledger)
        expect(out.SCORE).toBe(kit.score)
        const shown = out.FEEDBACK.filter(id => id.startsWith('DISTRACTOR_')).map(id => feedback.get(id))
        expect(shown).toEqual(kit.feedback.map(squash))
      }
      break
    }
    case 'cloze': {
      const ids = q.blanks.map((_, k) => `RESPONSE_${k + 1}`)
      expect(all(body, 'qti-text-entry-interaction').map(e => attr(e, 'response-identifier'))).toEqual(ids)
      const decls = all(body, 'qti-response-declaration')
      expect(decls.map(d => attr(d, 'identifier'))).toEqual(ids)
      const right = correctResponse(q, c.ledger) as string[]
      expect(decls.map(d => text(all([d], 'qti-value')[0]))).toEqual(right)
      // What a learner might type in each blank: every spelling the kit takes (in other cases too), each
      // distractor, the ends of a figure's interval and just outside, and something else.
      const tries = q.blanks.map((b, k) => {
        const kind = blankKind(b, c.ledger)
        if (kind.kind === 'name')
          return [...kind.spellings, ...kind.spellings.map(s => s.toUpperCase()), ...b.distractors.map(d => d.text), 'something else'].map(t => ({ t, v: single1(t) }))
        const [lo, hi] = (kind as { interval: [number, number] }).interval
        return [lo, hi, lo - 1, hi + 1, ...b.distractors.map(d => Number(d.text.replace(/,/g, '')))].map(n => ({ t: String(n), v: single1(n) }))
      })
      for (const pick of assignments(q.blanks.length, [...Array(Math.max(...tries.map(t => t.length))).keys()])) {
        if (pick.some((i, k) => i >= tries[k].length))
          continue
        const typed = pick.map((i, k) => tries[k][i])
        const out = respond(body, { by: Object.fromEntries(typed.map((x, k) => [ids[k], x.v])) })
        const kit = grade(q, typed.map(x => x.t), c.ledger)
        expect(out.SCORE, typed.map(x => x.t).join(' | ')).toBeCloseTo(kit.score, 5)
        const shown = out.FEEDBACK.filter(id => id.startsWith('DISTRACTOR_')).map(id => feedback.get(id))
        expect(shown).toEqual(kit.feedback.map(squash))
      }
      break
    }
    case 'ordering': {
      const interaction = one(body, 'qti-order-interaction')
      expect(attr(interaction, 'shuffle')).toBe('true')
      expect(decl.cardinality).toBe('ordered')
      const choices = all([interaction], 'qti-simple-choice')
      const idOf = new Map(choices.map(ch => [text(ch), attr(ch, 'identifier')!]))
      const ids = q.items.map(it => idOf.get(squash(it.text))!)
      expect(decl.correct).toEqual((correctResponse(q, c.ledger) as number[]).map(i => ids[i]))
      // Not listed in the answer order.
      expect(choices.map(ch => attr(ch, 'identifier'))).not.toEqual(decl.correct)
      for (const order of permutations(q.items.length).slice(0, 720)) {
        const out = respond(body, ordered(order.map(i => ids[i])))
        expect(out.SCORE).toBe(grade(q, order, c.ledger).correct ? 1 : 0)
      }
      break
    }
    case 'matching': {
      const interaction = one(body, 'qti-match-interaction')
      expect(decl).toMatchObject({ cardinality: 'multiple', baseType: 'directedPair' })
      const [lefts, rights] = all([interaction], 'qti-simple-match-set').map(set => all([set], 'qti-simple-associable-choice'))
      expect(lefts.map(l => text(l))).toEqual(q.pairs.map(p => squash(p.left)))
      expect(rights.map(r => text(r))).toEqual(q.pairs.map(p => squash(p.right)))
      const L = lefts.map(l => attr(l, 'identifier')!)
      const R = rights.map(r => attr(r, 'identifier')!)
      expect(new Set(decl.correct)).toEqual(new Set(q.pairs.map((_, i) => `${L[i]} ${R[i]}`)))
      for (const matched of permutations(q.pairs.length).slice(0, 720)) {
        const out = respond(body, multi(matched.map((j, i) => `${L[i]} ${R[j]}`)))
        const kit = grade(q, matched, c.ledger)
        expect(out.SCORE).toBeCloseTo(kit.score, 9)
        const shown = out.FEEDBACK.filter(id => id.startsWith('WRONG_')).map(id => feedback.get(id)!)
        expect(shown).toHaveLength(kit.feedback.length)
        kit.feedback.forEach((why, k) => expect(shown[k]).toContain(squash(why)))
      }
      break
    }
    case 'classify': {
      const interaction = one(body, 'qti-match-interaction')
      expect(decl).toMatchObject({ cardinality: 'multiple', baseType: 'directedPair' })
      const [statements, categories] = all([interaction], 'qti-simple-match-set').map(set => all([set], 'qti-simple-associable-choice'))
      expect(statements.map(s => text(s))).toEqual(q.statements.map(s => squash(s.text)))
      const keys = categoriesOf(q.scheme)
      expect(categories.map(cat => attr(cat, 'identifier'))).toEqual([...keys])
      const S = statements.map(s => attr(s, 'identifier')!)
      const expected = correctResponse(q, c.ledger) as Category[]
      expect(new Set(decl.correct)).toEqual(new Set(expected.map((cat, i) => `${S[i]} ${cat}`)))
      for (const chosen of assignments(q.statements.length, keys)) {
        const out = respond(body, multi(chosen.map((cat, i) => `${S[i]} ${cat}`)))
        const kit = grade(q, chosen, c.ledger)
        expect(out.SCORE).toBeCloseTo(kit.score, 9)
        const shown = out.FEEDBACK.filter(id => id.startsWith('WRONG_')).map(id => feedback.get(id)!)
        expect(shown).toHaveLength(kit.feedback.length)
        kit.feedback.forEach((why, k) => expect(shown[k]).toContain(squash(why)))
      }
      break
    }
  }
}

/** Unzip a package and check the manifest and every item against the bank. */
function checkPackage(zip: Uint8Array, modules: readonly BankModule[], c: ExportContext): void {
  const files = unzipSync(zip)
  expect(Object.keys(files)).toContain('imsmanifest.xml')
  const manifest = parseXml(strFromU8(files['imsmanifest.xml']))
  const root = one(manifest, 'manifest')
  expect(attr(root, 'xmlns')).toBe('http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1')
  expect(text(one(manifest, 'schemaversion'))).toBe('3.0.0')
  const resources = all(manifest, 'resource')
  const questions = modules.flatMap(m => m.quiz.questions.map(q => ({ m, q })))
  expect(resources).toHaveLength(questions.length)

  // Every resource's files exist in the zip, and every item in the zip has a resource.
  const listed = new Set<string>()
  for (const r of resources) {
    expect(attr(r, 'type')).toBe(ITEM_RESOURCE_TYPE)
    const href = attr(r, 'href')!
    expect(Object.keys(files)).toContain(href)
    for (const f of all([r], 'file')) {
      expect(Object.keys(files)).toContain(attr(f, 'href'))
      listed.add(attr(f, 'href')!)
    }
  }
  expect(new Set(Object.keys(files).filter(f => f !== 'imsmanifest.xml'))).toEqual(listed)

  // Each question's resource: its identifier, its file, its item.
  const byId = new Map(resources.map(r => [attr(r, 'identifier')!, attr(r, 'href')!]))
  for (const { m, q } of questions) {
    const href = byId.get(qtiIdentifier(q.id))
    expect(href, q.id).toBe(itemPath(m, q))
    checkItem(strFromU8(files[href!]), q, c)
  }
}

// ─── Tests ───────────────────────────────────────────────────────────────────

describe('QTI package of the fixture bank', () => {
  it('uses a sound fixture bank', () => {
    for (const m of fixtureModules)
      expect(validateQuiz(m.quiz, ledger)).toEqual([])
  })

  const zip = qtiPackage(fixtureModules, ctx)

  it('holds a manifest and one item per question, each matching the bank', () => {
    checkPackage(zip, fixtureModules, ctx)
  })

  it('escapes XML special characters in text', () => {
    const xml = strFromU8(unzipSync(zip)['items/03-how-repatriation-works/q03-escaped.xml'])
    expect(xml).toContain('Is &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot; &apos;escaped&apos;?')
    expect(xml).toContain('a &lt; b &amp; c &gt; d')
  })

  it('gives the same bytes for the same bank', () => {
    expect(qtiPackage(fixtureModules, ctx)).toEqual(zip)
  })

  it('makes a question id that starts with a digit a valid identifier', () => {
    expect(qtiIdentifier('03-intro')).toBe('Q-03-intro')
    expect(qtiIdentifier('q03-intro')).toBe('q03-intro')
  })
})

// The real bank, once it is written.
const root = join(import.meta.dirname, '../../..')
const quizFiles = listBanks(root).banks.map(b => b.file) // the one list of banks every tool uses

describe.skipIf(quizFiles.length === 0)('QTI package of the real bank (quizzes/)', () => {
  it('holds a manifest and one item per question, each matching the bank', () => {
    const realCtx = exportContext(loadSources(root))
    const modules: BankModule[] = quizFiles.map(file => ({
      slug: slugOf(file),
      quiz: loadQuizFile(readFileSync(join(root, file), 'utf8'), file, realCtx.ledger),
    }))
    checkPackage(qtiPackage(modules, realCtx), modules, realCtx)
  }, 60_000)
})
