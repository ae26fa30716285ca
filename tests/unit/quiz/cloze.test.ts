/**
 * The cloze type: a sentence whose blanks are bound to ledger facts. Tested
 * against the kit's real ledger, through the same entry points the tools
 * use: the schema, the ledger check, grading, GIFT (round trip through
 * gift-pegjs), QTI (read back with fast-xml-parser) and the classroom.
 */
import type { ShortAnswer, Numerical } from 'gift-pegjs'
import type { ClozeQuestion } from '../../../lib/quiz/types/cloze.ts'
import { resolve } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'gift-pegjs'
import { describe, expect, it } from 'vitest'
import { parseResponse, tally } from '../../../lib/class/per-type.ts'
import { loadQuizzes, loadSources } from '../../../lib/content.ts'
import { exportContext } from '../../../lib/export/common.ts'
import { giftQuestion } from '../../../lib/export/gift.ts'
import { qtiItem } from '../../../lib/export/qti.ts'
import { correctResponse, describeAnswer, grade } from '../../../lib/quiz/grade.ts'
import { Question } from '../../../lib/quiz/schema.ts'
import { cloze, OTHER_ANSWER } from '../../../lib/quiz/types/cloze.ts'
import { validateQuiz } from '../../../lib/quiz/validate.ts'
import { QuizFile } from '../../../lib/quiz/schema.ts'

const root = resolve(import.meta.dirname, '../../..')
const sources = loadSources(root)
const ledger = new Map(sources.facts.map(f => [f.id, f]))
const ctx = exportContext(sources)

const base = {
  id: 'q05-cloze-test',
  type: 'cloze',
  stem: 'Fill in the blanks.',
  text: 'Fox Hunt began in ___ and Sky Net is directed by the ___.',
  facts: ['fox-hunt-launch-2014', 'nsc-runs-sky-net'],
  explanation: 'According to the article (paragraph 16) …',
  blanks: [
    { fact: 'fox-hunt-launch-2014', distractors: [{ text: '2015', why: 'The ICE–MPS memorandum year.' }] },
    { fact: 'nsc-runs-sky-net', accept: ['National Supervision Commission', 'NSC'], distractors: [{ text: 'Ministry of Public Security', why: 'The police ministry runs Fox Hunt, not Sky Net.' }] },
  ],
}
const make = (over: Record<string, unknown> = {}) => Question.parse({ ...base, ...over }) as ClozeQuestion
/** The ledger check's messages for one question, as `field: message`. */
function problems(raw: Record<string, unknown>): string[] {
  const parsed = QuizFile.safeParse({ module: 5, title: 'T', questions: [raw] })
  if (!parsed.success)
    return parsed.error.issues.map(i => `${i.path.slice(2).join('.')}: ${i.message}`)
  return validateQuiz(parsed.data, ledger).map(i => `${i.field.replace(/^questions\.0\./, '')}: ${i.message}`)
}

describe('cloze: the file format', () => {
  it('accepts the example, and the check finds nothing', () => {
    expect(problems(base)).toEqual([])
  })
  it('needs one `blanks` entry per ___ in the text', () => {
    expect(problems({ ...base, text: 'Fox Hunt began in ___.' })).toEqual([expect.stringMatching(/^text: the text has 1 blank .*`blanks` lists 2/)])
  })
})

describe('cloze: the check against the ledger', () => {
  it('fails a spelling the ledger does not give for the fact', () => {
    const raw = { ...base, blanks: [base.blanks[0], { ...base.blanks[1], accept: ['NSC', 'Ministry of State Security'] }] }
    expect(problems(raw)).toEqual([expect.stringMatching(/^blanks\.1\.accept\.1: disagrees with ledger: “Ministry of State Security” is not in the value/)])
  })
  it('fails a blank bound to a fact that is neither a name nor a figure', () => {
    const raw = { ...base, facts: [...base.facts, 'us-official-do-not-want-back'], blanks: [base.blanks[0], { fact: 'us-official-do-not-want-back' }] }
    const found = problems(raw)
    expect(found.some(p => /^blanks\.1\.fact: a blank recalls a name, a number, a range or a year/.test(p)), found.join('\n')).toBe(true)
  })
  it('fails a distractor the blank would accept, and accept on a figure', () => {
    const raw = { ...base, blanks: [{ fact: 'fox-hunt-launch-2014', tolerance: 1, accept: ['2014'], distractors: [{ text: '2015', why: 'x' }] }, base.blanks[1]] }
    expect(problems(raw).sort()).toEqual([
      expect.stringMatching(/^blanks\.0\.accept: `fox-hunt-launch-2014` is a year: .*`accept` is for names/),
      expect.stringMatching(/^blanks\.0\.distractors\.0\.text: the blank accepts this distractor/),
    ])
  })
  it('fails a blank whose fact the question does not cite', () => {
    expect(problems({ ...base, facts: ['fox-hunt-launch-2014'] })).toEqual([expect.stringMatching(/^blanks\.1\.fact: fact `nsc-runs-sky-net` is not listed/)])
  })
  it('fails a figure in the sentence that disagrees with the ledger', () => {
    const raw = { ...base, text: 'Fox Hunt began in ___ and by 2015 Sky Net was directed by the ___.', restates: { 2015: 'fox-hunt-launch-2014' } }
    expect(problems(raw)).toEqual([expect.stringMatching(/^text: disagrees with ledger/)])
  })
})

describe('cloze: grading', () => {
  const q = make()
  it('accepts every listed spelling and the ledger value, ignoring case, spaces and punctuation', () => {
    for (const name of ['NSC', 'nsc', '  national supervision COMMISSION ', 'National Supervision Commission (NSC)', 'the NSC.'.replace('the ', '')])
      expect(grade(q, ['2014', name], ledger).correct, name).toBe(true)
  })
  it('gives credit per blank, and the distractor\'s feedback for a common wrong answer', () => {
    const r = grade(q, ['2015', 'NSC'], ledger)
    expect(r).toMatchObject({ correct: false, score: 0.5, parts: [false, true], feedback: ['The ICE–MPS memorandum year.'] })
  })
  it('says when a figure blank holds words', () => {
    const r = grade(q, ['twenty fourteen', 'NSC'], ledger)
    expect(r.feedback).toEqual([expect.stringMatching(/^Blank 1 asks for a figure: “twenty fourteen” is not one/)])
  })
  it('accepts a figure within the tolerance', () => {
    const t = make({ blanks: [{ ...base.blanks[0], tolerance: 1, distractors: [] }, base.blanks[1]] })
    expect(grade(t, ['2015', 'NSC'], ledger).correct).toBe(true)
    expect(grade(t, ['2016', 'NSC'], ledger).correct).toBe(false)
  })
  it('cannot be checked with a blank left empty, and says which', () => {
    expect(cloze.cannotCheck(q, ['2014', ' '])).toMatch(/blank 2 is empty/)
    expect(cloze.cannotCheck(q, ['2014', 'NSC'])).toBeUndefined()
  })
  it('derives the key from the ledger, and describes it with the other spellings', () => {
    expect(correctResponse(q, ledger)).toEqual(['2014', 'National Supervision Commission (NSC)'])
    expect(describeAnswer(q, ledger)).toBe('(1) 2014; (2) “National Supervision Commission (NSC)” (or “National Supervision Commission”, “NSC”)')
  })
})

describe('cloze: GIFT', () => {
  it('writes one name blank as Moodle\'s missing-word short answer, and gift-pegjs reads it back', () => {
    const q = make({ text: 'Sky Net is directed by the ___ today.', facts: ['nsc-runs-sky-net'], blanks: [base.blanks[1]] })
    const [p] = parse(`${giftQuestion(q, ctx)}\n`) as ShortAnswer[]
    expect(p.type).toBe('Short')
    expect(p.hasEmbeddedAnswers).toBe(true)
    expect(p.stem.text).toBe('Fill in the blanks.\nSky Net is directed by the _____ today.')
    expect(p.choices.filter(c => c.isCorrect && c.weight === null).map(c => c.text.text)).toEqual(['National Supervision Commission (NSC)', 'National Supervision Commission', 'NSC'])
    expect(p.choices.filter(c => c.weight === 0).map(c => [c.text.text, c.feedback?.text])).toEqual([['Ministry of Public Security', 'The police ministry runs Fox Hunt, not Sky Net.']])
  })
  it('writes one figure blank as an embedded numeric answer', () => {
    const q = make({ text: 'Fox Hunt began in ___.', facts: ['fox-hunt-launch-2014'], blanks: [base.blanks[0]] })
    const [p] = parse(`${giftQuestion(q, ctx)}\n`) as Numerical[]
    expect(p.type).toBe('Numerical')
    expect(p.hasEmbeddedAnswers).toBe(true)
    const choices = p.choices as Exclude<Numerical['choices'], { type: string }>
    expect(choices.map(c => [c.text, c.weight])).toEqual([[{ type: 'range', number: 2014, range: 0 }, null], [{ type: 'simple', number: 2015 }, 0]])
  })
  it('says why GIFT cannot hold several blanks', () => {
    expect(cloze.gift(make(), ctx)).toEqual({ unsupported: expect.stringMatching(/GIFT holds one blank per question.*QTI/) })
  })
})

describe('cloze: QTI 3.0', () => {
  const xml = qtiItem(make(), ctx)
  const item = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: n => ['qti-response-declaration', 'qti-response-condition', 'qti-base-value', 'qti-string-match'].includes(n) }).parse(xml)['qti-assessment-item']

  it('declares one response per blank, with its right answer and type', () => {
    const decl = item['qti-response-declaration']
    expect(decl.map((d: Record<string, string>) => [d.identifier, d['base-type']])).toEqual([['RESPONSE_1', 'float'], ['RESPONSE_2', 'string']])
    expect(decl.map((d: { 'qti-correct-response': { 'qti-value': unknown } }) => String(d['qti-correct-response']['qti-value']))).toEqual(['2014', 'National Supervision Commission (NSC)'])
  })
  it('puts one text entry in the sentence for each blank', () => {
    const entries = [...xml.matchAll(/<qti-text-entry-interaction [^>]*response-identifier="(RESPONSE_\d)"/g)].map(m => m[1])
    expect(entries).toEqual(['RESPONSE_1', 'RESPONSE_2'])
  })
  it('scores what the kit accepts: the interval of the figure, and every spelling ignoring case', () => {
    // Read the scoring rules back out of the item and grade with them.
    const conditions = item['qti-response-processing']['qti-response-condition'] as Record<string, any>[]
    const rules = conditions.slice(0, 2).map(c => c['qti-response-if'])
    const [year, name] = rules
    const bounds = [year['qti-and']['qti-gte']['qti-base-value'][0]['#text'], year['qti-and']['qti-lte']['qti-base-value'][0]['#text']].map(Number)
    const spellings = name['qti-or']['qti-string-match'].map((m: Record<string, any>) => {
      expect(m['case-sensitive']).toBe('false')
      return String(m['qti-base-value'][0]['#text'])
    })
    const qtiGrade = (r: string[]) => (Number(r[0]) >= bounds[0] && Number(r[0]) <= bounds[1] ? 0.5 : 0) + (spellings.some((s: string) => s.toLowerCase() === r[1].toLowerCase()) ? 0.5 : 0)
    for (const r of [['2014', 'NSC'], ['2015', 'nsc'], ['2014', 'National Supervision Commission'], ['2013', 'MPS']])
      expect(qtiGrade(r), r.join()).toBe(grade(make(), r, ledger).score)
  })
})

describe('cloze: the classroom', () => {
  const q = make()
  it('keeps the canonical answer, a distractor, or “…”: never the words a student typed', () => {
    expect(parseResponse(q, [' 2014 ', 'nsc'], ledger)).toEqual({ ok: true, response: ['2014', 'National Supervision Commission (NSC)'] })
    expect(parseResponse(q, ['2015', 'Jane Doe'], ledger)).toEqual({ ok: true, response: ['2015', OTHER_ANSWER] })
    expect(parseResponse(q, ['2014'], ledger)).toMatchObject({ ok: false, message: expect.stringMatching(/2 texts/) })
    expect(parseResponse(q, ['2014', 'x'.repeat(81)], ledger)).toMatchObject({ ok: false, message: expect.stringMatching(/at most 80/) })
  })
  it('counts each blank\'s answers, with the right one marked', () => {
    const answers = [['2014', 'NSC'], ['2015', 'nsc'], ['2014', 'Ministry of Public Security']].map(r => (parseResponse(q, r, ledger) as { response: unknown }).response)
    const t = tally(q, answers, ledger)
    expect(t).toMatchObject({ answered: 3, right: 1, kind: 'choices' })
    const bars = (t as { choices: { label: string, count: number, correct: boolean }[] }).choices
    expect(bars.map(b => [b.label, b.count, b.correct])).toEqual([
      ['1: 2014', 2, true], ['1: 2015', 1, false], ['1: something else', 0, false],
      ['2: National Supervision Commission (NSC)', 2, true], ['2: Ministry of Public Security', 1, false], ['2: something else', 0, false],
    ])
  })
})

describe('cloze: the bank', () => {
  const questions = loadQuizzes(root, sources.facts).flatMap(m => m.quiz.questions).filter((q): q is ClozeQuestion => q.type === 'cloze')
  it('holds at least 8 cloze questions, across at least 8 modules', () => {
    expect(questions.length).toBeGreaterThanOrEqual(8)
    expect(new Set(questions.map(q => q.id.slice(0, 3))).size).toBeGreaterThanOrEqual(8)
  })
  it('grades its own key right, and every GIFT-able one reads back through gift-pegjs', () => {
    for (const q of questions) {
      expect(grade(q, correctResponse(q, ledger), ledger).correct, q.id).toBe(true)
      if (q.blanks.length === 1)
        expect(parse(`${giftQuestion(q, ctx)}\n`)[0], q.id).toMatchObject({ hasEmbeddedAnswers: true })
    }
  })
})
