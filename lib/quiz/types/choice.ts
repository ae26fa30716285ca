/**
 * What `single` and `multiple` share: options that are lettered A, B, C …,
 * each optionally standing for a ledger fact, each wrong one carrying the
 * misconception it targets. Not a type itself: `single.ts` and
 * `multiple.ts` build on it. Pure.
 */
import type { Fact } from '../../ledger/schema.ts'
import type { ItemParts } from '../../export/qti-kit.ts'
import type { ChoiceCount, PublicChoiceQuestion, TallyBody } from '../../class/tally-kit.ts'
import type { Ledger } from '../derive.ts'
import type { ExportContext, KahootAnswers, PrintedQuestion, Report, RowVerdict } from './define.ts'
import type { Option } from './shared.ts'
import { choiceTally, zeros } from '../../class/tally-kit.ts'
import type { GiftParts } from '../../export/gift-kit.ts'
import { RIGHT_FEEDBACK } from '../../export/common.ts'
import { generalFeedback, rightWeight, withFeedback, WRONG_WEIGHT } from '../../export/gift-kit.ts'
import { choiceId, inlineFeedback, lines, prompt, RESPONSE, el } from '../../export/qti-kit.ts'
import { formatNumber, formatValue } from '../../format.ts'
import { optionText, restatedTruth } from '../derive.ts'
import { seededPermutation } from '../shuffle.ts'
import { containsNormalised, letter, normalise } from '../text.ts'
import { fallbackFacts, reportRestating } from './shared.ts'

/** A question with options: `single` or `multiple`. */
export interface ChoiceQuestion {
  type: 'single' | 'multiple'
  id: string
  stem: string
  facts: string[]
  explanation: string
  options: Option[]
}

/** The option texts as shown, in file order. */
export function optionTexts(q: ChoiceQuestion, ledger: Ledger): string[] {
  return q.options.map(o => optionText(o, ledger))
}

/** Indices of the right options. */
export function rightOptions(q: ChoiceQuestion): number[] {
  return q.options.flatMap((o, i) => o.correct ? [i] : [])
}

/** `B — The Exit and Entry Administration of the MPS` (several: `A, C — …; …`). */
export function describeOptions(q: ChoiceQuestion, ledger: Ledger): string {
  const right = rightOptions(q)
  return `${right.map(letter).join(', ')} — ${right.map(i => optionText(q.options[i], ledger)).join('; ')}`
}

/** Marks only the options the learner chose: marking an unchosen one would give the answer away. */
export function optionRows(q: ChoiceQuestion, chosen: ReadonlySet<number>): RowVerdict[] {
  return q.options.map((o, i) => chosen.has(i) ? o.correct : undefined)
}

/** Each option with its letter, as printed. */
export function printOptions(q: ChoiceQuestion, ledger: Ledger, hint?: string): PrintedQuestion {
  return { stem: q.stem, hint, groups: [q.options.map((o, i) => `${letter(i)}. ${optionText(o, ledger)}`)] }
}

// ─── Ledger checks ──────────────────────────────────────────────────────────

/** Whether `text` shows the fact's value (a qualified number may drop its qualifier; quotes are ignored). */
function shows(text: string, fact: Fact): boolean {
  const v = fact.value
  return containsNormalised(text, formatValue(v))
    || (v.kind === 'number' && v.qualifier !== undefined && containsNormalised(text, formatNumber(v.value)))
}

/**
 * The options of a choice question: texts differ; each correct option cites
 * the fact that makes it correct (`fact`, or the facts its figures restate)
 * or says its correctness is `judged`, and its figures agree with the
 * ledger; each wrong option carries its `why`, never repeats the right value,
 * and its figures do not all agree with the ledger (unless `judged`).
 */
export function checkOptions(q: ChoiceQuestion, ledger: Ledger, report: Report): void {
  const answerFacts = q.options.flatMap(o => o.correct && o.fact ? ledger.get(o.fact) ?? [] : [])
  const texts = new Map<string, number>()
  q.options.forEach((o, k) => {
    const at = ['options', k]
    if (o.text !== undefined) {
      const key = normalise(o.text)
      if (texts.has(key))
        report([...at, 'text'], `same text as option ${texts.get(key)! + 1}`)
      texts.set(key, k)
    }
    if (o.correct)
      checkCorrectOption(q, o, at, ledger, report)
    else
      checkWrongOption(q, o, at, answerFacts, ledger, report)
  })
}

function checkCorrectOption(q: ChoiceQuestion, o: Option, at: readonly (string | number)[], ledger: Ledger, report: Report): void {
  if (o.text === undefined)
    return // shown as the fact's own value
  const r = restatedTruth(o.text, o.restates, fallbackFacts(o.fact, q), ledger)
  reportRestating(r, [...at, 'text'], [...at, 'restates'], 'give the option a `fact`, or `restates` (figure: ledger id)', report)
  if (o.fact === undefined && o.restates === undefined && !o.judged)
    report([...at, 'fact'], 'a correct option must cite the fact that makes it correct: give it `fact: <ledger id>`, or mark it `judged: true` if no ledger entry decides it')
  if (r.truth.kind === 'false')
    report([...at, 'text'], `correct answer disagrees with ledger: ${r.truth.why}`)
  else if (r.truth.kind === 'undecided' && r.restatedIds.length > 0 && !o.judged)
    report([...at, 'text'], `the ledger cannot confirm this correct option (${r.truth.why}): restate a more precise fact, or mark it \`judged: true\``)
  // An option that is itself a name (six words or fewer) must show the name its fact holds.
  const fact = o.fact === undefined ? undefined : ledger.get(o.fact)
  if (fact && fact.value.kind === 'name' && o.text.trim().split(/\s+/).length <= 6 && !shows(o.text, fact))
    report([...at, 'text'], `correct answer disagrees with ledger: the text does not contain \`${formatValue(fact.value)}\`, the value of \`${fact.id}\` (or omit \`text\` to show it)`)
}

function checkWrongOption(q: ChoiceQuestion, o: Option, at: readonly (string | number)[], answerFacts: readonly Fact[], ledger: Ledger, report: Report): void {
  if (!o.why)
    report([...at, 'why'], 'a wrong option needs `why`: the misconception it targets')
  if (o.text === undefined)
    return
  for (const fact of answerFacts) {
    if (normalise(o.text) === normalise(formatValue(fact.value)))
      return report([...at, 'text'], `a wrong option equals the true value of \`${fact.id}\` (${formatValue(fact.value)})`)
  }
  const r = restatedTruth(o.text, o.restates, fallbackFacts(o.fact, q), ledger)
  reportRestating(r, [...at, 'text'], [...at, 'restates'], 'give the option a `fact`, or `restates` (figure: ledger id)', report)
  if (r.truth.kind === 'true' && !o.judged) {
    const ids = r.restatedIds.map(id => `\`${id}\` (${formatValue(ledger.get(id)!.value)})`).join(', ')
    report([...at, 'text'], `a wrong option equals the true value of ${ids}: every figure it restates matches the ledger; if it is wrong for another reason, mark it \`judged: true\``)
  }
}

// ─── Exports ────────────────────────────────────────────────────────────────

/**
 * GIFT: `{=right#feedback ~wrong#why …}` for one right option; for several,
 * Moodle's multiple-answer form, every option `~%weight%`: the right ones
 * share 100 %, each wrong one is −100 %, so ticking every box scores 0
 * (Moodle never lets a question score below 0).
 */
export function giftOptions(q: ChoiceQuestion, ctx: ExportContext): GiftParts {
  const text = (o: Option) => optionText(o, ctx.ledger)
  const right = rightWeight(q.options.filter(o => o.correct).length)
  return {
    stem: q.stem,
    answers: q.type === 'single'
      ? q.options.map(o => o.correct ? `=${withFeedback(text(o), o.why ?? RIGHT_FEEDBACK)}` : `~${withFeedback(text(o), o.why)}`)
      : q.options.map(o => o.correct
        ? `~%${right}%${withFeedback(text(o), o.why ?? RIGHT_FEEDBACK)}`
        : `~%${WRONG_WEIGHT}%${withFeedback(text(o), o.why)}`),
    general: generalFeedback(q, ctx),
  }
}

/** A QTI choice interaction with each option's feedback inline; shuffled by the player (the bank often lists the right option first). */
export function qtiChoices(q: ChoiceQuestion, ctx: ExportContext, maxChoices: 0 | 1): Pick<ItemParts, 'body'> {
  const choices = q.options.map((o, i) => {
    const note = o.why ?? (o.correct ? RIGHT_FEEDBACK : undefined)
    return el('qti-simple-choice', { identifier: choiceId(i) }, [
      ...lines(optionText(o, ctx.ledger)),
      ...(note ? [inlineFeedback(choiceId(i), note)] : []),
    ])
  })
  return {
    body: [el('qti-choice-interaction', {
      'response-identifier': RESPONSE,
      'shuffle': 'true',
      'max-choices': maxChoices,
      'min-choices': maxChoices === 1 ? 1 : undefined,
    }, [prompt(q.stem), ...choices])],
  }
}

/** Kahoot shows answers in sheet order, and the bank often lists the right option first: a seeded order, the same on every export. */
export function kahootChoices(q: ChoiceQuestion, ctx: ExportContext): KahootAnswers {
  return {
    texts: q.options.map(o => optionText(o, ctx.ledger)),
    right: q.options.map(o => o.correct),
    order: seededPermutation(q.options.length, `${q.id}:kahoot`),
    // A misfit names the bank's own letter.
    name: i => `option ${letter(i)}`,
  }
}

// ─── Classroom ──────────────────────────────────────────────────────────────

export function choiceView(q: ChoiceQuestion, ledger: Ledger): PublicChoiceQuestion {
  return { type: q.type, id: q.id, stem: q.stem, options: optionTexts(q, ledger) }
}

export function choiceCounts(q: ChoiceQuestion, chosen: readonly (readonly number[])[], ledger: Ledger): TallyBody {
  const counts = zeros(q.options.length)
  for (const c of chosen) {
    for (const i of c)
      counts[i]++
  }
  return choiceTally(optionTexts(q, ledger), q.options.map(o => o.correct), counts)
}

export type { ChoiceCount }
