import { describe, expect, it } from 'vitest'
import { presenterDriving, STALE_PRESENTER_MS } from '../../lib/class-mode.ts'
import { moduleOfFile, questionSlides, reviewSlides } from '../../lib/review.ts'
import { SHEET_BELOW_SCALE, slideScale, wantsSheet } from '../../lib/viewport.ts'
import { quiz } from './quiz/fixtures.ts'

const bank = (module: number, id: string, facts: string[]) => quiz([{
  id, type: 'truefalse', stem: 'A statement.', facts, explanation: 'Because.', answer: true, why: 'No.',
}], module)

describe('reviewSlides', () => {
  const slides = [
    { no: 2, file: 'pages/01-orientation.md', content: '# Orientation' },
    { no: 3, file: 'pages/01-orientation.md', content: '<Quiz bank="01-x" :question="1" /> <Fact id="a" />' },
    { no: 10, file: '/abs/pages/03-repatriation.md', content: 'Figure <Fact id="a" /> and <Cite id="b" />' },
    { no: 12, file: 'pages/03-repatriation.md', content: 'Only <Status id="b" />' },
    { no: 20, file: 'pages/05-fox-hunt.md', content: '<Fact id="b" />' },
    { no: 30, file: 'pages/11-answer-key.md', content: '<AnswerKey bank="05-fox-hunt" /> <Fact id="c" />' },
  ]

  it('prefers a slide of the question\'s own module, even over one citing more of its facts', () => {
    expect(reviewSlides(slides, [bank(5, 'q05', ['a', 'b'])])).toEqual({ q05: 20 })
  })

  it('otherwise takes the slide citing most of the facts, then the earliest', () => {
    expect(reviewSlides(slides, [bank(11, 'q11', ['b', 'a'])])).toEqual({ q11: 10 })
    expect(reviewSlides(slides, [bank(11, 'q11b', ['b'])])).toEqual({ q11b: 10 })
  })

  it('never sends a learner to a quiz or answer-key slide, and leaves out a question nothing teaches', () => {
    expect(reviewSlides(slides, [bank(1, 'q01', ['c'])])).toEqual({})
  })

  it('reads the module from a page file name', () => {
    expect(moduleOfFile('pages/03-repatriation.md')).toBe(3)
    expect(moduleOfFile('C:\\kit\\pages\\10-conclusions.md')).toBe(10)
    expect(moduleOfFile('slides.md')).toBeUndefined()
  })

  it('finds the slide that asks each question', () => {
    const b = { '01-x': bank(1, 'q01-first', ['a']) }
    expect(questionSlides(slides, b)).toEqual({ 'q01-first': 3 })
  })
})

describe('class mode', () => {
  const opened = 1_000_000_000
  it('follows a presenter update made after, or shortly before, the window opened', () => {
    expect(presenterDriving({ id: 'x', type: 'presenter', time: opened + 5 }, opened)).toBe(true)
    expect(presenterDriving({ id: 'x', type: 'presenter', time: opened - STALE_PRESENTER_MS + 1 }, opened)).toBe(true)
  })
  it('ignores viewers, stale presenter state and no state at all', () => {
    expect(presenterDriving({ id: 'x', type: 'viewer', time: opened + 5 }, opened)).toBe(false)
    expect(presenterDriving({ id: 'x', type: 'presenter', time: opened - STALE_PRESENTER_MS - 1 }, opened)).toBe(false)
    expect(presenterDriving(undefined, opened)).toBe(false)
  })
})

describe('the phone sheet', () => {
  it('opens on a portrait or landscape phone, not on a laptop or a projector', () => {
    expect(wantsSheet(390, 844)).toBe(true)
    expect(wantsSheet(844, 390)).toBe(true)
    expect(wantsSheet(1280, 720)).toBe(false)
    expect(wantsSheet(1024, 600)).toBe(false)
  })
  it('uses Slidev\'s own scale: the smaller of width and height ratios', () => {
    expect(slideScale(1280, 720, 980, 16 / 9)).toBeCloseTo(1.306, 3)
    expect(slideScale(390, 844, 980, 16 / 9)).toBeCloseTo(390 / 980, 5)
    expect(slideScale(0, 0, 980, 16 / 9)).toBe(1)
    expect(SHEET_BELOW_SCALE).toBeLessThan(1)
  })
})
