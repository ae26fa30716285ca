import type { BankModule, ExportContext } from '../../../lib/export/common.ts'
import type { Question } from '../../../lib/quiz/schema.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { listBanks, loadSources } from '../../../lib/content.ts'
import { exportContext, slugOf } from '../../../lib/export/common.ts'
import {
  KAHOOT_HEADER_ROW,
  KAHOOT_HEADERS,
  KAHOOT_TIME_LIMITS,
  kahootMisfit,
  kahootPlan,
  kahootXlsx,
  SKIPPED_HEADERS,
  SKIPPED_SHEET,
} from '../../../lib/export/kahoot.ts'
import { optionText } from '../../../lib/quiz/derive.ts'
import { QuizFile } from '../../../lib/quiz/schema.ts'
import { seededPermutation } from '../../../lib/quiz/shuffle.ts'
import { loadQuizFile, validateQuiz } from '../../../lib/quiz/validate.ts'
import { classify, ledger, multiple, numeric, single, truefalse, variant } from '../quiz/fixtures.ts'

const ctx: ExportContext = { ledger, references: new Map() }

const LONG_STEM = `Which body alone can issue the travel documents China requires before a removal, ${'and so on, '.repeat(5)}in the end?`
const LONG_OPTION = `The Exit and Entry Administration of the MPS, ${'a very long name indeed, '.repeat(2)}`

const fixtureModules: BankModule[] = [
  {
    slug: '03-how-repatriation-works',
    quiz: QuizFile.parse({ module: 3, title: 'How repatriation works', questions: [
      single,
      // The correct option shows its ledger value.
      variant(single, (c) => {
        c.id = 'q03-fact-option'
        delete (c.options[1] as { text?: string }).text
      }),
      truefalse,
      { ...truefalse, id: 'q03-true', stem: 'About 39,000 people had removal orders in 2021.', facts: ['us-removal-inventory-2021'], answer: true },
      multiple,
      numeric,
      // Too long for Kahoot: skipped, with the reason.
      variant(single, (c) => {
        c.id = 'q03-long-stem'
        c.stem = LONG_STEM
      }),
      variant(single, (c) => {
        c.id = 'q03-long-option'
        c.options[0].text = LONG_OPTION
      }),
      variant(single, (c) => {
        c.id = 'q03-five-options'
        c.options.push({ text: 'The UN', why: 'Not involved.' }, { text: 'Interpol', why: 'Not involved.' })
      }),
      { ...truefalse, id: 'q03-long-tf', stem: `${LONG_STEM} True?` },
    ] }),
  },
  { slug: '05-actors', quiz: QuizFile.parse({ module: 5, title: 'Actors', questions: [classify] }) },
]

/** The answers Kahoot should show for a choice or true/false question. */
function answersOf(q: Question, c: ExportContext): { answers: string[], correct: number[] } {
  if (q.type === 'truefalse')
    return { answers: ['True', 'False'], correct: [q.answer ? 1 : 2] }
  if (q.type !== 'single' && q.type !== 'multiple')
    throw new Error(`${q.id} is not exportable`)
  return {
    answers: q.options.map(o => optionText(o, c.ledger).replace(/\s+/g, ' ').trim()),
    correct: q.options.flatMap((o, i) => o.correct ? [i + 1] : []),
  }
}

/** The answers of a question, as texts: all of them, and the right ones. */
function answerTexts(q: Question, c: ExportContext): { all: string[], right: string[] } {
  const { answers, correct } = answersOf(q, c)
  return { all: [...answers].sort(), right: correct.map(n => answers[n - 1]).sort() }
}

/** Read the workbook back with exceljs. */
async function readBack(data: Uint8Array): Promise<{ header: unknown[], rows: unknown[][], skipped: unknown[][] }> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)
  const sheet = wb.worksheets[0]
  const values = (row: ExcelJS.Row, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => row.getCell(from + k).value ?? null)
  const header = values(sheet.getRow(KAHOOT_HEADER_ROW), 2, 8)
  const rows: unknown[][] = []
  for (let r = KAHOOT_HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const row = values(sheet.getRow(r), 1, 8)
    if (row.some(v => v !== null))
      rows.push(row)
  }
  const skippedSheet = wb.getWorksheet(SKIPPED_SHEET)!
  const skipped: unknown[][] = []
  skippedSheet.eachRow(row => skipped.push(values(row, 1, 4)))
  return { header, rows, skipped }
}

/** Check a workbook against the bank: every fitting choice or true/false question, in order; every other question skipped with a reason. */
async function checkWorkbook(data: Uint8Array, modules: readonly BankModule[], c: ExportContext): Promise<void> {
  const { header, rows, skipped } = await readBack(data)
  expect(header).toEqual([...KAHOOT_HEADERS])
  const questions = modules.flatMap(m => m.quiz.questions.map(q => ({ q, module: m.quiz.module })))
  const fits = (q: Question) => {
    if (q.type !== 'single' && q.type !== 'multiple' && q.type !== 'truefalse')
      return false
    const { answers } = answersOf(q, c)
    return [...q.stem.replace(/\s+/g, ' ').trim()].length <= 120 && answers.length >= 2 && answers.length <= 4 && answers.every(a => [...a].length <= 75)
  }
  const exported = questions.filter(({ q }) => fits(q))
  expect(rows).toHaveLength(exported.length)
  exported.forEach(({ q }, k) => {
    const [n, question, a1, a2, a3, a4, time, correct] = rows[k]
    const expected = answerTexts(q, c)
    const answers = [a1, a2, a3, a4].filter(a => a !== null) as string[]
    expect(n).toBe(k + 1)
    expect(question).toBe(q.stem.replace(/\s+/g, ' ').trim())
    // The same answers (options in a seeded order; True before False) …
    expect([...answers].sort()).toEqual(expected.all)
    if (q.type === 'truefalse')
      expect(answers).toEqual(['True', 'False'])
    // … and the "Correct answer(s)" numbers point at the right ones.
    const numbers = String(correct).split(',').map(Number)
    expect(numbers.map(i => answers[i - 1]).sort()).toEqual(expected.right)
    expect(KAHOOT_TIME_LIMITS).toContain(time)
  })
  const left = questions.filter(({ q }) => !fits(q))
  expect(skipped[0]).toEqual([...SKIPPED_HEADERS])
  expect(skipped.slice(1).map(r => r[0]).sort()).toEqual(left.map(({ q }) => q.id).sort())
  for (const r of skipped.slice(1))
    expect(String(r[3]).length).toBeGreaterThan(10)
}

describe('kahootMisfit', () => {
  it('accepts a question within the limits', () => {
    expect(kahootMisfit('x'.repeat(120), ['a'.repeat(75), 'b'])).toBeUndefined()
  })

  it('names every limit a question breaks', () => {
    expect(kahootMisfit('x'.repeat(121), ['a'])).toBe('question is 121 characters (Kahoot allows 120); 1 answers (Kahoot allows 2–4)')
    expect(kahootMisfit('Q?', ['a', 'b'.repeat(76), 'c', 'd', 'e'])).toBe('5 answers (Kahoot allows 2–4); answer 2 is 76 characters (Kahoot allows 75)')
  })

  it('counts characters, not UTF-16 units', () => {
    expect(kahootMisfit('😀'.repeat(120), ['a', 'b'])).toBeUndefined()
  })
})

describe('Kahoot spreadsheet of the fixture bank', () => {
  it('uses a sound fixture bank', () => {
    for (const m of fixtureModules)
      expect(validateQuiz(m.quiz, ledger)).toEqual([])
  })

  it('holds the fitting single-choice, multiple-select and true/false questions, as the bank has them', async () => {
    const { data } = await kahootXlsx(fixtureModules, ctx)
    await checkWorkbook(data, fixtureModules, ctx)
  })

  it('round-trips a multiple-select question with all its right answers in "Correct answer(s)"', async () => {
    const { data } = await kahootXlsx(fixtureModules, ctx)
    const { rows } = await readBack(data)
    const row = rows.find(r => r[1] === multiple.stem)
    expect(row, 'the multiple-select question is on the quiz sheet').toBeDefined()
    const [, , a1, a2, a3, a4, time, correct] = row!
    const answers = [a1, a2, a3, a4]
    // Written as Kahoot's template asks for several right answers: numbers separated by commas.
    expect(correct).toMatch(/^[1-4](,[1-4])+$/)
    const right = String(correct).split(',').map(n => answers[Number(n) - 1])
    expect(right.sort()).toEqual(multiple.options.filter(o => o.correct).map(o => o.text).sort())
    expect(answers.filter(a => !right.includes(a)).sort()).toEqual(multiple.options.filter(o => !o.correct).map(o => o.text).sort())
    expect(KAHOOT_TIME_LIMITS).toContain(time)
  })

  it('skips a multiple-select question with more answers than Kahoot takes, and says why', () => {
    const five = variant(multiple, (c) => {
      c.id = 'q03-five-multiple'
      c.options.push({ text: 'Removals stopped in 2014', why: 'No such claim.' })
    })
    const plan = kahootPlan([{ slug: '03-x', quiz: QuizFile.parse({ module: 3, title: 'X', questions: [five] }) }], ctx)
    expect(plan.rows).toEqual([])
    expect(plan.skipped).toEqual([{ id: 'q03-five-multiple', module: 3, type: 'multiple', reason: '5 answers (Kahoot allows 2–4)' }])
  })

  it('writes the exported rows exactly', async () => {
    const { data } = await kahootXlsx(fixtureModules, ctx)
    const { rows } = await readBack(data)
    const options = ['The Chinese embassy in Washington', 'The Exit and Entry Administration of the MPS', 'US Immigration and Customs Enforcement']
    const shuffled = (id: string) => {
      const order = seededPermutation(3, `${id}:kahoot`)
      return [...order.map(i => options[i]), null, 30, order.indexOf(1) + 1]
    }
    expect(rows.slice(0, 4)).toEqual([
      [1, single.stem, ...shuffled('q03-travel-documents')],
      [2, single.stem, ...shuffled('q03-fact-option')],
      [3, truefalse.stem, 'True', 'False', null, null, 20, 2],
      [4, 'About 39,000 people had removal orders in 2021.', 'True', 'False', null, null, 20, 1],
    ])
  })

  it('skips a question that is too long, and says why', async () => {
    const plan = kahootPlan(fixtureModules, ctx)
    expect(plan.rows.map(r => r.id)).not.toContain('q03-long-stem')
    expect(plan.skipped).toContainEqual({ id: 'q03-long-stem', module: 3, type: 'single', reason: `question is ${LONG_STEM.length} characters (Kahoot allows 120)` })
    expect(plan.skipped).toContainEqual({ id: 'q03-long-tf', module: 3, type: 'truefalse', reason: `question is ${LONG_STEM.length + 6} characters (Kahoot allows 120)` })
    expect(plan.skipped.find(s => s.id === 'q03-long-option')?.reason).toBe(`option A is ${LONG_OPTION.trim().length} characters (Kahoot allows 75)`)
    expect(plan.skipped.find(s => s.id === 'q03-five-options')?.reason).toBe('5 answers (Kahoot allows 2–4)')

    const { data } = await kahootXlsx(fixtureModules, ctx)
    const { skipped } = await readBack(data)
    expect(skipped).toContainEqual(['q03-long-stem', 3, 'single', `question is ${LONG_STEM.length} characters (Kahoot allows 120)`])
  })

  it('lists the question types Kahoot cannot hold as skipped too', () => {
    const plan = kahootPlan(fixtureModules, ctx)
    expect(plan.unsupported.map(s => [s.id, s.type])).toEqual([
      ['q03-inventory', 'numeric'],
      ['q05-fact-or-reading', 'classify'],
    ])
    // Each with what the type asks that Kahoot's spreadsheet cannot.
    expect(plan.unsupported.map(s => s.reason)).toEqual([
      expect.stringMatching(/typed figure/),
      expect.stringMatching(/verdict on each statement/),
    ])
  })
})

// The real bank, once it is written.
const root = join(import.meta.dirname, '../../..')
const quizFiles = listBanks(root).banks.map(b => b.file) // the one list of banks every tool uses

describe.skipIf(quizFiles.length === 0)('Kahoot spreadsheet of the real bank (quizzes/)', () => {
  it('holds the fitting choice and true/false questions, as the bank has them', async () => {
    const realCtx = exportContext(loadSources(root))
    const modules: BankModule[] = quizFiles.map(file => ({
      slug: slugOf(file),
      quiz: loadQuizFile(readFileSync(join(root, file), 'utf8'), file, realCtx.ledger),
    })).sort((a, b) => a.quiz.module - b.quiz.module)
    const { data } = await kahootXlsx(modules, realCtx)
    await checkWorkbook(data, modules, realCtx)
  })
})
