import { existsSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { readDeck } from './deck.ts'
import { inkBelow, pageCount, pageText } from './pdf.ts'

const PDF = 'exports/repatriation-leverage.pdf'
const slides = await readDeck()
const fold = (s: string) => s.replace(/[\u2018\u2019]/g, '\'').replace(/\s+/g, ' ').trim()

/** Marks that only appear when an answer is shown. */
const ANSWER_MARKS = /✔|correct answer|Answer:|Answer \(/

test.describe('exported PDF', () => {
  test.beforeAll(() => {
    if (!existsSync(PDF))
      throw new Error(`${PDF} is missing: run \`npm run export\` first`)
  })

  test('has one page per slide', () => {
    expect(pageCount(PDF)).toBe(slides.length)
  })

  test('shows each slide title on its page and no broken bindings', () => {
    for (const s of slides) {
      const text = fold(pageText(PDF, s.no))
      expect(text, `page ${s.no}`).toContain(fold(s.title))
      expect(text, `page ${s.no}`).not.toMatch(/\bundefined\b|\bNaN\b|\[object /)
    }
  })

  test('every diagram page shows the diagram, drawn as vector text', () => {
    for (const s of slides.filter(s => s.diagrams > 0)) {
      const ink = inkBelow(PDF, s.no)
      expect(ink, `ink below the title on page ${s.no}`).toBeGreaterThan(0.02)
      // Labels are SVG <text> (htmlLabels: false), so a rendered diagram's
      // words are selectable text in the PDF; a blank or failed one has none.
      const text = fold(pageText(PDF, s.no))
      const missing = s.diagramLabels.filter(l => !text.includes(fold(l)))
      expect(missing, `diagram labels missing from page ${s.no}`).toEqual([])
    }
  })

  test('quiz pages show lettered options and no answer; the answer key does', () => {
    const quizPages = slides.filter(s => s.quiz)
    expect(quizPages.length).toBeGreaterThan(0)
    for (const s of quizPages) {
      const text = pageText(PDF, s.no)
      expect(text, `quiz page ${s.no}`).not.toMatch(ANSWER_MARKS)
      if (/A\. /.test(text) === false && /choose/i.test(s.note))
        throw new Error(`quiz page ${s.no} has no lettered options`)
    }
    const keyPages = slides.filter(s => s.answerKey && /Answer key ·/.test(s.title))
    expect(keyPages.length).toBeGreaterThan(0)
    for (const s of keyPages)
      expect(pageText(PDF, s.no), `answer key page ${s.no}`).toMatch(/Answer:/)
  })
})
