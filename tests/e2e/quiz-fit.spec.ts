/**
 * Every question of the bank, as a learner meets it, on a 1280×720 projector
 * or laptop and on a 390×844 phone: answered wrong, checked, retried,
 * answered right, checked, and its solution shown. At each step the button
 * pressed must be the topmost element at its centre (clicked there with the
 * real mouse), and the whole feedback must be readable: on screen, cut by
 * nothing, under nothing, or in a region that scrolls. On the phone every
 * text in the sheet (stem, options, marks, feedback, citation markers, the
 * sheet's bar and links) is 16 px or more as rendered, and every link,
 * button and field 44 × 44 px or more, in every state.
 */
import type { Locator, Page } from '@playwright/test'
import type { Question } from '../../lib/quiz/index.ts'
import { answerOf, banks, questionAt } from './bank'
import { readDeck } from './deck'
import { expect, test } from './fixtures'
import type { StateWanted } from './surface'
import { answerFast, clickAtCentre, quizState, VIEWPORTS, wrongAnswer } from './surface'

const slides = await readDeck()
const quizSlides = slides.filter(s => s.quiz).map(s => ({ no: s.no, bank: s.quiz!.src, q: questionAt(s.quiz!.src, s.quiz!.question) }))

/** The quiz as the learner sees it: on its slide, or in the phone sheet. */
function quizOf(page: Page, phone: boolean, no: number, q: Question) {
  return page.locator(phone ? `.kit-sheet .kit-quiz[data-quiz="${q.id}"]` : `.slidev-page-${no} .kit-quiz[data-quiz="${q.id}"]`)
}

/** Wait for the state, then require it to be readable (and, on a phone, touchable). */
async function expectState(quiz: Locator, phone: boolean, label: string, want: StateWanted) {
  const r = await quizState(quiz, { ...want, touch: phone })
  expect(r.waited, `${label}: reached`).toEqual([])
  if (r.fit)
    expect(r.fit.problems, `${label}: feedback readable`).toEqual([])
  if (r.touch) {
    expect(r.touch.smallText, `${label}: text under 16 px`).toEqual([])
    expect(r.touch.smallTargets, `${label}: targets under 44×44 px`).toEqual([])
  }
}

// Each bank × device is its own test, on its own page: let both workers
// share them, rather than queueing all 22 behind one another in one.
test.describe.configure({ mode: 'parallel' })

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
          const at = `${q.id} (slide ${no})`
          await page.evaluate(n => (location.hash = `#/${n}`), no)
          const quiz = quizOf(page, phone, no, q)
          // (quizState's evaluate waits for the quiz to mount.)
          await expectState(quiz, phone, `${at} answering`, { phase: 'answering' })

          // Wrong first: the longest feedback, with every `why` it can draw.
          await answerFast(quiz, q, wrongAnswer(q))
          await clickAtCentre(page, quiz.getByRole('button', { name: 'Check' }), `${at} Check`)
          await expectState(quiz, phone, `${at} checked wrong`, { phase: 'checked', verdict: 'Not quite|Partly right', focus: 'feedback', feedback: true })

          await clickAtCentre(page, quiz.getByRole('button', { name: 'Retry' }), `${at} Retry`)
          await expectState(quiz, phone, `${at} after Retry`, { phase: 'answering', focus: 'control' })

          await answerFast(quiz, q, answerOf(q))
          await clickAtCentre(page, quiz.getByRole('button', { name: 'Check' }), `${at} Check (right)`)
          await expectState(quiz, phone, `${at} checked right`, { phase: 'checked', verdict: '✔ Correct', focus: 'feedback', feedback: true })

          await clickAtCentre(page, quiz.getByRole('button', { name: 'Show solution' }), `${at} Show solution`)
          await expectState(quiz, phone, `${at} solution shown`, { phase: 'solution', feedback: true })
          await clickAtCentre(page, quiz.getByRole('button', { name: 'Retry' }), `${at} Retry after the solution`)
          await expectState(quiz, phone, `${at} after Retry from the solution`, { phase: 'answering', focus: 'control' })
        }
      })
    }
  })
}
