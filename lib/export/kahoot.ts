/**
 * Kahoot! spreadsheet export: the single-choice, multiple-select and
 * true/false questions that fit Kahoot's limits, laid out like Kahoot's own
 * quiz template (Create → Add question → Import spreadsheet).
 *
 * Options go in a seeded order (the bank often lists the right one first,
 * and Kahoot shows answers in sheet order); True comes before False. A
 * multiple-select question lists all its right answers in the "Correct
 * answer(s)" column (`1,3`), as Kahoot's template allows.
 *
 * Kahoot's limits: the question at most 120 characters, each answer at most
 * 75, two to four answers, one or more right answers given by number, a
 * time limit of 5, 10, 20, 30, 60, 90, 120 or 240 seconds. A question that
 * does not fit is skipped, never cut short: the sheet "Skipped" lists it
 * with the reason, as it lists the question types Kahoot's quiz template
 * cannot hold (a typed figure, an order, pairs, a verdict per statement),
 * each with what it would need.
 *
 * Pure except for building the workbook (exceljs); `scripts/export-quiz.ts`
 * writes the file.
 */
import type { Question, QuestionType } from '../quiz/schema.ts'
import type { BankModule, ExportContext } from './common.ts'
import ExcelJS from 'exceljs'
import { isUnsupported } from '../quiz/types/define.ts'
import { typeOf } from '../quiz/types/index.ts'
import { sortModules } from './common.ts'

/** The workbook, relative to `exports/`. */
export const KAHOOT_XLSX = 'kahoot/repatriation-leverage-kahoot.xlsx'

export const KAHOOT_LIMITS = { question: 120, answer: 75, minAnswers: 2, maxAnswers: 4 } as const

/** Time limits Kahoot accepts, in seconds. */
export const KAHOOT_TIME_LIMITS = [5, 10, 20, 30, 60, 90, 120, 240] as const

/** Column headers of Kahoot's template (columns B–H; column A numbers the questions). */
export const KAHOOT_HEADERS = [
  'Question - max 120 characters',
  'Answer 1 - max 75 characters',
  'Answer 2 - max 75 characters',
  'Answer 3 - max 75 characters',
  'Answer 4 - max 75 characters',
  'Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs',
  'Correct answer(s) - choose at least one',
] as const

/** The template's header row; questions start on the row below. */
export const KAHOOT_HEADER_ROW = 8
/** The first sheet's name (Kahoot reads the first sheet). */
export const KAHOOT_SHEET = 'Kahoot quiz'
/** The second sheet: questions not exported, with the reason. */
export const SKIPPED_SHEET = 'Skipped'
export const SKIPPED_HEADERS = ['Question id', 'Module', 'Type', 'Reason'] as const

/** One Kahoot question. */
export interface KahootRow {
  /** Question id in the bank (not written to the quiz sheet, which has no column for it). */
  id: string
  module: number
  question: string
  /** Two to four answers: True, False; or the options in a seeded order (`seededPermutation(n, '<id>:kahoot')`). */
  answers: string[]
  /** Seconds, one of `KAHOOT_TIME_LIMITS`. */
  timeLimit: number
  /** Right answers, numbered from 1. */
  correct: number[]
}

/** A question left out of the spreadsheet. */
export interface KahootSkip {
  id: string
  module: number
  type: QuestionType
  reason: string
  /** Its type has no place in Kahoot's quiz template at all (not only too long). */
  unsupported?: boolean
}

/** The plan of the spreadsheet. */
export interface KahootPlan {
  rows: KahootRow[]
  /** Choice and true/false questions that break a Kahoot limit. */
  skipped: KahootSkip[]
  /** Questions of types Kahoot's quiz template cannot hold. */
  unsupported: KahootSkip[]
}

/** Text as one line, as a spreadsheet cell shows it: whitespace runs made one space. */
export function cellText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Length as Kahoot counts it: characters (code points), not UTF-16 units. */
export function charCount(text: string): number {
  return [...text].length
}

/** 20 s for a short question, 30 s or 60 s when there is more to read. */
export function timeLimitFor(question: string, answers: readonly string[]): number {
  const reading = charCount(question) + answers.reduce((n, a) => n + charCount(a), 0)
  return reading <= 120 ? 20 : reading <= 240 ? 30 : 60
}

/**
 * Why a question does not fit Kahoot, or `undefined` when it does. `name`
 * says which answer is meant: by default `answer 1` …; the export names a
 * single-choice question's options by their letter in the bank (`option A`).
 */
export function kahootMisfit(question: string, answers: readonly string[], name: (i: number) => string = i => `answer ${i + 1}`): string | undefined {
  const reasons: string[] = []
  const ql = charCount(question)
  if (ql > KAHOOT_LIMITS.question)
    reasons.push(`question is ${ql} characters (Kahoot allows ${KAHOOT_LIMITS.question})`)
  if (answers.length < KAHOOT_LIMITS.minAnswers || answers.length > KAHOOT_LIMITS.maxAnswers)
    reasons.push(`${answers.length} answers (Kahoot allows ${KAHOOT_LIMITS.minAnswers}–${KAHOOT_LIMITS.maxAnswers})`)
  answers.forEach((a, i) => {
    const al = charCount(a)
    if (al > KAHOOT_LIMITS.answer)
      reasons.push(`${name(i)} is ${al} characters (Kahoot allows ${KAHOOT_LIMITS.answer})`)
  })
  return reasons.length ? reasons.join('; ') : undefined
}

/**
 * One question as a Kahoot row, or the reason it is skipped. Its type's
 * module gives the answers (`kahoot`), or says why Kahoot's quiz template
 * cannot hold it; the answers are then held to Kahoot's limits.
 */
export function kahootRow(q: Question, module: number, ctx: ExportContext): KahootRow | KahootSkip {
  const fit = typeOf(q).kahoot(q, ctx)
  if (isUnsupported(fit))
    return { id: q.id, module, type: q.type, reason: fit.unsupported, unsupported: true }
  const question = cellText(q.stem)
  const texts = fit.texts.map(cellText)
  const misfit = kahootMisfit(question, texts, fit.name)
  if (misfit)
    return { id: q.id, module, type: q.type, reason: misfit }
  const order = fit.order ?? texts.map((_, i) => i)
  const answers = order.map(i => texts[i])
  return {
    id: q.id,
    module,
    question,
    answers,
    correct: order.flatMap((i, k) => fit.right[i] ? [k + 1] : []),
    timeLimit: timeLimitFor(question, answers),
  }
}

/** Which questions go into the spreadsheet, in module order, and which are skipped and why. */
export function kahootPlan(modules: readonly BankModule[], ctx: ExportContext): KahootPlan {
  const plan: KahootPlan = { rows: [], skipped: [], unsupported: [] }
  for (const m of sortModules(modules)) {
    for (const q of m.quiz.questions) {
      const r = kahootRow(q, m.quiz.module, ctx)
      if ('reason' in r) {
        const { unsupported, ...skip } = r
        ;(unsupported ? plan.unsupported : plan.skipped).push(skip)
      }
      else
        plan.rows.push(r)
    }
  }
  return plan
}

/** The "Correct answer(s)" cell: a number, or `1,3` for several. */
function correctCell(correct: readonly number[]): number | string {
  return correct.length === 1 ? correct[0] : correct.join(',')
}

/** The workbook for a plan. */
export function kahootWorkbook(plan: KahootPlan, title = 'Repatriation as Leverage'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'repatriation-leverage-kit'
  wb.created = new Date('2022-08-08T00:00:00Z')
  wb.modified = wb.created

  const ws = wb.addWorksheet(KAHOOT_SHEET)
  ws.getCell('B2').value = `${title}: Kahoot! quiz`
  ws.getCell('B2').font = { bold: true, size: 14 }
  ws.getCell('B3').value = 'Import: Kahoot! → Create → Add question → Import spreadsheet (see docs/importing.md).'
  ws.getCell('B4').value = `Single-choice, multiple-select and true/false questions within Kahoot's limits; ${plan.skipped.length + plan.unsupported.length} others are listed on the sheet "${SKIPPED_SHEET}", each with the reason.`
  ws.getCell('B5').value = 'Generated by scripts/export-quiz.ts from quizzes/*.yaml; edit the YAML, not this file.'
  const header = ws.getRow(KAHOOT_HEADER_ROW)
  KAHOOT_HEADERS.forEach((h, i) => {
    const cell = header.getCell(i + 2)
    cell.value = h
    cell.font = { bold: true }
    cell.alignment = { wrapText: true, vertical: 'middle' }
  })
  plan.rows.forEach((r, k) => {
    const row = ws.getRow(KAHOOT_HEADER_ROW + 1 + k)
    row.getCell(1).value = k + 1
    row.getCell(2).value = r.question
    for (let a = 0; a < 4; a++)
      row.getCell(3 + a).value = r.answers[a] ?? null
    row.getCell(7).value = r.timeLimit
    row.getCell(8).value = correctCell(r.correct)
  })
  ws.getColumn(1).width = 5
  ws.getColumn(2).width = 60
  for (let c = 3; c <= 6; c++)
    ws.getColumn(c).width = 32
  ws.getColumn(7).width = 16
  ws.getColumn(8).width = 16

  const skipped = wb.addWorksheet(SKIPPED_SHEET)
  skipped.addRow([...SKIPPED_HEADERS]).font = { bold: true }
  for (const s of [...plan.skipped, ...plan.unsupported])
    skipped.addRow([s.id, s.module, s.type, s.reason])
  skipped.getColumn(1).width = 36
  skipped.getColumn(4).width = 90
  return wb
}

/** The `.xlsx` bytes and the plan they hold. */
export async function kahootXlsx(modules: readonly BankModule[], ctx: ExportContext): Promise<{ data: Uint8Array, plan: KahootPlan }> {
  const plan = kahootPlan(modules, ctx)
  const buffer = await kahootWorkbook(plan).xlsx.writeBuffer()
  return { data: new Uint8Array(buffer as ArrayBuffer), plan }
}
