/**
 * Saved quiz progress: a small versioned record kept in `localStorage` by the
 * Vue layer (through `useStorage` of @vueuse/core). Everything here is pure:
 * reading never trusts the stored text, writing never throws, and an answer
 * saved for a question that has since changed is dropped rather than shown
 * against the new wording.
 */
import type { GradeResult } from './grade.ts'
import type { Question, QuizFile } from './schema.ts'
import { isAnswered } from './grade.ts'

/** The current format of the saved record. Bump it when the shape changes. */
export const PROGRESS_VERSION = 1

/** One saved answer. */
export interface SavedAnswer {
  /** `questionHash` of the question when answered; a mismatch means the question changed. */
  hash: string
  /** The learner's response, in the shape `grade` expects. */
  response: unknown
  /** Whether the learner checked the answer (saw the result). */
  checked: boolean
  /** Result of the check; `false` and `0` until checked. */
  correct: boolean
  score: number
  /** When it was saved, in ms since the epoch. */
  at: number
}

/** The saved record. */
export interface Progress {
  version: typeof PROGRESS_VERSION
  answers: Record<string, SavedAnswer>
}

/** The storage `writeProgress` needs: `localStorage`, or a stand-in in tests. */
export interface StorageLike {
  setItem: (key: string, value: string) => void
}

export const NOTICE_UNREADABLE = 'Saved quiz progress could not be read and was reset.'
export const NOTICE_OLD_VERSION = 'Saved quiz progress was from an older version of the kit and was reset.'
export const NOTICE_NEWER_VERSION = 'Saved quiz progress comes from a newer version of this kit, which this version cannot read. It was kept as it is; answers you give here count until you close the page, but are not saved.'
export const NOTICE_QUOTA = 'Your browser’s storage is full, so this answer was not saved. Your answers still count until you close the page; free some space to keep them.'
export const NOTICE_WRITE_FAILED = 'Quiz progress could not be saved in this browser (storage may be disabled). Your answers still count until you close the page.'

// ─── Where it is kept ───────────────────────────────────────────────────────

/**
 * The localStorage key of one deck's progress, from the deck's id (its title
 * as a slug, lib/vite/content.ts `deckId`). Two decks hosted on one site
 * keep separate records.
 */
export function progressKey(deckId: string): string {
  return `kit:${deckId}:quiz-progress`
}

/** The key every deck shared before keys were per deck; its answers move to the deck's own key once. */
export const LEGACY_PROGRESS_KEY = 'repatriation-kit:quiz-progress'

/** A fresh record with no answers. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, answers: {} }
}

// ─── Hashing ────────────────────────────────────────────────────────────────

/**
 * Keys left out of the hash: wording of feedback, and whether the lecture
 * asks the question in class (`class`), neither of which changes what is right.
 */
const UNHASHED = new Set(['explanation', 'why', 'class'])

/** JSON with sorted keys and the unhashed keys removed, so equal content gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !UNHASHED.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811C9DC5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/**
 * A short stable hash of what a question asks and accepts (stem, options,
 * answers, cited facts …). Key order does not matter; the `explanation` and
 * `why` notes are left out, so rewording feedback keeps saved answers.
 * Hash the parsed question (as `QuizFile` returns it), so defaults are filled in.
 */
export function questionHash(question: Question): string {
  return fnv1a(canonicalJson(question))
}

// ─── Reading and writing ────────────────────────────────────────────────────

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function isSavedAnswer(x: unknown): x is SavedAnswer {
  return isRecord(x)
    && typeof x.hash === 'string'
    && 'response' in x
    && typeof x.checked === 'boolean'
    && typeof x.correct === 'boolean'
    && typeof x.score === 'number' && x.score >= 0 && x.score <= 1
    && (!x.correct || x.score === 1)
    && typeof x.at === 'number'
}

/**
 * Whether a saved answer can stand for `question`: well-formed, saved for
 * this version of it (same hash), and holding a response of the shape the
 * question takes. A response of the wrong shape shows as unanswered, so it
 * must not count in the results either.
 */
function fits(answer: unknown, question: Question, hash: string): answer is SavedAnswer {
  return isSavedAnswer(answer) && answer.hash === hash && isAnswered(question, answer.response)
}

/** What `readProgress` found. */
export interface ReadResult {
  progress: Progress
  /** For the learner: what was reset or dropped. */
  notice?: string
  /** The record is from a newer version of the kit: leave it in storage as it is. */
  newer?: true
}

/**
 * Read the stored text. `null` (nothing saved) gives an empty record. Text
 * that is not JSON, or a record of an older version, gives an empty record
 * and a notice; a record of a newer version gives an empty record, a notice,
 * and `newer` (the caller must not write over it). Answers to unknown
 * questions, to questions that changed since, or that are malformed (a
 * response of the wrong shape too) are dropped, with a notice saying how many.
 */
export function readProgress(raw: string | null, questions: readonly Question[]): ReadResult {
  if (raw === null)
    return { progress: emptyProgress() }
  let data: unknown
  try {
    data = JSON.parse(raw)
  }
  catch {
    return { progress: emptyProgress(), notice: NOTICE_UNREADABLE }
  }
  if (!isRecord(data))
    return { progress: emptyProgress(), notice: NOTICE_UNREADABLE }
  if (typeof data.version === 'number' && Number.isInteger(data.version) && data.version > PROGRESS_VERSION)
    return { progress: emptyProgress(), notice: NOTICE_NEWER_VERSION, newer: true }
  if (data.version !== PROGRESS_VERSION)
    return { progress: emptyProgress(), notice: NOTICE_OLD_VERSION }
  if (!isRecord(data.answers))
    return { progress: emptyProgress(), notice: NOTICE_UNREADABLE }

  const byId = new Map(questions.map(q => [q.id, { q, hash: questionHash(q) }]))
  const answers: Record<string, SavedAnswer> = {}
  let dropped = 0
  for (const [id, answer] of Object.entries(data.answers)) {
    const known = byId.get(id)
    if (known && fits(answer, known.q, known.hash))
      answers[id] = answer
    else
      dropped++
  }
  const progress: Progress = { version: PROGRESS_VERSION, answers }
  return dropped ? { progress, notice: droppedNotice(dropped) } : { progress }
}

/**
 * Take this deck's answers out of the record every deck used to share
 * (`LEGACY_PROGRESS_KEY`): answers to other decks' questions are not this
 * deck's to judge, so they are skipped without a notice; the rest is read
 * as `readProgress` reads it.
 */
export function migrateProgress(raw: string, questions: readonly Question[]): ReadResult {
  let data: unknown
  try {
    data = JSON.parse(raw)
  }
  catch {
    return readProgress(raw, questions)
  }
  if (!isRecord(data) || !isRecord(data.answers))
    return readProgress(raw, questions)
  const ours = new Set(questions.map(q => q.id))
  const answers = Object.fromEntries(Object.entries(data.answers).filter(([id]) => ours.has(id)))
  return readProgress(JSON.stringify({ ...data, answers }), questions)
}

function droppedNotice(n: number): string {
  return n === 1
    ? '1 saved answer was removed because its question has changed or no longer exists.'
    : `${n} saved answers were removed because their questions have changed or no longer exist.`
}

/** Whether an error is the browser's "storage full" error (named differently across browsers). */
function isQuotaError(e: unknown): boolean {
  if (!isRecord(e) && !(e instanceof Error))
    return false
  const { name, code } = e as { name?: unknown, code?: unknown }
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
}

/** Save `progress` under `key`. Never throws: a full or disabled storage gives `{ ok: false, notice }`. */
export function writeProgress(storage: StorageLike, key: string, progress: Progress): { ok: true } | { ok: false, notice: string } {
  try {
    storage.setItem(key, JSON.stringify(progress))
    return { ok: true }
  }
  catch (e) {
    return { ok: false, notice: isQuotaError(e) ? NOTICE_QUOTA : NOTICE_WRITE_FAILED }
  }
}

// ─── Updating ───────────────────────────────────────────────────────────────

/**
 * A new record with `response` saved for `question`. Pass the grade `result`
 * when the learner checked the answer; leave it out to save a draft.
 */
export function recordAnswer(
  progress: Progress,
  question: Question,
  response: unknown,
  result?: Pick<GradeResult, 'correct' | 'score'>,
  at: number = Date.now(),
): Progress {
  const answer: SavedAnswer = {
    hash: questionHash(question),
    response,
    checked: result !== undefined,
    correct: result?.correct ?? false,
    score: result?.score ?? 0,
    at,
  }
  return { version: PROGRESS_VERSION, answers: { ...progress.answers, [question.id]: answer } }
}

/** A new record without the answers to `questionIds`, or an empty record when none are given. */
export function clearProgress(progress: Progress, questionIds?: readonly string[]): Progress {
  if (!questionIds)
    return emptyProgress()
  const drop = new Set(questionIds)
  return {
    version: PROGRESS_VERSION,
    answers: Object.fromEntries(Object.entries(progress.answers).filter(([id]) => !drop.has(id))),
  }
}

// ─── Summaries ──────────────────────────────────────────────────────────────

/** How a learner is doing in one module. */
export interface ModuleSummary {
  module: number
  /** Questions checked. */
  answered: number
  /** Questions checked and fully right. */
  correct: number
  /** Questions in the module. */
  total: number
  /** Questions not yet checked: `total − answered`. */
  unanswered: number
  /**
   * Credit earned over the questions checked, 0–1; 0 when none is. A
   * question not yet tried says nothing about what the learner knows, so it
   * is shown apart (`unanswered`), not counted as wrong.
   */
  score: number
  /** `score` as a whole percentage, for `feedbackFor`. */
  percent: number
}

/**
 * Per-module totals, in module order. Only checked answers whose question is
 * unchanged (same hash), with a response of the right shape, count. Several quiz files of one module are merged.
 */
export function summarise(progress: Progress, quizzes: readonly QuizFile[]): ModuleSummary[] {
  const byModule = new Map<number, Question[]>()
  for (const quiz of quizzes)
    byModule.set(quiz.module, [...(byModule.get(quiz.module) ?? []), ...quiz.questions])
  return [...byModule.entries()]
    .sort(([a], [b]) => a - b)
    .map(([module, questions]) => summariseQuestions(module, questions, progress))
}

function summariseQuestions(module: number, questions: readonly Question[], progress: Progress): ModuleSummary {
  // Only what the question itself would show as answered and checked counts.
  const checked = questions.flatMap((q) => {
    const a = progress.answers[q.id]
    return a && a.checked && fits(a, q, questionHash(q)) ? [a] : []
  })
  const score = checked.length ? checked.reduce((sum, a) => sum + a.score, 0) / checked.length : 0
  return {
    module,
    answered: checked.length,
    correct: checked.filter(a => a.correct).length,
    total: questions.length,
    unanswered: questions.length - checked.length,
    score,
    percent: Math.round(score * 100),
  }
}

/** Encouraging, specific advice for a score, by band: below 50 %, 50–79 %, 80 % and above. */
export function feedbackFor(scorePercent: number): string {
  const p = Number.isFinite(scorePercent) ? scorePercent : 0
  if (p >= 80)
    return 'Strong work: you can tell the documented figures from the author’s interpretation. Try the final review, or explain one answer to a classmate using the source it cites.'
  if (p >= 50)
    return 'Good progress: you have the main facts. Reread the explanations of the questions you missed; they often turn on a date, a figure or who said what. Then try those questions again.'
  return 'A start: much of this module is still new. Go back over its slides, open the sources cited beside the questions you missed, and try again; each question names the fact it tests.'
}
