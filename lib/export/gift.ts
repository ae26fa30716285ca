/**
 * GIFT export of the question bank, for Moodle's question bank
 * (Question bank → Import → GIFT format).
 *
 * One file per module and one for the whole bank. Each module starts with a
 * `$CATEGORY: $course$/Repatriation as Leverage/<module title>` line, so that
 * Moodle files its questions in one category per module; each question is
 * named `::<question id>::` and tagged `module-NN`.
 *
 * How each question type is written (Moodle's GIFT has no ordering or
 * classify type, see `docs/importing.md`):
 *
 * | type        | GIFT                                                                                  |
 * |-------------|---------------------------------------------------------------------------------------|
 * | `single`    | `{=right#feedback ~wrong#why …}`                                                      |
 * | `multiple`  | `{~%50%right#feedback ~%-100%wrong#why …}`: right weights sum to 100, each wrong −100 |
 * | `truefalse` | `{TRUE#why#feedback}` / `{FALSE#why#feedback}` (see `trueFalseAnswer`)                |
 * | `numeric`   | `{#value:tolerance}` or `{#min..max}`; with distractors `{#=v:t#ok =%0%d#why …}`      |
 * | `matching`  | `{=left -> right …}`; the `why`s go to the general feedback                           |
 * | `ordering`  | matching of each event → its position (`1st`, `2nd` …, ties `2nd–3rd (same date)`)    |
 * | `classify`  | matching of each statement → its category label, every label offered                 |
 *
 * Every question ends with `####` general feedback: the explanation, then
 * the sources of the cited facts (the presenter's-notes wording).
 *
 * Pure: returns text; `scripts/export-quiz.ts` writes the files.
 */
import type { Ledger } from '../quiz/derive.ts'
import type {
  ClassifyQuestion,
  MatchingQuestion,
  MultipleQuestion,
  NumericQuestion,
  OrderingQuestion,
  Question,
  SingleQuestion,
  TrueFalseQuestion,
} from '../quiz/schema.ts'
import type { BankModule, ExportContext } from './common.ts'
import { acceptedInterval, numericTruth, optionText } from '../quiz/derive.ts'
import { startingOrder } from '../quiz/shuffle.ts'
import { normalise } from '../quiz/text.ts'
import {
  categoryChoices,
  classifiedStatements,
  COURSE_TITLE,
  ExportError,
  orderingPositions,
  plainNumber,
  RIGHT_FEEDBACK,
  sortModules,
  sourcesLine,
  trueFalseRightFeedback,
} from './common.ts'

/** Folder of the GIFT files under `exports/`. */
export const GIFT_DIR = 'gift'
/** The whole bank in one file. */
export const GIFT_ALL = `${GIFT_DIR}/all.gift`

/** The sentence added to an ordering question's stem, which GIFT shows as a matching question. */
export const ORDERING_HINT = 'Match each event to its place in time (1st = earliest).'

// ─── Text ────────────────────────────────────────────────────────────────────

/**
 * Escape text for GIFT the way Moodle's own GIFT exporter does (`repchar` in
 * `question/format/gift/format.php`): a backslash before each of
 * `~ = # { } :` and before a backslash itself, and a line break written as
 * `\n`. Moodle (and gift-pegjs) turn `\n` back into a line break.
 */
export function escapeGift(text: string): string {
  return text
    .replace(/[\\~=#{}:]/g, c => `\\${c}`)
    .replace(/\r\n?|\n/g, '\\n')
}

/**
 * Whitespace as GIFT readers keep it: lines trimmed, runs of two or more
 * blanks within a line made one space (gift-pegjs collapses them; Moodle's
 * HTML rendering does too), line endings made `\n`, no blank lines at the ends.
 */
export function normaliseSpace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(line => line.replace(/[^\S\n]{2,}/g, ' ').trim())
    .join('\n')
    .trim()
}

/** Normalised and escaped: what goes into a question text, answer or feedback. */
export function giftText(text: string): string {
  return escapeGift(normaliseSpace(text))
}

/**
 * The left side of a matching pair. GIFT has no escape for `->`, and both
 * Moodle and gift-pegjs cut a pair at its first `->`, so an arrow written in
 * a left text becomes `→`.
 */
export function matchLeft(text: string): string {
  return normaliseSpace(text).replace(/->/g, '→')
}

/** A category path segment: Moodle reads `/` as a path separator and `//` as a literal slash. */
function categorySegment(title: string): string {
  return normaliseSpace(title).replace(/\n/g, ' ').replace(/\//g, '//')
}

/** `$course$/Repatriation as Leverage/<module title>`. */
export function categoryPath(title: string): string {
  return `$course$/${categorySegment(COURSE_TITLE)}/${categorySegment(title)}`
}

/** `100 / n` rounded as Moodle's grade list writes it (5 decimals): 50, 33.33333, 14.28571. */
export function rightWeight(nCorrect: number): number {
  return Number((100 / nCorrect).toFixed(5))
}

/** The weight of a wrong option of a multiple-answer question: −100, so that choosing every option scores 0. */
export const WRONG_WEIGHT = -100

// ─── Questions ───────────────────────────────────────────────────────────────

/** The parts of one GIFT question, before escaping is applied to the answers' layout. */
interface GiftParts {
  /** Question text (plain, unescaped). */
  stem: string
  /** Answer lines inside `{ … }`, already in GIFT syntax (escaped). */
  answers: string[]
  /** `{#` for numeric questions, else `{`. */
  open?: string
  /** General feedback (plain, unescaped). */
  general: string
}

/** The general feedback: explanation, notes, then sources, one per line. */
export function generalFeedback(q: Question, ctx: ExportContext, notes: string[] = []): string {
  return [q.explanation, ...notes, sourcesLine(q, ctx)].filter(Boolean).join('\n')
}

/** One question in GIFT, with an optional tag comment line before it. */
export function giftQuestion(q: Question, ctx: ExportContext, tags: readonly string[] = []): string {
  const parts = partsOf(q, ctx)
  const lines: string[] = []
  if (tags.length)
    lines.push(`// ${tags.map(t => `[tag:${t}]`).join(' ')}`)
  lines.push(`::${escapeGift(q.id)}::${giftText(parts.stem)} ${parts.open ?? '{'}`)
  for (const a of parts.answers)
    lines.push(`\t${a}`)
  lines.push(`\t####${giftText(parts.general)}`)
  lines.push('}')
  return lines.join('\n')
}

function partsOf(q: Question, ctx: ExportContext): GiftParts {
  switch (q.type) {
    case 'single': return singleParts(q, ctx)
    case 'multiple': return multipleParts(q, ctx)
    case 'truefalse': return trueFalseParts(q, ctx)
    case 'numeric': return numericParts(q, ctx)
    case 'matching': return matchingParts(q, ctx)
    case 'ordering': return orderingParts(q, ctx)
    case 'classify': return classifyParts(q, ctx)
  }
}

/** `text#feedback`, escaped; no `#` when there is no feedback. */
function withFeedback(text: string, feedback: string | undefined): string {
  return feedback ? `${giftText(text)}#${giftText(feedback)}` : giftText(text)
}

function singleParts(q: SingleQuestion, ctx: ExportContext): GiftParts {
  return {
    stem: q.stem,
    answers: q.options.map(o => o.correct
      ? `=${withFeedback(optionText(o, ctx.ledger), o.why ?? RIGHT_FEEDBACK)}`
      : `~${withFeedback(optionText(o, ctx.ledger), o.why)}`),
    general: generalFeedback(q, ctx),
  }
}

/**
 * Moodle's multiple-answer format: no `=`, every option `~%weight%`. The
 * right options share 100 %; each wrong one is −100 %, so ticking every box
 * scores 0 (Moodle never lets a question score below 0).
 */
function multipleParts(q: MultipleQuestion, ctx: ExportContext): GiftParts {
  const right = rightWeight(q.options.filter(o => o.correct).length)
  return {
    stem: q.stem,
    answers: q.options.map(o => o.correct
      ? `~%${right}%${withFeedback(optionText(o, ctx.ledger), o.why ?? RIGHT_FEEDBACK)}`
      : `~%${WRONG_WEIGHT}%${withFeedback(optionText(o, ctx.ledger), o.why)}`),
    general: generalFeedback(q, ctx),
  }
}

/**
 * `TRUE#<feedback if wrong>#<feedback if right>` (or `FALSE#…#…`).
 *
 * Moodle (`split_truefalse_comment` in `question/format/gift/format.php`)
 * reads the FIRST `#` text as the feedback for a learner who answered
 * wrongly and the SECOND as the feedback for a right answer, whichever of
 * TRUE or FALSE is the answer.
 *
 * gift-pegjs names the two by position, not by meaning: it returns the first
 * `#` text as `trueFeedback` and the second as `falseFeedback`, for `{TRUE…}`
 * and `{FALSE…}` alike. So after parsing our files with gift-pegjs:
 *   - `trueFeedback`  = the first `#` = shown when the learner is WRONG = the question's `why`;
 *   - `falseFeedback` = the second `#` = shown when the learner is RIGHT = `Correct: the statement is …`.
 */
export function trueFalseAnswer(q: TrueFalseQuestion): string {
  return `${q.answer ? 'TRUE' : 'FALSE'}#${giftText(q.why)}#${giftText(trueFalseRightFeedback(q))}`
}

function trueFalseParts(q: TrueFalseQuestion, ctx: ExportContext): GiftParts {
  return { stem: q.stem, answers: [trueFalseAnswer(q)], general: generalFeedback(q, ctx) }
}

/**
 * The stem of a numeric question in GIFT. GIFT has no units, so the unit
 * follows in brackets, unless the stem already names it ("… Answer in people.").
 */
export function numericStem(q: NumericQuestion): string {
  return normalise(q.stem).includes(normalise(q.unit)) ? q.stem : `${q.stem} (${q.unit})`
}

/**
 * The accepted answer: `value:tolerance` when the truth is one figure, else
 * `min..max` (a `range`, or a range fact widened by the tolerance).
 */
export function numericAnswer(q: NumericQuestion, ledger: Ledger): string {
  const truth = numericTruth(q, ledger)
  const interval = acceptedInterval(q, ledger)
  if (!truth || !interval)
    throw new ExportError(`${q.id}: the answer fact is missing from the ledger`)
  if (!q.range && truth[0] === truth[1])
    return `${plainNumber(truth[0])}:${plainNumber(q.tolerance ?? 0)}`
  return `${plainNumber(interval[0])}..${plainNumber(interval[1])}`
}

function numericParts(q: NumericQuestion, ctx: ExportContext): GiftParts {
  const answer = numericAnswer(q, ctx.ledger)
  if (!q.distractors.length)
    return { stem: numericStem(q), open: '{#', answers: [answer], general: generalFeedback(q, ctx) }
  return {
    stem: numericStem(q),
    open: '{#',
    answers: [
      `=${answer}#${giftText(RIGHT_FEEDBACK)}`,
      // A 0 % answer carries the feedback for a common wrong figure.
      ...q.distractors.map(d => `=%0%${plainNumber(d.value)}#${giftText(d.why)}`),
    ],
    general: generalFeedback(q, ctx),
  }
}

/** `=left -> right`; an empty left offers `right` as an extra, never-right choice. */
function pair(left: string, right: string): string {
  return left ? `=${escapeGift(matchLeft(left))} -> ${giftText(right)}` : `= -> ${giftText(right)}`
}

function matchingParts(q: MatchingQuestion, ctx: ExportContext): GiftParts {
  return {
    stem: q.stem,
    answers: q.pairs.map(p => pair(p.left, p.right)),
    general: generalFeedback(q, ctx, ['If a match was wrong:', ...q.pairs.map(p => `– ${matchLeft(p.left)}: ${p.why}`)]),
  }
}

/**
 * An ordering question as matching: each event → its position. Events are
 * listed in the kit's seeded starting order (never the answer order), since
 * Moodle shows the left-hand side in file order.
 */
export function orderingPairs(q: OrderingQuestion, ledger: Ledger): { left: string, right: string }[] {
  const positions = orderingPositions(q, ledger)
  return startingOrder(q.items.length, q.id).map(i => ({ left: q.items[i].text, right: positions[i] }))
}

/** The stem of an ordering question in GIFT. */
export function orderingStem(q: OrderingQuestion): string {
  return `${q.stem} ${ORDERING_HINT}`
}

function orderingParts(q: OrderingQuestion, ctx: ExportContext): GiftParts {
  return {
    stem: orderingStem(q),
    answers: orderingPairs(q, ctx.ledger).map(p => pair(p.left, p.right)),
    general: generalFeedback(q, ctx),
  }
}

/**
 * A classify question as matching: each statement → its category label
 * (the kit's labels, `categoryLabel`). Labels no statement takes are added
 * as extra choices, so every category is always offered.
 */
export function classifyPairs(q: ClassifyQuestion, ledger: Ledger): { left: string, right: string }[] {
  const statements = classifiedStatements(q, ledger)
  const used = new Set(statements.map(s => s.category))
  return [
    ...statements.map(s => ({ left: s.text, right: s.label })),
    ...categoryChoices(q).filter(c => !used.has(c.category)).map(c => ({ left: '', right: c.label })),
  ]
}

function classifyParts(q: ClassifyQuestion, ctx: ExportContext): GiftParts {
  return {
    stem: q.stem,
    answers: classifyPairs(q, ctx.ledger).map(p => pair(p.left, p.right)),
    general: generalFeedback(q, ctx, ['If a statement was misclassified:', ...q.statements.map(s => `– ${matchLeft(s.text)}: ${s.why}`)]),
  }
}

// ─── Files ───────────────────────────────────────────────────────────────────

/** `module-03`: the tag of a module's questions. */
export function moduleTag(module: number): string {
  return `module-${String(module).padStart(2, '0')}`
}

/** One module: its category line, then its questions, separated by blank lines. */
export function giftModule(m: BankModule, ctx: ExportContext): string {
  const blocks = [
    `$CATEGORY: ${categoryPath(m.quiz.title)}`,
    ...m.quiz.questions.map(q => giftQuestion(q, ctx, [moduleTag(m.quiz.module), q.type])),
  ]
  return blocks.join('\n\n')
}

function header(what: string): string {
  return [
    `// ${COURSE_TITLE}: ${what}.`,
    '// Generated by scripts/export-quiz.ts from quizzes/*.yaml; edit the YAML, not this file.',
    '// Import: Moodle → Question bank → Import → GIFT format (see docs/importing.md).',
  ].join('\n')
}

/** The GIFT files: `gift/NN-name.gift` per module, then `gift/all.gift`. Paths are relative to `exports/`. */
export function giftFiles(modules: readonly BankModule[], ctx: ExportContext): { path: string, content: string }[] {
  const sorted = sortModules(modules)
  const files = sorted.map(m => ({
    path: `${GIFT_DIR}/${m.slug}.gift`,
    content: `${header(`module ${m.quiz.module}, ${normaliseSpace(m.quiz.title).replace(/\n/g, ' ')}`)}\n\n${giftModule(m, ctx)}\n`,
  }))
  files.push({
    path: GIFT_ALL,
    content: `${header('the whole question bank')}\n\n${sorted.map(m => giftModule(m, ctx)).join('\n\n')}\n`,
  })
  return files
}
