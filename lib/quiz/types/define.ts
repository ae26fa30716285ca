/**
 * What a question type is: one module in `lib/quiz/types/<type>.ts` holds
 * everything the kit does with that type, the way an H5P content type keeps
 * its semantics beside its behaviour and a Moodle question type is one
 * plug-in folder. The registry (`index.ts`) lists the modules, and every
 * tool (grading, the ledger check, the exporters, the answer key, the
 * classroom server) walks the registry instead of switching on `type`.
 *
 * `defineQuestionType` takes a `QuestionTypeModule`: leave out a member and
 * `npm run typecheck` fails, so a type cannot be half added. The zod schema
 * is built from the zod namespace passed in, so a module never imports zod
 * at run time and the browser bundle (which grades, but never parses a
 * quiz file) carries no schema library.
 */
import type { z } from 'zod'
import type { GiftParts } from '../../export/gift-kit.ts'
import type { ItemParts } from '../../export/qti-kit.ts'
import type { Reference } from '../../ledger/schema.ts'
import type { ClassType, ViewBase } from '../../class/tally-kit.ts'
import type { Ledger, RestatesMap } from '../derive.ts'
import type { SharedFields } from './shared.ts'

/** The zod namespace, as `import { z } from 'zod'` gives it. */
export type Zod = typeof z

/** A path into the quiz data, relative to the question, e.g. `['options', 1, 'why']`. */
export type Path = readonly (string | number)[]

/** Report a problem at a path of the question being checked. */
export type Report = (at: Path, message: string) => void

/** The outcome of grading one response. */
export interface GradeResult {
  /** Fully right. */
  correct: boolean
  /** Credit from 0 to 1. */
  score: number
  /** Per-part verdicts: per option (`multiple`), adjacent pair (`ordering`), left (`matching`) or statement (`classify`). */
  parts?: boolean[]
  /** Notes for what went wrong: the `why` of each chosen wrong option, wrong part or matched distractor. */
  feedback: string[]
}

/** After Check, one row's verdict: right, wrong, or nothing to say (an unchosen option). */
export type RowVerdict = boolean | undefined

/** A part of a question that cites the ledger: its `fact` and `restates`, with where they sit. */
export interface CitingPart {
  /** Path of the part, e.g. `['options', 2]`; `fact` and `restates` are read below it. */
  at: Path
  /** The part's own ledger id. */
  fact?: string
  /** Path of `fact` when it is not `[...at, 'fact']` (a numeric answer's `['answer', 'fact']`). */
  factAt?: Path
  restates?: RestatesMap
  /** The message when the ledger lacks `fact`. Default: "unknown ledger fact `…`". */
  missing?: (fact: string) => string
}

/** What the exporters read the bank with (see `lib/export/common.ts`). */
export interface ExportContext {
  ledger: Ledger
  /** References by id (`article`, `fn1` … `fn18`). */
  references: ReadonlyMap<string, Reference>
}

/** A format cannot hold a question of this type; `reason` says why, and what would. */
export interface Unsupported {
  unsupported: string
}

/** A question as Kahoot's quiz spreadsheet holds it, before its length limits are checked. */
export interface KahootAnswers {
  /** The answers in the bank's order: checked against Kahoot's limits, and named by `name` in a misfit. */
  texts: string[]
  /** Which of `texts` are right. */
  right: boolean[]
  /** The order the sheet lists `texts` in (indices). Default: the bank's order. */
  order?: number[]
  /** Names an answer in a misfit message. Default: `answer 1`, `answer 2` … */
  name?: (i: number) => string
}

/** The mark a printed blank shows. */
export const BLANK = '___'

/** The question as printed (slides in print, the handout's lists): what a learner fills in on paper, with no answer marked. */
export interface PrintedQuestion {
  stem: string
  /** What to do, when the options alone do not say it. */
  hint?: string
  /**
   * Options or items (`A. …`, `___ Talks start`), in groups: each group
   * prints as one run of text (the options of a choice), and a new group on
   * a new line (a matching question's right-hand side, each statement to
   * classify).
   */
  groups: string[][]
  /** Print the groups side by side (matching: lefts beside the lettered rights). Default: one under another. */
  columns?: boolean
}

/** Every member a question type must provide. */
export interface QuestionTypeModule<Q extends { type: string, id: string }, R, V extends ViewBase = ViewBase> {
  /** The `type` key in a quiz file. */
  type: Q['type']
  /** What the learner does, in a few words, for presenter notes and printouts: `choose one`. */
  label: string
  /** Minutes a class takes to answer one, before any discussion (the lecture plan, `lib/plan.ts`). */
  minutes: number
  /** The input component in `components/quiz/`, e.g. `SingleInput` (found by `components/quiz/inputs.ts`). */
  input: string
  /** The schema of a question of this type, built from the zod namespace and the shared fields. */
  schema: (z: Zod, f: SharedFields) => z.ZodType<Q>
  /** The response before the learner touches anything (unanswered, except an ordering's shuffled start). */
  blank: (q: Q) => unknown
  /** Whether `r` is a complete, well-formed response (responses come back from storage, so `unknown`). */
  isAnswered: (q: Q, r: unknown) => r is R
  /** Grade a complete response. */
  grade: (q: Q, r: R, ledger: Ledger) => GradeResult
  /** The canonical correct response, or `undefined` when the ledger lacks what decides it. */
  correct: (q: Q, ledger: Ledger) => R | undefined
  /** The correct answer in words, for the answer key and the presenter notes. */
  describe: (q: Q, ledger: Ledger) => string
  /** How the solution shows: `marked` on the inputs themselves, or `stated` as a sentence. */
  solution: 'marked' | 'stated'
  /** Per-row verdicts after Check, indexed as the learner sees the rows. */
  rows: (q: Q, r: R, ledger: Ledger) => RowVerdict[]
  /** Why `r` cannot be checked yet, for a visible message; `undefined` when it can. */
  cannotCheck: (q: Q, r: unknown) => string | undefined
  /** The parts that cite the ledger (`fact`, `restates`), for the citation check. */
  citing: (q: Q) => CitingPart[]
  /** The question's own checks against the ledger (figures, keys, ambiguity). */
  check: (q: Q, ledger: Ledger, report: Report) => void
  /** Whether an answer of this question is marked as the author's judgement (`judged: true`). */
  judged: (q: Q) => boolean
  /** GIFT (Moodle): the answer block and feedback, or why GIFT cannot hold it. */
  gift: (q: Q, ctx: ExportContext) => GiftParts | Unsupported
  /** QTI 3.0: the interaction, response declaration and processing, or why not. */
  qti: (q: Q, ctx: ExportContext) => ItemParts | Unsupported
  /** Kahoot's quiz spreadsheet: the answers and right ones, or why the template cannot hold it. */
  kahoot: (q: Q, ctx: ExportContext) => KahootAnswers | Unsupported
  /** The printed form: what a blank looks like on paper. */
  print: (q: Q, ledger: Ledger) => PrintedQuestion
  /** The classroom: the question as a phone sees it, the response mapping, and the tally of the room's answers. */
  classroom: ClassType<Q, V>
}

/** A question type module, checked for completeness by TypeScript. */
export function defineQuestionType<Q extends { type: string, id: string }, R, V extends ViewBase = ViewBase>(m: QuestionTypeModule<Q, R, V>): QuestionTypeModule<Q, R, V> {
  return m
}

/** Whether an export step returned a reason rather than a result. */
export function isUnsupported(x: unknown): x is Unsupported {
  return typeof x === 'object' && x !== null && 'unsupported' in x
}
