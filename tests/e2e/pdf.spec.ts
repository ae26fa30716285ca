import { existsSync, readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'
import { keyEntry } from '../../lib/answer-key.ts'
import { loadQuizzes, loadSources } from '../../lib/content.ts'
import { exportContext } from '../../lib/export/common.ts'
import { printedQuestion } from '../../lib/pdf/questions.ts'
import { printed } from '../../lib/pdf/pages.ts'
import { plainNotes } from '../../lib/pdf/outline.ts'
import { fold, readDeck } from './deck.ts'
import { fonts, imagesOn, inkBelow, outline, pageCount, pageText, pageTexts } from './pdf.ts'

const DECK = 'exports/repatriation-leverage.pdf'
const STUDENT = 'exports/repatriation-leverage-student.pdf'
const LECTURE = 'exports/repatriation-leverage-lecture.pdf'
const HANDOUT = 'exports/repatriation-leverage-handout.pdf'
const KEY = 'exports/repatriation-leverage-answer-key.pdf'
const ALL = [DECK, STUDENT, LECTURE, HANDOUT, KEY]

/** The handout before the printouts were redone: one A4 page per slide of a 229-slide deck. */
const HANDOUT_PAGES_BEFORE = 229

const slides = (await readDeck()).filter(printed)
const lecture = (await readDeck('lecture.md')).filter(printed)
const content = loadSources('.')
const ctx = exportContext(content)
const banks = loadQuizzes('.', content.facts).map(q => q.quiz).sort((a, b) => a.module - b.module)

/** Marks that only appear when an answer is shown (a stem may say "choose every correct answer"). */
const ANSWER_MARKS = /✔|➜|\bAnswer: |\bSolution: |Answer \(q|\(right\)/

/** Text as the PDFs print it: the font has no arrow, so `→` prints as `->`. */
const printedText = (t: string) => fold(t.replace(/→/g, '->'))

/** Every page's text, folded; as many pages as the PDF has. */
function pagesOf(pdf: string): string[] {
  const texts = pageTexts(pdf).map(fold)
  expect(texts, `${pdf}: one text per page`).toHaveLength(pageCount(pdf))
  return texts
}

const question = /\bq\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\b/g

test.describe('exported PDFs', () => {
  test.beforeAll(() => {
    for (const f of ALL) {
      if (!existsSync(f))
        throw new Error(`${f} is missing: run \`npm run export\` first`)
    }
  })

  test('the deck prints one page per slide, then the answer key', () => {
    expect(pageCount(DECK)).toBe(slides.length + pageCount(KEY))
    for (const [i, s] of slides.entries()) {
      const text = fold(pageText(DECK, i + 1))
      expect.soft(text, `page ${i + 1} (slide ${s.no})`).toContain(fold(s.title))
      expect.soft(text, `page ${i + 1}`).not.toMatch(/\bundefined\b|\bNaN\b|\[object /)
    }
    expect(fold(pageText(DECK, slides.length + 1))).toMatch(/^Repatriation as Leverage · Answer key/)
  })

  test('the lecture prints one page per lecture slide, with no answer', () => {
    expect(pageCount(LECTURE)).toBe(lecture.length)
    for (const [i, s] of lecture.entries()) {
      const text = fold(pageText(LECTURE, i + 1))
      expect.soft(text, `lecture page ${i + 1}`).toContain(fold(s.title))
      expect.soft(text, `lecture page ${i + 1}`).not.toMatch(ANSWER_MARKS)
    }
  })

  test('no page of any PDF shows the learner\'s results', () => {
    for (const f of ALL)
      expect(pagesOf(f).flatMap((t, i) => /Your results/.test(t) ? [i + 1] : []), `${f}: pages with "Your results"`).toEqual([])
  })

  test('every diagram shows, drawn as vector text and shapes, not a blank or a bitmap', () => {
    for (const [i, s] of slides.entries()) {
      if (!s.diagrams)
        continue
      const page = i + 1
      expect.soft(inkBelow(DECK, page), `ink below the title on page ${page}`).toBeGreaterThan(0.02)
      // Labels are SVG <text> (htmlLabels: false), so a rendered diagram's
      // words are selectable text in the PDF; a blank or failed one has none.
      const text = fold(pageText(DECK, page))
      expect.soft(s.diagramLabels.filter(l => !text.includes(fold(l))), `diagram labels missing from page ${page}`).toEqual([])
      expect.soft(imagesOn(DECK, page), `raster images on diagram page ${page}`).toBe(0)
    }
  })

  test('fonts are embedded', () => {
    for (const f of ALL) {
      const list = fonts(f)
      expect(list.length, `${f} lists fonts`).toBeGreaterThan(0)
      expect(list.filter(x => !x.embedded).map(x => x.name), `${f}: fonts not embedded`).toEqual([])
    }
  })

  test('bookmarks: every module under its own title, then the final review, sources, glossary and answer key', async () => {
    const modules = (titles: string[]) => titles.filter(t => /^Module \d+ · /.test(t)).map(t => Number(t.match(/^Module (\d+)/)![1]))
    const tree = await outline(DECK)
    const top = tree.map(t => t.title)
    expect(top[0]).toBe('Repatriation as Leverage')
    expect(modules(top)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(top).not.toContain('How to use this kit')
    expect(top.slice(-4)).toEqual(['Final review', 'Sources', 'Glossary', 'Answer key'])
    // Each slide is a bookmark of its own (nested, or the part itself when alone).
    const nodes = tree.slice(0, -1).reduce((n, t) => n + (t.children.length || 1), 0)
    expect(nodes).toBe(slides.length)
    const key = tree.at(-1)!.children
    expect(modules(key)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(key.slice(-2)).toEqual(['Final review', 'Sources'])

    expect((await outline(STUDENT)).map(t => t.title)).toEqual(top.slice(0, -1))
    const lec = (await outline(LECTURE)).map(t => t.title)
    expect(modules(lec)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(lec.find(t => /^Session 2 · /.test(t))).toBeDefined()
    expect(lec.slice(-2)).toEqual(['Sources', 'Glossary'])
    const hand = (await outline(HANDOUT)).map(t => t.title)
    expect(modules(hand)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(hand.slice(-3)).toEqual(['Final review', 'Sources', 'Glossary'])
    expect((await outline(KEY)).map(t => t.title)).toEqual(key)
  })

  test('quiz pages show lettered options and no answer', () => {
    const quizPages = slides.flatMap((s, i) => s.quiz ? [{ s, page: i + 1 }] : [])
    expect(quizPages.length).toBeGreaterThan(0)
    for (const { s, page } of quizPages) {
      const text = pageText(DECK, page)
      expect.soft(text, `quiz page ${page}`).not.toMatch(ANSWER_MARKS)
      if (/choose/.test(s.note))
        expect.soft(text, `quiz page ${page} letters its options`).toMatch(/\bA\. .*\bB\. /s)
    }
  })

  test('the student PDF is the deck without the answer key, and leaks no answer', () => {
    expect(pageCount(STUDENT)).toBe(slides.length)
    for (const [p, text] of pagesOf(STUDENT).entries()) {
      expect.soft(text, `student page ${p + 1}`).not.toMatch(ANSWER_MARKS)
      expect.soft(text, `student page ${p + 1}`).not.toMatch(/Answer key/)
    }
  })

  test('the answer key: every question once, as the slides give it, at least 8 to a page', () => {
    const pages = pagesOf(KEY)
    const perPage = pages.map(t => (t.match(question) ?? []).length)
    // Every page but the last (which ends with the sources) holds 8 questions or more.
    expect(perPage.slice(0, -1).filter(n => n < 8), `questions per page: ${perPage.join(', ')}`).toEqual([])
    const all = pages.join(' ')
    const ids = all.match(question) ?? []
    for (const b of banks) {
      for (const [i, q] of b.questions.entries()) {
        expect.soft(ids.filter(id => id === q.id), `${q.id} appears once`).toHaveLength(1)
        // The same entry the answer-key slides show (components/AnswerKey.vue uses keyEntry too).
        const e = keyEntry(q, i + 1, ctx.ledger, ctx.references)
        expect.soft(all, `${q.id} stem`).toContain(printedText(e.stem))
        expect.soft(all, `${q.id} answer`).toContain(printedText(`Answer: ${e.answer}`))
        expect.soft(all, `${q.id} sources`).toContain(printedText(`Sources: ${e.sources.join(', ')}`))
      }
    }
    // Grouped under a heading per module, in order.
    const headings = banks.map(b => all.indexOf(b.module === 11 ? 'Final review' : `Module ${b.module} · `))
    expect(headings.every(h => h >= 0)).toBe(true)
    expect(headings).toEqual([...headings].sort((a, b) => a - b))
  })

  test('the handout: about a third of the old page count, two or three slides a page with their notes', async () => {
    const pages = pageCount(HANDOUT)
    expect(pages).toBeLessThanOrEqual(Math.round(HANDOUT_PAGES_BEFORE / 3))
    const teaching = slides.filter(s => !s.quiz)
    const texts = pagesOf(HANDOUT)
    const all = texts.join(' ')
    // Slide images are the deck's own pages, embedded as vector forms.
    const doc = await PDFDocument.load(readFileSync(HANDOUT))
    const forms = doc.getPages().map((p) => {
      const x = p.node.Resources()?.lookup(PDFName.of('XObject'))
      return x instanceof PDFDict ? x.keys().length : 0
    })
    expect(forms.reduce((a, b) => a + b, 0)).toBe(teaching.length)
    expect(forms.filter(n => n > 3), 'at most three slides a page').toEqual([])
    // A page with a single slide is the last page, or one that also holds a
    // module's questions (the end of its list, or the start of one).
    const stems = banks.flatMap(b => b.questions.map(q => printedText(printedQuestion(q, ctx.ledger).stem).slice(0, 40)))
    const lone = forms.flatMap((n, i) => n === 1 && i < forms.length - 1 && !stems.some(st => texts[i].includes(st)) ? [i + 1] : [])
    expect(lone, 'pages with one slide and no questions').toEqual([])
    for (const s of teaching) {
      expect.soft(all, `handout has slide ${s.no}`).toContain(`Slide ${s.no}`)
      const first = fold(plainNotes(s.note)).slice(0, 40)
      if (first)
        expect.soft(all, `handout has the notes of slide ${s.no}`).toContain(first)
    }
    // Each module's questions, in one list, without answers.
    for (const b of banks) {
      for (const q of b.questions)
        expect.soft(all, `handout lists ${q.id}`).toContain(printedText(printedQuestion(q, ctx.ledger).stem))
    }
    expect(all).not.toMatch(/✔|Answer \(q|\(right\)/)
  })
})
