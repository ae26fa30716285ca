/**
 * The learner alone and the class: what the flow of the deck does in each,
 * and the results slide a learner acts on, with 0, 5 and 90 questions missed,
 * on a laptop and on a phone.
 */
import type { Page } from '@playwright/test'
import type { Question } from '../../lib/quiz/index.ts'
import { questionHash } from '../../lib/quiz/progress.ts'
import { answerOf, banks, questionAt } from './bank'
import { readDeck } from './deck'
import { expect, settle, test } from './fixtures'
import { clickAtCentre, readable, readableInView, VIEWPORTS, wrongAnswer } from './surface'

const slides = await readDeck()
const quizSlides = slides.filter(s => s.quiz)
const resultsNo = slides.find(s => /<QuizSummary\b/.test(s.content ?? ''))!.no
const allQuestions: Question[] = Object.values(banks).flatMap(b => b.questions)
const PROGRESS_KEY = 'repatriation-kit:quiz-progress'

/** Saved progress in which the first `n` questions were checked and missed. */
function missedRecord(n: number) {
  const answers = Object.fromEntries(allQuestions.slice(0, n).map(q => [q.id, {
    hash: questionHash(q),
    response: wrongAnswer(q) ?? answerOf(q),
    checked: true,
    correct: false,
    score: 0,
    at: 1,
  }]))
  return JSON.stringify({ version: 1, answers })
}

async function seed(page: Page, record: string) {
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('kit-test-seeded')) {
      localStorage.setItem(key, value)
      sessionStorage.setItem('kit-test-seeded', '1')
    }
  }, [PROGRESS_KEY, record])
}

test.describe('a learner alone', () => {
  test('→ and Space leave an unchecked quiz at once, and no answer is ever revealed', async ({ page }) => {
    const [a, b] = quizSlides.filter((s, i) => i > 0 && quizSlides[i - 1].no === s.no - 1)
    for (const [s, key] of [[a, 'ArrowRight'], [b, ' ']] as const) {
      await page.goto(`#/${s.no}`)
      const quiz = (await settle(page, s.no)).locator('.kit-quiz')
      await expect(quiz).toHaveAttribute('data-phase', 'answering')
      await page.locator('body').press(key)
      await expect(page).toHaveURL(new RegExp(`#/${s.no + 1}$`))
      await page.goBack()
      await expect(page.locator(`.slidev-page-${s.no} .kit-quiz`)).toHaveAttribute('data-phase', 'answering')
      await expect(page.locator(`.slidev-page-${s.no} .kit-right`)).toHaveCount(0)
    }
  })

  test('after Check, one → moves on', async ({ page }) => {
    const s = quizSlides[0]
    const q = questionAt(s.quiz!.src, s.quiz!.question)
    await page.goto(`#/${s.no}`)
    const quiz = (await settle(page, s.no)).locator('.kit-quiz')
    await quiz.locator('input').first().check()
    await quiz.getByRole('button', { name: 'Check' }).click()
    await expect(quiz.locator('.kit-verdict')).toBeVisible()
    await page.locator('body').press('ArrowRight')
    await expect(page).toHaveURL(new RegExp(`#/${s.no + 1}$`))
    expect(q.id).toBeTruthy()
  })
})

test.describe('a class', () => {
  test('the presenter\'s click reveals the answer in the audience window, and the badge stays off the projector', async ({ context }) => {
    // A quiz straight after a teaching slide, so the presenter's first → only moves.
    const s = quizSlides.find(x => x.no > 3 && !slides[x.no - 2].quiz)!
    const audience = await context.newPage()
    const presenter = await context.newPage()
    await audience.goto(`#/${s.no - 1}`)
    await settle(audience, s.no - 1)
    await expect(audience.locator('.kit-progress')).toBeVisible()
    await presenter.goto(`#/presenter/${s.no - 1}`)
    await presenter.keyboard.press('ArrowRight')
    const seen = audience.locator(`.slidev-page-${s.no} .kit-quiz`)
    await expect(seen).toHaveAttribute('data-phase', 'answering')
    // The projector shows no self-study badge while a presenter drives it.
    await expect(audience.locator('.kit-progress')).toHaveCount(0)
    await expect(presenter.locator('.slidev-note')).toContainText('Answer')
    await presenter.keyboard.press('ArrowRight')
    await expect(seen).toHaveAttribute('data-phase', 'revealed')
    await expect(seen.locator('.kit-right').first()).toBeVisible()
    await expect(audience).toHaveURL(new RegExp(`#/${s.no}\\?clicks=1$`))
    expect(await readable(seen.locator('.kit-feedback')).then(r => r.problems)).toEqual([])
    // One more click moves both windows on.
    await presenter.keyboard.press('ArrowRight')
    await expect(audience).toHaveURL(new RegExp(`#/${s.no + 1}(\\?clicks=0)?$`))
  })
})

for (const [device, profile] of Object.entries(VIEWPORTS)) {
  const phone = device === 'phone'
  test.describe(`the results slide on a ${device}`, () => {
    test.use(profile)
    for (const misses of [0, 5, 90]) {
      test(`with ${misses} questions missed`, async ({ page }) => {
        await seed(page, missedRecord(misses))
        await page.goto(`#/${resultsNo}`)
        const summary = page.locator(phone ? '.kit-sheet [data-summary]' : `.slidev-page-${resultsNo} [data-summary]`)
        await expect(summary).toBeVisible()
        await expect(summary.locator('[data-missed]')).toHaveCount(misses)
        if (misses) {
          await expect(summary.locator('[data-overall]')).toContainText(`checked ${misses} of ${allQuestions.length} questions: 0 right`)
          await expect(summary.locator('[data-overall]')).toContainText(`${allQuestions.length - misses} still to try`)
          // Every missed question can be brought into view and read: the last one too.
          const last = summary.locator('[data-missed]').last()
          expect(await readableInView(last), 'the last missed question').toEqual([])
          const first = summary.locator('[data-missed]').first()
          expect(await readableInView(first), 'the first missed question').toEqual([])
        }
        else {
          await expect(summary.locator('[data-overall]')).toContainText('No answers checked yet')
        }
        expect(await readableInView(summary.locator('table')), 'the score table').toEqual([])
        const reset = summary.getByRole('button', { name: 'Reset my answers…' })
        if (!misses) {
          await expect(reset).toBeDisabled()
          return
        }
        await clickAtCentre(page, reset, 'Reset')
        await clickAtCentre(page, summary.getByRole('button', { name: 'Yes, reset' }), 'Yes, reset')
        await expect(summary.locator('[data-missed]')).toHaveCount(0)
        await expect(summary.locator('[data-overall]')).toBeFocused()
        await expect(summary.locator('[data-overall]')).toContainText('No answers checked yet')
      })
    }
  })
}

test('reset can be reached and confirmed with the keyboard alone', async ({ page }) => {
  await seed(page, missedRecord(3))
  await page.goto(`#/${resultsNo}`)
  const summary = page.locator(`.slidev-page-${resultsNo} [data-summary]`)
  await expect(summary.locator('[data-missed]')).toHaveCount(3)
  const reset = summary.getByRole('button', { name: 'Reset my answers…' })
  for (let i = 0; i < 80 && !(await reset.evaluate(el => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(reset).toBeFocused()
  await page.keyboard.press('Enter')
  // Asking puts the focus on the safe choice; the destructive one is a Shift+Tab away.
  await expect(summary.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(summary.getByRole('button', { name: 'Yes, reset' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(summary.locator('[data-missed]')).toHaveCount(0)
})

test('every "review" link goes to a slide that shows one of the question\'s facts', async ({ page }) => {
  test.setTimeout(180_000)
  await seed(page, missedRecord(allQuestions.length))
  await page.goto(`#/${resultsNo}`)
  const items = page.locator(`.slidev-page-${resultsNo} [data-missed]`)
  await expect(items).toHaveCount(allQuestions.length)
  const links = await items.evaluateAll(els => els.map(el => ({ id: el.getAttribute('data-missed')!, review: el.querySelector('[data-review]')?.getAttribute('data-review') })))
  const byId = new Map(allQuestions.map(q => [q.id, q]))
  const targets = new Map<number, string[]>()
  for (const { id, review } of links) {
    expect(review, `${id} has a review link`).toBeTruthy()
    targets.set(Number(review), [...(targets.get(Number(review)) ?? []), id])
  }
  for (const [no, ids] of targets) {
    await page.evaluate(n => (location.hash = `#/${n}`), no)
    const slide = await settle(page, no)
    const shown = new Set(await slide.locator('[data-fact]').evaluateAll(els => els.map(e => e.getAttribute('data-fact')!)))
    for (const id of ids) {
      const q = byId.get(id)!
      expect(q.facts.filter(f => shown.has(f)), `${id} → slide ${no} ("${slides[no - 1].title}") shows one of ${q.facts.join(', ')}`).not.toEqual([])
    }
  }
})
