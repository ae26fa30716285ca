/**
 * `cloze`: fill in the blanks of a sentence. Each blank (`___` in `text`)
 * is bound to a ledger fact: a **name** (the learner types it; the ledger's
 * own wording is always accepted, `accept` lists other spellings) or a
 * **figure** (a `number`, `range` or `year` fact; what the learner types is
 * read as a number and accepted within `tolerance`). Matching ignores case,
 * surrounding spaces and punctuation, and curly or straight quotes.
 *
 * ```yaml
 * - id: q05-cloze-campaigns
 *   type: cloze
 *   stem: Complete the sentence about the two campaigns.
 *   text: China's police launched Fox Hunt in ___; it sits under a wider operation directed by the ___.
 *   facts: [fox-hunt-launch-2014, nsc-runs-sky-net]
 *   explanation: According to the article (paragraph 16) …
 *   blanks:
 *     - fact: fox-hunt-launch-2014          # a year: typed 2014
 *     - fact: nsc-runs-sky-net              # a name: its ledger value, or
 *       accept: [National Supervision Commission, NSC]
 *       distractors:
 *         - text: Ministry of Public Security
 *           why: The MPS is the police ministry; the article names the NSC as the body directing Sky Net.
 * ```
 *
 * The sentence is written as true: its other figures are checked against
 * the ledger like a true statement's (`restates`). Response: the text typed
 * in each blank, in order.
 */
import type { z } from 'zod'
import type { ChoiceCount, ViewBase } from '../../class/tally-kit.ts'
import type { Fact } from '../../ledger/schema.ts'
import type { Ledger } from '../derive.ts'
import type { Path, Report } from './define.ts'
import type { SharedFields } from './shared.ts'
import { fail, standInBase } from '../../class/tally-kit.ts'
import { ExportError, plainNumber, RIGHT_FEEDBACK } from '../../export/common.ts'
import { generalFeedback, giftText } from '../../export/gift-kit.ts'
import { addFeedback, baseValue, condition, distractorId, el, lines, modalFeedback, setOutcome, setScore, startFeedback, txt, variable } from '../../export/qti-kit.ts'
import { formatNumber } from '../../format.ts'
import { restatedTruth, within } from '../derive.ts'
import { normalise, parseNumberInput } from '../text.ts'
import { BLANK, defineQuestionType, type Zod } from './define.ts'
import { checkDistinct, fallbackFacts, reportRestating } from './shared.ts'

/** A blank in `text`: three or more underscores. */
const BLANK_MARK = /_{3,}/g

/** The longest text a blank takes, in the deck and from a phone. */
export const CLOZE_MAX_LENGTH = 80

const schema = (z: Zod, f: SharedFields) => z.object({
  type: z.literal('cloze'),
  ...f.base,
  /** The sentence, with each blank written `___`, in the order of `blanks`. Written as true: its figures are checked against the ledger. */
  text: f.Text,
  /** One entry per `___` in `text`, in order. */
  blanks: z.array(z.object({
    /** The ledger fact the blank recalls: a `name`, or a `number`, `range` or `year`. It must be listed in the question's `facts`. */
    fact: f.Id,
    /** For a name: other accepted spellings ("MPS"), each found in the fact's value or claim. The ledger's value is always accepted. Default: none. */
    accept: z.array(f.Text).min(1, 'list at least one spelling, or leave `accept` out').optional(),
    /** For a figure: absolute tolerance either side, inclusive. Default: `0`. */
    tolerance: z.number().min(0).optional(),
    /** Common wrong answers (a name, or a figure) with the misconception each shows; the blank must not accept them. Default: `[]`. */
    distractors: z.array(z.object({ text: f.Text, why: f.Why }).strict()).default([]),
  }).strict()).min(1, 'give at least one blank'),
  /** The facts the figures of `text` (outside the blanks) restate. With one cited fact, that fact. */
  restates: f.Restates.optional(),
}).strict().superRefine((q, ctx) => {
  const n = blankCount(q.text)
  if (n !== q.blanks.length)
    ctx.addIssue({ code: 'custom', path: ['text'], message: `the text has ${n} blank${n === 1 ? '' : 's'} (\`___\`), but \`blanks\` lists ${q.blanks.length}` })
})

/** Fill in the blanks of a sentence, each bound to a ledger fact. */
export type ClozeQuestion = z.output<ReturnType<typeof schema>>
/** One blank of a cloze question. */
export type ClozeBlank = ClozeQuestion['blanks'][number]

/** How many blanks `text` has. */
export function blankCount(text: string): number {
  return text.match(BLANK_MARK)?.length ?? 0
}

/** The text around the blanks: `n + 1` pieces for `n` blanks. */
export function clozePieces(text: string): string[] {
  return text.split(BLANK_MARK)
}

/** The text with each blank replaced by `fill(k)`. */
function fillBlanks(text: string, fill: (k: number) => string): string {
  let k = 0
  return text.replace(BLANK_MARK, () => fill(k++))
}

// ─── What a blank accepts ───────────────────────────────────────────────────

/** What a blank asks for, from its fact: a name, a figure (with the accepted interval), or nothing the type can check. */
export type BlankKind =
  | { kind: 'name', fact: Fact, spellings: string[] }
  | { kind: 'figure', fact: Fact, interval: [number, number], year: boolean }
  | { kind: 'unusable', why: string }

/** What blank `b` asks for, read from the ledger. */
export function blankKind(b: ClozeBlank, ledger: Ledger): BlankKind {
  const fact = ledger.get(b.fact)
  if (!fact)
    return { kind: 'unusable', why: `unknown ledger fact \`${b.fact}\`` }
  const v = fact.value
  const t = b.tolerance ?? 0
  switch (v.kind) {
    case 'name': {
      const seen = new Set<string>()
      const spellings = [v.value, ...(b.accept ?? [])].filter((s) => {
        const n = normalise(s)
        return !seen.has(n) && !!seen.add(n)
      })
      return { kind: 'name', fact, spellings }
    }
    case 'number':
      return { kind: 'figure', fact, interval: [v.value - t, v.value + t], year: false }
    case 'year':
      return { kind: 'figure', fact, interval: [v.value - t, v.value + t], year: true }
    case 'range':
      return { kind: 'figure', fact, interval: [v.min - t, v.max + t], year: false }
    default:
      return { kind: 'unusable', why: `a blank recalls a name, a number, a range or a year, but \`${b.fact}\` is a ${v.kind}` }
  }
}

/** Whether the text typed in a blank is accepted. */
function accepts(k: BlankKind, typed: string): boolean {
  if (k.kind === 'name')
    return k.spellings.some(s => normalise(s) === normalise(typed))
  if (k.kind === 'figure') {
    const n = parseNumberInput(typed, k.fact.unit)
    return n !== undefined && within(n, k.interval)
  }
  return false
}

/** The distractor the typed text is, if any. */
function distractorOf(b: ClozeBlank, k: BlankKind, typed: string): number {
  if (k.kind === 'figure') {
    const n = parseNumberInput(typed, k.fact.unit)
    return n === undefined ? -1 : b.distractors.findIndex(d => parseNumberInput(d.text, k.fact.unit) === n)
  }
  return b.distractors.findIndex(d => normalise(d.text) === normalise(typed))
}

/** The figure written as the ledger holds it: a year as `2014`, a count as `39,000`. */
function figureText(k: Extract<BlankKind, { kind: 'figure' }>): string {
  const v = k.fact.value
  const fmt = k.year ? String : formatNumber
  return v.kind === 'range' ? `${fmt(v.min)}–${fmt(v.max)}` : fmt((v as { value: number }).value)
}

/** The canonical right text of a blank: the ledger's name, or its figure (the low end of a range). */
function rightText(b: ClozeBlank, ledger: Ledger): string | undefined {
  const k = blankKind(b, ledger)
  if (k.kind === 'name')
    return k.spellings[0]
  if (k.kind === 'figure') {
    const v = k.fact.value
    const n = v.kind === 'range' ? v.min : (v as { value: number }).value
    return k.year ? String(n) : plainNumber(n)
  }
  return undefined
}

/** A blank's answer in words: `“Ministry of Public Security (MPS)” (or “MPS”)`, `2014`, `39,000 people (±500)`. */
function describeBlank(b: ClozeBlank, ledger: Ledger): string {
  const k = blankKind(b, ledger)
  if (k.kind === 'name')
    return [`“${k.spellings[0]}”`, ...(k.spellings.length > 1 ? [`(or ${k.spellings.slice(1).map(s => `“${s}”`).join(', ')})`] : [])].join(' ')
  if (k.kind === 'figure') {
    const unit = k.year || !k.fact.unit ? '' : ` ${k.fact.unit}`
    return `${figureText(k)}${unit}${b.tolerance ? ` (±${formatNumber(b.tolerance)})` : ''}`
  }
  return '(fact missing from the ledger)'
}

// ─── Checks against the ledger ──────────────────────────────────────────────

/** Whether `part` occurs in `whole` as whole words, compared normalised. */
function hasWords(whole: string, part: string): boolean {
  const w = ` ${normalise(whole).replace(/[()[\],;:]/g, ' ').replace(/\s+/g, ' ')} `
  const p = normalise(part).replace(/[()[\],;:]/g, ' ').replace(/\s+/g, ' ').trim()
  return p.length > 0 && w.includes(` ${p} `)
}

function checkBlank(q: ClozeQuestion, b: ClozeBlank, j: number, ledger: Ledger, report: Report): void {
  const at: Path = ['blanks', j]
  if (!ledger.has(b.fact))
    return // the citation check reports it
  const k = blankKind(b, ledger)
  if (k.kind === 'unusable') {
    report([...at, 'fact'], k.why)
    return
  }
  if (k.kind === 'name') {
    if (b.tolerance !== undefined)
      report([...at, 'tolerance'], `\`${b.fact}\` is a name: \`tolerance\` is for a figure; list other spellings in \`accept\``)
    const v = k.fact.value as { value: string }
    ;(b.accept ?? []).forEach((s, i) => {
      if (!hasWords(v.value, s) && !hasWords(k.fact.claim, s))
        report([...at, 'accept', i], `disagrees with ledger: “${s}” is not in the value (“${v.value}”) or the claim of \`${b.fact}\`, so the ledger does not show it names the same thing`)
    })
    checkDistinct(b.accept ?? [], normalise, i => [...at, 'accept', i], first => `the same spelling as \`accept\` ${first + 1}`, report)
  }
  else if (b.accept) {
    report([...at, 'accept'], `\`${b.fact}\` is a ${k.fact.value.kind}: the answer is its figure, accepted within \`tolerance\`; \`accept\` is for names`)
  }
  b.distractors.forEach((d, i) => {
    if (k.kind === 'figure' && parseNumberInput(d.text, k.fact.unit) === undefined)
      report([...at, 'distractors', i, 'text'], `\`${b.fact}\` asks for a figure, but “${d.text}” is not one`)
    else if (accepts(k, d.text))
      report([...at, 'distractors', i, 'text'], `the blank accepts this distractor (“${d.text}”) as right`)
  })
}

// ─── Classroom ──────────────────────────────────────────────────────────────

/** The view of a cloze question: the sentence with its blanks (no answer in it). */
export interface PublicClozeQuestion extends ViewBase { type: 'cloze', text: string, blanks: number }

/** A phone's text for blank `k`, checked for length. */
function typedText(r: unknown, k: number): string | { message: string } {
  if (typeof r !== 'string' || r.trim() === '')
    return { message: `Fill in blank ${k + 1}.` }
  if (r.length > CLOZE_MAX_LENGTH)
    return { message: `Blank ${k + 1} takes at most ${CLOZE_MAX_LENGTH} characters.` }
  return r.trim()
}

/**
 * What the server keeps of a blank: the canonical right text, a
 * distractor's text, or `…` for anything else. Free text a student typed is
 * never stored (it could name someone).
 */
export const OTHER_ANSWER = '…'

function canonicalText(b: ClozeBlank, typed: string, ledger: Ledger): string {
  const k = blankKind(b, ledger)
  if (accepts(k, typed))
    return rightText(b, ledger) ?? OTHER_ANSWER
  const d = distractorOf(b, k, typed)
  return d >= 0 ? b.distractors[d].text : OTHER_ANSWER
}

// ─── The module ─────────────────────────────────────────────────────────────

function isTexts(q: ClozeQuestion, r: unknown): r is string[] {
  return Array.isArray(r) && r.length === q.blanks.length && r.every(t => typeof t === 'string' && t.trim() !== '' && t.length <= CLOZE_MAX_LENGTH)
}

export const cloze = defineQuestionType<ClozeQuestion, string[], PublicClozeQuestion>({
  type: 'cloze',
  label: 'fill in the blanks',
  minutes: 2,
  input: 'ClozeInput',
  schema,
  blank: q => q.blanks.map(() => ''),
  isAnswered: isTexts,
  grade(q, typed, ledger) {
    const kinds = q.blanks.map(b => blankKind(b, ledger))
    const parts = kinds.map((kind, k) => accepts(kind, typed[k]))
    const feedback = q.blanks.flatMap((b, k) => {
      if (parts[k])
        return []
      const kind = kinds[k]
      if (kind.kind === 'figure' && parseNumberInput(typed[k], kind.fact.unit) === undefined)
        return [`Blank ${k + 1} asks for a figure: “${typed[k].trim()}” is not one. Type digits, for example ${kind.year ? '1999' : '1,200'}.`]
      const d = distractorOf(b, kind, typed[k])
      return d >= 0 ? [b.distractors[d].why] : []
    })
    const right = parts.filter(Boolean).length
    return { correct: right === parts.length, score: right / parts.length, parts, feedback }
  },
  correct(q, ledger) {
    const texts = q.blanks.map(b => rightText(b, ledger))
    return texts.every(t => t !== undefined) ? texts as string[] : undefined
  },
  describe: (q, ledger) => q.blanks.length === 1
    ? describeBlank(q.blanks[0], ledger)
    : q.blanks.map((b, k) => `(${k + 1}) ${describeBlank(b, ledger)}`).join('; '),
  solution: 'marked',
  rows: (q, typed, ledger) => q.blanks.map((b, k) => accepts(blankKind(b, ledger), typed[k])),
  cannotCheck(q, r) {
    const typed = Array.isArray(r) ? r : []
    const empty = q.blanks.map((_, k) => k).filter(k => typeof typed[k] !== 'string' || (typed[k] as string).trim() === '')
    if (empty.length)
      return q.blanks.length === 1 ? 'Fill in the blank before pressing Check.' : `Fill in every blank before pressing Check (blank ${empty.map(k => k + 1).join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty).`
    const long = typed.findIndex(t => typeof t === 'string' && t.length > CLOZE_MAX_LENGTH)
    return long >= 0 ? `Blank ${long + 1} takes at most ${CLOZE_MAX_LENGTH} characters.` : undefined
  },
  citing: q => [
    ...q.blanks.map((b, k) => ({ at: ['blanks', k] as Path, fact: b.fact })),
    ...(q.restates ? [{ at: [] as Path, restates: q.restates }] : []),
  ],
  check(q, ledger, report) {
    q.blanks.forEach((b, j) => checkBlank(q, b, j, ledger, report))
    // The sentence is written as true: its own figures must agree with the ledger.
    const filled = fillBlanks(q.text, () => BLANK)
    const r = restatedTruth(filled, q.restates, fallbackFacts(undefined, q), ledger)
    reportRestating(r, ['text'], ['restates'], 'add it to `restates` (figure: ledger id)', report)
    if (r.truth.kind === 'false')
      report(['text'], `disagrees with ledger: ${r.truth.why}`)
  },
  judged: () => false,
  gift(q, ctx) {
    if (q.blanks.length > 1)
      return { unsupported: 'GIFT holds one blank per question (its "missing word" form); a sentence with several blanks needs Moodle\'s embedded-answers (Cloze) question, which is not GIFT: import the QTI package for it' }
    const [b] = q.blanks
    const k = blankKind(b, ctx.ledger)
    const [before, after] = clozePieces(q.text)
    const stem = `${q.stem}\n${before.trimEnd()}`
    const general = generalFeedback(q, ctx)
    if (k.kind === 'name') {
      // Short answer: every `=` line is right; a 0 % line gives a distractor's feedback.
      const answers = [
        ...k.spellings.map(s => `=${giftText(s)}#${giftText(RIGHT_FEEDBACK)}`),
        ...b.distractors.map(d => `=%0%${giftText(d.text)}#${giftText(d.why)}`),
      ]
      return { stem, answers, general, after: after.trimStart() }
    }
    if (k.kind === 'figure') {
      const [lo, hi] = k.interval
      const right = lo === hi ? `${plainNumber(lo)}:0` : `${plainNumber(lo)}..${plainNumber(hi)}`
      const answers = b.distractors.length
        ? [`=${right}#${giftText(RIGHT_FEEDBACK)}`, ...b.distractors.map(d => `=%0%${plainNumber(parseNumberInput(d.text, k.fact.unit)!)}#${giftText(d.why)}`)]
        : [right]
      return { stem, open: '{#', answers, general, after: after.trimStart() }
    }
    throw new ExportError(`${q.id}: ${k.why}`)
  },
  qti(q, ctx) {
    const kinds = q.blanks.map(b => blankKind(b, ctx.ledger))
    const bad = kinds.find(k => k.kind === 'unusable')
    if (bad && bad.kind === 'unusable')
      throw new ExportError(`${q.id}: ${bad.why}`)
    const id = (k: number) => `RESPONSE_${k + 1}`
    const pieces = clozePieces(q.text)
    const share = plainNumber(1 / q.blanks.length)
    const addShare = setOutcome('SCORE', el('qti-sum', {}, [variable('SCORE'), baseValue('float', share)]))
    const distractors = q.blanks.flatMap((b, k) => b.distractors.map(d => ({ k, d })))
    return {
      response: kinds.map((k, j) => el('qti-response-declaration', { 'identifier': id(j), 'cardinality': 'single', 'base-type': k.kind === 'name' ? 'string' : 'float' }, [
        el('qti-correct-response', {}, [el('qti-value', {}, [txt(rightText(q.blanks[j], ctx.ledger)!)])]),
      ])),
      body: [
        el('p', {}, lines(q.stem)),
        el('p', {}, pieces.flatMap((piece, j) => [
          ...(piece ? [txt(piece)] : []),
          ...(j < kinds.length
            ? [el('qti-text-entry-interaction', kinds[j].kind === 'name'
                ? { 'response-identifier': id(j), 'expected-length': Math.max(...(kinds[j] as { spellings: string[] }).spellings.map(s => s.length)) + 2 }
                : {
                    'response-identifier': id(j),
                    'expected-length': 8,
                    'pattern-mask': '^[+-]?[0-9]+([.][0-9]+)?$',
                    'data-patternmask-message': 'Type digits only, without thousands separators, e.g. 1500.',
                  })]
            : []),
        ])),
      ],
      processing: [
        setScore(0),
        // Each blank right adds its share: a name matched ignoring case, a figure within the interval.
        ...kinds.map((k, j) => condition(
          k.kind === 'name'
            ? el('qti-or', {}, k.spellings.map(s => el('qti-string-match', { 'case-sensitive': 'false' }, [variable(id(j)), baseValue('string', s)])))
            : el('qti-and', {}, [
                el('qti-gte', {}, [variable(id(j)), baseValue('float', plainNumber((k as { interval: [number, number] }).interval[0]))]),
                el('qti-lte', {}, [variable(id(j)), baseValue('float', plainNumber((k as { interval: [number, number] }).interval[1]))]),
              ]),
          [addShare],
        )),
        startFeedback(false),
        ...distractors.map(({ k, d }, i) => condition(
          kinds[k].kind === 'name'
            ? el('qti-string-match', { 'case-sensitive': 'false' }, [variable(id(k)), baseValue('string', d.text)])
            : el('qti-equal', { 'tolerance-mode': 'exact' }, [variable(id(k)), baseValue('float', plainNumber(parseNumberInput(d.text, (kinds[k] as { fact: Fact }).fact.unit)!))]),
          [addFeedback(distractorId(i))],
        )),
      ],
      feedback: distractors.map(({ k, d }, i) => modalFeedback(distractorId(i), `Blank ${k + 1}: a common wrong answer`, [el('p', {}, lines(d.why))])),
    }
  },
  kahoot: () => ({ unsupported: 'a cloze question asks for typed words or figures; Kahoot\'s quiz spreadsheet has only answers to choose from' }),
  print: q => ({
    stem: q.stem,
    groups: [[fillBlanks(q.text, k => q.blanks.length === 1 ? '______________' : `(${k + 1}) ______________`)]],
  }),
  classroom: {
    view: (q): PublicClozeQuestion => ({ type: 'cloze', id: q.id, stem: q.stem, text: q.text, blanks: q.blanks.length }),
    fromView(q, r, ledger) {
      if (!Array.isArray(r) || r.length !== q.blanks.length)
        return fail(`Fill in the blanks: send ${q.blanks.length === 1 ? 'a list of one text' : `a list of ${q.blanks.length} texts, one per blank`}.`)
      const texts: string[] = []
      for (let k = 0; k < r.length; k++) {
        const t = typedText(r[k], k)
        if (typeof t !== 'string')
          return fail(t.message)
        texts.push(canonicalText(q.blanks[k], t, ledger))
      }
      return { ok: true, response: texts }
    },
    toView: (_q, r) => r,
    answerView: (q, ledger) => q.blanks.map(b => rightText(b, ledger) ?? null),
    tally(q, responses, ledger) {
      // One bar per blank and answer kept: the right text, each distractor, anything else.
      const choices: ChoiceCount[] = []
      q.blanks.forEach((b, k) => {
        const right = rightText(b, ledger) ?? ''
        const prefix = q.blanks.length === 1 ? '' : `${k + 1}: `
        const texts = [right, ...b.distractors.map(d => d.text), OTHER_ANSWER]
        texts.forEach((t, i) => choices.push({
          key: `${k + 1}${String.fromCharCode(97 + i)}`,
          label: `${prefix}${t === OTHER_ANSWER ? 'something else' : t}`,
          count: responses.filter(r => (r as string[])[k] === t).length,
          correct: i === 0,
        }))
      })
      return { kind: 'choices', lettered: false, choices }
    },
    // The sentence and one empty field per blank; no fact, so nothing about the answer (fields draw at the names' width).
    standIn: v => ({ question: { ...standInBase(v), type: 'cloze', text: v.text, blanks: Array.from({ length: v.blanks }, () => ({ fact: '', distractors: [] })) } as ClozeQuestion, start: Array.from({ length: v.blanks }, () => '') }),
  },
})
