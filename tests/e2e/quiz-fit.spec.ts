/**
 * Every question of the bank, as a learner meets it, on a 1280×720 projector
 * or laptop and on a 390×844 phone: answered wrong, checked, retried,
 * answered right, checked, and its solution shown. At each step the button
 * pressed must be the topmost element at its centre (clicked there with the
 * real mouse), and the whole feedback must be readable: on screen, cut by
 * nothing, under nothing, or in a region that scrolls. On the phone the
 * question's text is 16 px or more and every target 44 × 44 px or more.
 */
import type { Page } from '@playwright/test'
import type { Question } from '../../lib/quiz/index.ts'
import { answerOf, banks, questionAt } from './bank'
import { readDeck } from './deck'
import { expect, test } from './fixtures'
import { answer, clickAtCentre, readable, touchReport, VIEWPORTS, wrongAnswer } from './surface'

const slides = await readDeck()
const quizSlides = slides.filter(s => s.quiz).map(s => ({ no: s.no, bank: s.quiz!.src, q: questionAt(s.quiz!.src, s.quiz!.question) }))

/** The quiz as the learner sees it: on its slide, or in the phone sheet. */
function quizOf(page: Page, phone: boolean, no: number, q: Question) {
  return page.locator(phone ? `.kit-sheet .kit-quiz[data-quiz="${q.id}"]` : `.slidev-page-${no} .kit-quiz[data-quiz="${q.id}"]`)
}

async function expectReadable(page: Page, phone: boolean, no: number, q: Question, state: string) {
  const quiz = quizOf(page, phone, no, q)
  const feedback = quiz.locator('.kit-feedback')
  await expect(feedback, `${q.id} ${state}: feedback shown`).toBeVisible()
  const fit = await readable(feedback)
  expect(fit.problems, `${q.id} (slide ${no}) ${state}: feedback readable`).toEqual([])
  if (phone) {
    const t = await touchReport(quiz)
    expect(t.smallText, `${q.id} ${state}: text under 16 px`).toEqual([])
    expect(t.smallTargets, `${q.id} ${state}: targets under 44×44 px`).toEqual([])
  }
}

async function expectFocusOnFirstControl(page: Page, phone: boolean, no: number, q: Question) {
  const quiz = quizOf(page, phone, no, q)
  await expect.poll(() => quiz.evaluate(el => !!document.activeElement && el.querySelector('.kit-quiz-fields')!.contains(document.activeElement) && /^(INPUT|SELECT|BUTTON)$/.test(document.activeElement.tagName)), { message: `${q.id}: focus back on the first control after Retry` }).toBe(true)
}

for (const [device, profile] of Object.entries(VIEWPORTS)) {
  const phone = device === 'phone'
  test.describe(`every question fits and works on a ${device}`, () => {
    test.use(profile)
    for (const bank of Object.keys(banks)) {
      test(`${bank}`, async ({ page }) => {
        test.setTimeout(180_000)
        const mine = quizSlides.filter(s => s.bank === bank)
        expect(mine.length, 'questions of this bank in the deck').toBe(banks[bank].questions.length)
        await page.goto(`#/${mine[0].no}`)
        for (const { no, q } of mine) {
          await page.evaluate(n => (location.hash = `#/${n}`), no)
          const quiz = quizOf(page, phone, no, q)
          await expect(quiz, `${q.id} (slide ${no}) shown`).toBeVisible()
          await expect(quiz).toHaveAttribute('data-phase', 'answering')
          if (phone) {
            const t = await touchReport(quiz)
            expect(t.smallText, `${q.id} answering: text under 16 px`).toEqual([])
            expect(t.smallTargets, `${q.id} answering: targets under 44×44 px`).toEqual([])
          }

          // Wrong first: the longest feedback, with every `why` it can draw.
          await answer(quiz, q, wrongAnswer(q))
          await clickAtCentre(page, quiz.getByRole('button', { name: 'Check' }), `${q.id} Check`)
          await expect(quiz.locator('.kit-verdict')).toHaveText(/Not quite|Partly right/)
          await expect(quiz.locator('.kit-feedback'), `${q.id}: focus moves to the feedback`).toBeFocused()
          await expectReadable(page, phone, no, q, 'checked wrong')

          await clickAtCentre(page, quiz.getByRole('button', { name: 'Retry' }), `${q.id} Retry`)
          await expect(quiz).toHaveAttribute('data-phase', 'answering')
          await expectFocusOnFirstControl(page, phone, no, q)

          await answer(quiz, q, answerOf(q))
          await clickAtCentre(page, quiz.getByRole('button', { name: 'Check' }), `${q.id} Check (right)`)
          await expect(quiz.locator('.kit-verdict')).toHaveText(/✔ Correct/)
          await expectReadable(page, phone, no, q, 'checked right')

          await clickAtCentre(page, quiz.getByRole('button', { name: 'Show solution' }), `${q.id} Show solution`)
          await expect(quiz).toHaveAttribute('data-phase', 'solution')
          await expectReadable(page, phone, no, q, 'solution shown')
          await clickAtCentre(page, quiz.getByRole('button', { name: 'Retry' }), `${q.id} Retry after the solution`)
          await expect(quiz).toHaveAttribute('data-phase', 'answering')
          await expectFocusOnFirstControl(page, phone, no, q)
        }
      })
    }
  })
}
