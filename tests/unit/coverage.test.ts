import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { coverageOk, coverageSummary, factCoverage, UntestedFile } from '../../lib/coverage.ts'
import { listBanks, loadSources } from '../../lib/content.ts'
import type { Fact } from '../../lib/ledger/schema.ts'
import { loadYaml } from '../../lib/load.ts'
import type { Question, QuestionType, QuizFile } from '../../lib/quiz/schema.ts'
import { loadQuizFile, validateBank } from '../../lib/quiz/validate.ts'

// ─── factCoverage on small fixtures ─────────────────────────────────────────

const facts: Pick<Fact, 'id' | 'status'>[] = [
  { id: 'doc-covered', status: 'documented' },
  { id: 'reported-uncovered', status: 'reported' },
  { id: 'quote-untested', status: 'quotation' },
  { id: 'reading-uncited', status: 'interpretation' },
  { id: 'reading-cited', status: 'interpretation' },
]

const quizzes = [
  { questions: [
    { id: 'q01-a', facts: ['doc-covered'] },
    { id: 'q01-b', facts: ['doc-covered', 'reading-cited', 'doc-covered'] },
  ] },
  { questions: [{ id: 'q02-a', facts: ['reading-cited'] }] },
]

describe('factCoverage', () => {
  it('lists, for every ledger entry, the questions citing it in bank order', () => {
    const c = factCoverage(facts, quizzes, [])
    expect(c.rows).toEqual([
      { id: 'doc-covered', status: 'documented', questions: ['q01-a', 'q01-b'] },
      { id: 'reported-uncovered', status: 'reported', questions: [] },
      { id: 'quote-untested', status: 'quotation', questions: [] },
      { id: 'reading-uncited', status: 'interpretation', questions: [] },
      { id: 'reading-cited', status: 'interpretation', questions: ['q01-b', 'q02-a'] },
    ])
  })

  it('reports documented, reported and quotation entries no question cites, but not interpretations', () => {
    const c = factCoverage(facts, quizzes, [])
    expect(c.uncovered).toEqual(['reported-uncovered', 'quote-untested'])
    expect(coverageOk(c)).toBe(false)
  })

  it('accepts an uncited entry listed as untested with a reason', () => {
    const untested = [
      { id: 'quote-untested', reason: 'An outlet name; nothing to teach.' },
      { id: 'reported-uncovered', reason: 'Duplicates another entry.' },
    ]
    const c = factCoverage(facts, quizzes, untested)
    expect(c.uncovered).toEqual([])
    expect(c.untested).toEqual(untested)
    expect(c.unknownUntested).toEqual([])
    expect(coverageOk(c)).toBe(true)
    expect(coverageSummary(c)).toBe('5 entries, 2 covered, 2 deliberately untested (listed with reasons), 0 uncovered')
  })

  it('reports an untested id that is not in the ledger', () => {
    const c = factCoverage(facts, quizzes, [
      { id: 'quote-untested', reason: 'Nothing to teach.' },
      { id: 'reported-uncovered', reason: 'Duplicate.' },
      { id: 'no-such-fact', reason: 'A typo.' },
    ])
    expect(c.unknownUntested).toEqual(['no-such-fact'])
    expect(c.untested.map(u => u.id)).toEqual(['quote-untested', 'reported-uncovered'])
    expect(coverageOk(c)).toBe(false)
  })

  it('notes an untested entry that a question cites after all', () => {
    const c = factCoverage(facts, quizzes, [{ id: 'doc-covered', reason: 'Stale.' }])
    expect(c.untestedButCited).toEqual(['doc-covered'])
  })

  it('validates untested.yaml with file:line errors', () => {
    expect(() => loadYaml('- id: Bad Id\n  reason: x\n', 'quizzes/untested.yaml', UntestedFile))
      .toThrow(/quizzes\/untested\.yaml:1 0\.id/)
    expect(() => loadYaml('- id: a\n  reason: x\n- id: b\n  reason: ""\n', 'quizzes/untested.yaml', UntestedFile))
      .toThrow(/quizzes\/untested\.yaml:4 1\.reason/)
    expect(() => loadYaml('- id: a\n  reason: x\n- id: a\n  reason: y\n', 'quizzes/untested.yaml', UntestedFile))
      .toThrow(/already listed/)
  })
})

// ─── The real bank ──────────────────────────────────────────────────────────

const ROOT = join(import.meta.dirname, '..', '..')
const ARTICLE = '/work/shared/source/article.txt'

const { facts: ledgerFacts } = loadSources(ROOT)
const ledger = new Map(ledgerFacts.map(f => [f.id, f]))
const files = listBanks(ROOT).banks.map(b => b.file) // the one list of banks every tool uses
const bank = files.map(file => ({ file, quiz: loadQuizFile(readFileSync(join(ROOT, file), 'utf8'), file, ledger) as QuizFile }))
const questions: Question[] = bank.flatMap(b => b.quiz.questions)
const untested = loadYaml(readFileSync(join(ROOT, 'quizzes/untested.yaml'), 'utf8'), 'quizzes/untested.yaml', UntestedFile)

/** Lower-case words, apostrophes dropped, for comparing wording. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/[’'‘]/g, '').match(/[\p{L}\p{N}]+/gu) ?? []
}

function ngrams(ws: readonly string[], n: number): string[] {
  return ws.length < n ? [] : ws.slice(0, ws.length - n + 1).map((_, i) => ws.slice(i, i + n).join(' '))
}

describe('the question bank', () => {
  it('loads and validates against the ledger, with ids unique across files', () => {
    expect(files.length).toBe(11)
    expect(validateBank(bank)).toEqual([])
    const ids = questions.map(q => q.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('has at least 80 questions: at least 6 per module 1–10 and 15 in the final review', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80)
    const perModule = new Map<number, number>()
    for (const { quiz } of bank)
      perModule.set(quiz.module, (perModule.get(quiz.module) ?? 0) + quiz.questions.length)
    for (let m = 1; m <= 10; m++)
      expect(perModule.get(m) ?? 0, `module ${m}`).toBeGreaterThanOrEqual(6)
    expect(perModule.get(11)).toBe(15)
  })

  it('uses every question type at least 5 times, classify at least 8 times', () => {
    const count = new Map<QuestionType, number>()
    questions.forEach(q => count.set(q.type, (count.get(q.type) ?? 0) + 1))
    for (const type of ['single', 'multiple', 'truefalse', 'numeric', 'ordering', 'matching', 'classify'] as const)
      expect(count.get(type) ?? 0, type).toBeGreaterThanOrEqual(5)
    expect(count.get('classify')).toBeGreaterThanOrEqual(8)
  })

  it('mixes at least 3 question types in every module', () => {
    for (const { file, quiz } of bank)
      expect(new Set(quiz.questions.map(q => q.type)).size, file).toBeGreaterThanOrEqual(3)
  })

  it('prefixes question ids with their module number', () => {
    for (const { quiz } of bank) {
      const nn = String(quiz.module).padStart(2, '0')
      for (const q of quiz.questions)
        expect(q.id).toMatch(new RegExp(`^q${nn}-[a-z0-9-]+$`))
    }
  })

  it('tests every documented, reported and quotation entry, or lists it as untested with a reason', () => {
    const c = factCoverage(ledgerFacts, bank.map(b => b.quiz), untested)
    expect(c.uncovered).toEqual([])
    expect(c.unknownUntested).toEqual([])
    expect(c.untestedButCited).toEqual([])
  })

  it('has no "all of the above" or "none of the above"', () => {
    for (const q of questions) {
      const texts = [q.stem, ...('options' in q ? q.options.map(o => o.text ?? '') : [])]
      for (const t of texts)
        expect(t, q.id).not.toMatch(/\b(all|none) of the above\b/i)
    }
  })

  it('states the unit in the stem of every numeric question', () => {
    for (const q of questions) {
      if (q.type === 'numeric')
        expect(q.stem.toLowerCase(), q.id).toContain(q.unit.toLowerCase())
    }
  })

  it('writes no negative stem unless the negative word is in bold capitals', () => {
    for (const q of questions) {
      const plain = q.stem.replace(/\*\*[A-Z]+\*\*/g, '')
      expect(plain, q.id).not.toMatch(/\b(not|never|except|neither)\b/i)
    }
  })

  it.skipIf(!existsSync(ARTICLE))('copies no run of 8 or more words from the article into a stem', () => {
    const article = new Set(ngrams(words(readFileSync(ARTICLE, 'utf8')), 8))
    for (const q of questions) {
      const copied = ngrams(words(q.stem), 8).filter(g => article.has(g))
      expect(copied, q.id).toEqual([])
    }
  })
})
