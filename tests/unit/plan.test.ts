import type { PlanSlide } from '../../lib/plan.ts'
import type { QuizFile } from '../../lib/quiz/schema.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { loadQuizzes, loadSources } from '../../lib/content.ts'
import { lintPage } from '../../lib/lint.ts'
import { formatPlan, minutesOf, paceOf, paceText, PERIOD_MINUTES, questionMinutes, sectionsOf, unitPlan } from '../../lib/plan.ts'
import { readDeck } from '../e2e/deck.ts'

const root = join(import.meta.dirname, '../..')

describe('minutes', () => {
  it('reads the one `Minutes: N` line of a slide\'s notes', () => {
    expect(minutesOf('Say: hello.\n\nMinutes: 3.')).toBe(3)
    expect(minutesOf('Minutes: 0')).toBe(0)
    expect(minutesOf('Say: no timing here.')).toBeUndefined()
    // Two lines is an editing slip, not a sum.
    expect(minutesOf('Minutes: 2.\nMinutes: 3.')).toBeUndefined()
    // Only a line of its own counts, not a mention in a sentence.
    expect(minutesOf('The Minutes: 4 line is read by the plan.')).toBeUndefined()
  })

  it('gives a class question time to discuss, on top of the time to answer', () => {
    expect(questionMinutes({ type: 'truefalse' })).toBe(1)
    expect(questionMinutes({ type: 'classify' })).toBe(2)
    expect(questionMinutes({ type: 'single', class: true })).toBe(3)
    expect(questionMinutes({ type: 'matching', class: true })).toBe(4)
  })

  it('writes the pace in whole minutes, and says by how much it runs over', () => {
    expect(paceText('Module 3', 9 * 60_000 + 59_000, 12)).toBe('Module 3 · 9 of 12 min')
    expect(paceText('Module 3', 14 * 60_000, 12)).toBe('Module 3 · 14 of 12 min (2 over)')
    expect(paceText('Final review', -5, 3)).toBe('Final review · 0 of 3 min')
  })
})

const slide = (no: number, file: string, title: string, minutes: number | undefined, extra: Partial<PlanSlide> = {}): PlanSlide =>
  ({ no, file, title, note: minutes === undefined ? 'Say: …' : `Say: …\n\nMinutes: ${minutes}.`, ...extra })

const bank = (module: number, title: string, n: number, asked: number[] = []): QuizFile => ({
  module,
  title,
  questions: Array.from({ length: n }, (_, i) => ({ id: `q${module}-${i}`, type: 'truefalse' as const, stem: 'S?', facts: ['a'], explanation: 'E.', answer: true, why: 'W.', class: asked.includes(i + 1) || undefined })),
})

describe('sections', () => {
  const deck = [
    slide(1, 'lecture.md', 'Repatriation as Leverage', 1),
    slide(2, 'pages/01-orientation.md', 'How to use this kit', 2),
    slide(3, 'pages/02-august-2022.md', 'Module 2 · August 2022', 1),
    slide(4, 'pages/02-august-2022.md', 'Class question · Module 2', 3, { quiz: { src: '02-august-2022', question: 4 } }),
    slide(5, 'lecture.md', 'Session 2 · Onwards', 2, { session: 2 }),
    slide(6, 'pages/10-conclusions.md', 'Module 10 · Conclusions', 1),
    slide(7, 'pages/10-conclusions.md', 'Final review', 1),
    slide(8, 'pages/10-conclusions.md', 'Final review · Question 1 of 2', 1, { quiz: { src: '11-final-review', question: 1 } }),
    slide(9, 'pages/10-conclusions.md', 'Your results', 0),
    slide(10, 'pages/10-conclusions.md', 'Sources · page 1 of 2', 0),
    slide(11, 'pages/10-conclusions.md', 'Glossary', 0),
    slide(12, 'pages/11-answer-key.md', 'Answer key · Module 2', 0),
  ]

  it('names each module by its opener, or by its bank when it has none (never "How to use this kit")', () => {
    const s = sectionsOf(deck, { 1: 'Orientation' })
    expect(s.map(x => x.key)).toEqual(['title', 'module-1', 'module-2', 'module-2', 'session-2', 'module-10', 'final-review', 'final-review', 'results', 'sources', 'glossary', 'answer-key'])
    expect(s[1].title).toBe('Module 1 · Orientation')
    expect(s[2].title).toBe('Module 2 · August 2022')
    expect(s[4].title).toBe('Session 2 · Onwards')
  })

  it('adds up each part\'s minutes for the pace, and maps every slide to its part', () => {
    const pace = paceOf(deck, { 1: 'Orientation' })
    const byKey = Object.fromEntries(pace.sections.map(s => [s.key, s.minutes]))
    expect(byKey).toMatchObject({ 'title': 1, 'module-1': 2, 'module-2': 4, 'final-review': 2 })
    expect(pace.slideSection).toHaveLength(deck.length)
    expect(pace.sections[pace.slideSection[3]].label).toBe('Module 2')
  })
})

describe('unitPlan', () => {
  const banks = { '01-orientation': bank(1, 'Orientation', 7, [2]), '02-august-2022': bank(2, 'August 2022', 5, [4]), '11-final-review': bank(11, 'Final review', 9) }
  const lecture = [
    slide(1, 'lecture.md', 'Repatriation as Leverage', 1),
    slide(2, 'pages/01-orientation.md', 'Content note', 2),
    slide(3, 'pages/01-orientation.md', 'Class question · Module 1', 3, { quiz: { src: '01-orientation', question: 2 } }),
    slide(4, 'lecture.md', 'Session 2 · Onwards', 2, { session: 2 }),
    slide(5, 'pages/02-august-2022.md', 'Module 2 · August 2022', 1),
    slide(6, 'pages/02-august-2022.md', 'Class question · Module 2', 3, { quiz: { src: '02-august-2022', question: 4 } }),
    slide(7, 'pages/10-conclusions.md', 'Sources', 0),
  ]

  it('splits the lecture into sessions and adds up minutes and questions', () => {
    const plan = unitPlan(lecture, banks)
    expect(plan.sessions.map(s => [s.n, s.minutes, s.classQuestions, s.selfStudyQuestions])).toEqual([[1, 6, 1, 7], [2, 6, 1, 5]])
    expect(plan.sessions[0].rows.map(r => [r.section.key, r.lectureMinutes])).toEqual([['title', 1], ['module-1', 5]])
    // A reference page with no time and no question is not a line of the plan.
    expect(plan.sessions[1].rows.map(r => r.section.key)).toEqual(['session-2', 'module-2'])
    expect(plan.selfStudyOnly.map(r => [r.section.title, r.selfStudyQuestions])).toEqual([['Final review', 9]])
    expect(plan.totals).toEqual({ lectureMinutes: 12, classQuestions: 2, selfStudyQuestions: 21 })
    expect(plan.problems).toEqual([])
  })

  it('names a lecture slide that gives no minutes', () => {
    const plan = unitPlan([...lecture, slide(8, 'pages/02-august-2022.md', 'Key points', undefined)], banks)
    expect(plan.problems).toEqual(['pages/02-august-2022.md: slide 8 "Key points" needs one line `Minutes: N` in its notes'])
  })

  it('prints a table with one line per part, per session, and the totals', () => {
    const text = formatPlan(unitPlan(lecture, banks))
    expect(text).toMatch(/^Session 1 \(at most 90 minutes\)$/m)
    expect(text).toMatch(/^ {2}Module 1 · Orientation +5 +1 +7$/m)
    expect(text).toMatch(/^ {2}Session 2 total +6 +1 +5$/m)
    expect(text).toMatch(/^ {2}Final review +– +0 +9$/m)
    expect(text).toMatch(/^Unit total +12 +2 +21$/m)
  })
})

// ─── The real unit ──────────────────────────────────────────────────────────

const sources = loadSources(root)
const banks = Object.fromEntries(loadQuizzes(root, sources.facts).map(q => [q.stem, q.quiz]))
const [lecture, selfStudy] = await Promise.all([readDeck('lecture.md'), readDeck('slides.md')])
const plan = unitPlan(lecture, banks)

describe('the unit plan of the real decks', () => {
  it('gives every slide of both decks its minutes', () => {
    expect(plan.problems).toEqual([])
    expect(unitPlan(selfStudy, banks).problems).toEqual([])
  })

  it('fits each lecture session in one period', () => {
    expect(plan.sessions.length).toBeGreaterThan(0)
    for (const s of plan.sessions)
      expect(s.minutes, `session ${s.n}`).toBeLessThanOrEqual(PERIOD_MINUTES)
  })

  it('asks at least one class question in every module, and only the class questions', () => {
    const asked = lecture.filter(s => s.quiz).map(s => banks[s.quiz!.src].questions[s.quiz!.question - 1])
    expect(asked.every(q => q.class)).toBe(true)
    const classQuestions = Object.values(banks).flatMap(b => b.questions.filter(q => q.class))
    expect(asked.map(q => q.id).sort()).toEqual(classQuestions.map(q => q.id).sort())
    for (const b of Object.values(banks).filter(b => b.module <= 10)) {
      const row = plan.sessions.flatMap(s => s.rows).find(r => r.section.module === b.module)
      expect(row?.classQuestions ?? 0, `module ${b.module}`).toBeGreaterThanOrEqual(1)
      expect(row?.classQuestions ?? 0, `module ${b.module}`).toBeLessThanOrEqual(2)
    }
  })

  it('keeps every question in the self-study deck', () => {
    const total = Object.values(banks).reduce((n, b) => n + b.questions.length, 0)
    expect(selfStudy.filter(s => s.quiz)).toHaveLength(total)
    expect(plan.totals.selfStudyQuestions).toBe(total)
  })

  it('builds the lecture from the self-study deck\'s own slides, in the same order', () => {
    // Apart from the lecture's own title and session slides, and the class
    // question titles, every lecture slide is a slide of the self-study deck.
    const key = (s: { file: string, title: string }) => `${s.file}|${s.title}`
    const own = lecture.filter(s => s.file === 'lecture.md')
    expect(own.length).toBeGreaterThan(0)
    const shared = lecture.filter(s => s.file !== 'lecture.md' && !s.quiz)
    const order = selfStudy.map(key)
    const at = shared.map(s => order.indexOf(key(s)))
    expect(at.filter(i => i < 0), 'lecture slides missing from the self-study deck').toEqual([])
    expect(at).toEqual([...at].sort((a, b) => a - b))
    // What the lecture leaves out is exactly what is marked for self-study (and the quiz slides, the results, the answer key).
    const dropped = selfStudy.filter(s => s.file !== 'slides.md' && !s.quiz && !s.answerKey && !shared.some(l => key(l) === key(s)))
    expect(dropped.filter(s => !s.selfStudyOnly).map(key)).toEqual([])
  })

  it('is the plan the README shows', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const block = readme.match(/<!-- npm run plan: begin -->\n```text\n([\s\S]*?)\n```\n<!-- npm run plan: end -->/)
    expect(block, 'README.md has the `npm run plan` block').not.toBeNull()
    expect(block![1]).toBe(formatPlan(plan))
  })
})

describe('the two entry files', () => {
  const headmatter = (file: string) => parseYaml(readFileSync(join(root, file), 'utf8').split(/^---$/m)[1]) as Record<string, unknown>

  it('share their headmatter, except what names the deck', () => {
    const a = headmatter('slides.md')
    const b = headmatter('lecture.md')
    const differs = ['deck', 'titleTemplate', 'exportFilename', 'duration']
    const strip = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => !differs.includes(k)))
    expect(strip(b)).toEqual(strip(a))
    expect(b.deck).toBe('lecture')
    expect(b.exportFilename).not.toBe(a.exportFilename)
  })

  it('type no figure by hand on their own slides', () => {
    // `npm run check` lints pages/; the entry files' own slides (title, session opener) get the same lint here.
    for (const [file, deck] of [['slides.md', selfStudy], ['lecture.md', lecture]] as const) {
      const own = deck.filter(s => s.file === file)
      expect(own.length).toBeGreaterThan(0)
      for (const s of own)
        expect(lintPage(`${s.content}\n${s.note}`, `${file} slide ${s.no}`, sources.facts)).toEqual([])
    }
  })
})
