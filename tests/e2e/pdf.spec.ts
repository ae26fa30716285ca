import { existsSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { fold, readDeck } from './deck.ts'
import { fonts, imagesOn, inkBelow, outline, pageCount, pageText } from './pdf.ts'

const DECK = 'exports/repatriation-leverage.pdf'
const STUDENT = 'exports/repatriation-leverage-student.pdf'
const HANDOUT = 'exports/repatriation-leverage-handout.pdf'
const slides = await readDeck()

/** Marks that only appear when an answer is shown (a stem may say "choose every correct answer"). */
const ANSWER_MARKS = /✔|➜|\bAnswer: |\bSolution: |Answer \(q/

test.describe('exported PDFs', () => {
  test.beforeAll(() => {
    for (const f of [DECK, STUDENT, HANDOUT]) {
      if (!existsSync(f))
        throw new Error(`${f} is missing: run \`npm run export\` first`)
    }
  })

  test('the deck has one page per slide', () => {
    expect(pageCount(DECK)).toBe(slides.length)
  })

  test('each page shows its slide title as selectable text, and no broken binding', () => {
    for (const s of slides) {
      const text = fold(pageText(DECK, s.no))
      expect.soft(text, `page ${s.no}`).toContain(fold(s.title))
      expect.soft(text, `page ${s.no}`).not.toMatch(/\bundefined\b|\bNaN\b|\[object /)
    }
  })

  test('every diagram shows, drawn as vector text and shapes, not a blank or a bitmap', () => {
    for (const s of slides.filter(s => s.diagrams > 0)) {
      expect.soft(inkBelow(DECK, s.no), `ink below the title on page ${s.no}`).toBeGreaterThan(0.02)
      // Labels are SVG <text> (htmlLabels: false), so a rendered diagram's
      // words are selectable text in the PDF; a blank or failed one has none.
      const text = fold(pageText(DECK, s.no))
      expect.soft(s.diagramLabels.filter(l => !text.includes(fold(l))), `diagram labels missing from page ${s.no}`).toEqual([])
      expect.soft(imagesOn(DECK, s.no), `raster images on diagram page ${s.no}`).toBe(0)
    }
  })

  test('fonts are embedded', () => {
    for (const f of [DECK, STUDENT, HANDOUT]) {
      const list = fonts(f)
      expect(list.length, `${f} lists fonts`).toBeGreaterThan(0)
      expect(list.filter(x => !x.embedded).map(x => x.name), `${f}: fonts not embedded`).toEqual([])
    }
  })

  test('the outline has one entry per module with its slides nested', async () => {
    const tree = await outline(DECK)
    const modules = tree.filter(t => /^Module \d+ · /.test(t.title)).map(t => t.title.match(/^Module (\d+)/)![1])
    expect(modules).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(tree[0].title).toBe('Repatriation as Leverage')
    expect(tree.find(t => t.title.startsWith('How to use'))?.children.length ?? 0).toBeGreaterThan(0)
    expect(tree.every(t => t.title.length > 0)).toBe(true)
    const total = tree.reduce((n, t) => n + 1 + t.children.length, 0)
    expect(total).toBe(slides.length)
  })

  test('quiz pages show lettered options and no answer; the answer key does', () => {
    const quizPages = slides.filter(s => s.quiz)
    expect(quizPages.length).toBeGreaterThan(0)
    for (const s of quizPages) {
      const text = pageText(DECK, s.no)
      expect.soft(text, `quiz page ${s.no}`).not.toMatch(ANSWER_MARKS)
      if (/choose/.test(s.note))
        expect.soft(text, `quiz page ${s.no} letters its options`).toMatch(/\bA\. .*\bB\. /s)
    }
    const keyPages = slides.filter(s => s.answerKey && /^Answer key ·/.test(s.title))
    expect(keyPages.length).toBeGreaterThan(0)
    for (const s of keyPages)
      expect.soft(pageText(DECK, s.no), `answer key page ${s.no}`).toMatch(/Answer:/)
  })

  test('the student PDF is the deck without the answer key, and leaks no answer', () => {
    const student = slides.filter(s => !s.answerKey)
    expect(student.length).toBeLessThan(slides.length)
    expect(pageCount(STUDENT)).toBe(student.length)
    for (let p = 1; p <= student.length; p++) {
      const text = pageText(STUDENT, p)
      expect.soft(text, `student page ${p}`).not.toMatch(ANSWER_MARKS)
      expect.soft(text, `student page ${p}`).not.toMatch(/Answer key/)
    }
  })

  test('the handout pairs every slide with its speaker notes', () => {
    const pages = pageCount(HANDOUT)
    expect(pages).toBeGreaterThanOrEqual(slides.length)
    const all = fold(Array.from({ length: pages }, (_, i) => pageText(HANDOUT, i + 1)).join(' '))
    for (const s of slides) {
      expect.soft(all, `handout has slide ${s.no}`).toContain(fold(`Slide ${s.no} of ${slides.length}`))
      // A line of each slide's notes, as printed (first 40 characters of its first line).
      const first = fold(s.note.replace(/<[^>]+>|\*\*/g, '')).slice(0, 40)
      if (first)
        expect.soft(all, `handout has the notes of slide ${s.no}`).toContain(first)
    }
  })
})
