import type { Locator, Page } from '@playwright/test'
import type { Category, Question } from '../../lib/quiz/index.ts'
import AxeBuilder from '@axe-core/playwright'
import { categoriesOf, categoryLabel } from '../../lib/quiz/index.ts'
import { QUESTION_TYPE_KEYS } from '../../lib/quiz/types/index.ts'
import { answerOf, questionAt } from './bank'
import { readDeck } from './deck'
import { expect, settle, test } from './fixtures'

const slides = await readDeck()
const quizSlides = slides.filter(s => s.quiz)
/** First slide holding a question of each type. */
const byType = new Map<Question['type'], { no: number, q: Question }>()
for (const s of quizSlides) {
  const q = questionAt(s.quiz!.src, s.quiz!.question)
  if (!byType.has(q.type))
    byType.set(q.type, { no: s.no, q })
}
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Press Tab until `target` has focus, as a keyboard user would (bounded). */
async function tabTo(page: Page, target: Locator, max = 60) {
  const handle = await target.elementHandle()
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(el => el === document.activeElement, handle))
      return
    await page.keyboard.press('Tab')
  }
  throw new Error(`could not reach ${target} with Tab in ${max} presses`)
}

async function answerByKeyboard(page: Page, quiz: Locator, q: Question) {
  const want = answerOf(q)
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const index = q.type === 'truefalse' ? (want ? 0 : 1) : want as number
      await tabTo(page, quiz.locator('input[type=radio]').first())
      await page.keyboard.press('Space')
      for (let i = 0; i < index; i++)
        await page.keyboard.press('ArrowDown')
      break
    }
    case 'multiple':
      for (const i of want as number[]) {
        await tabTo(page, quiz.locator('input[type=checkbox]').nth(i))
        await page.keyboard.press('Space')
      }
      break
    case 'numeric':
      await tabTo(page, quiz.locator('input[type=text]'))
      await page.keyboard.type(String(want))
      break
    case 'ordering': {
      // Sort with the Up buttons: move each event up until it sits after an earlier one.
      const rank = new Map(q.items.map((it, i) => [it.text, i]))
      for (let pass = 0; pass < q.items.length; pass++) {
        const texts = await quiz.locator('.kit-order-text').allTextContents()
        const pos = texts.findIndex((t, i) => i > 0 && rank.get(t.trim())! < rank.get(texts[i - 1].trim())!)
        if (pos < 0)
          break
        await tabTo(page, quiz.locator('.kit-order li').nth(pos).getByRole('button', { name: /up$/i }))
        await page.keyboard.press('Enter')
      }
      break
    }
    case 'matching':
      for (let i = 0; i < q.pairs.length; i++) {
        const select = quiz.locator('select').nth(i)
        await tabTo(page, select)
        const options = await select.locator('option').allTextContents()
        const target = options.indexOf(q.pairs[(want as number[])[i]].right)
        for (let k = 0; k < target; k++)
          await page.keyboard.press('ArrowDown')
        await expect(select.locator('option:checked')).toHaveText(q.pairs[(want as number[])[i]].right)
      }
      break
    case 'classify': {
      const cats = categoriesOf(q.scheme)
      for (let i = 0; i < q.statements.length; i++) {
        const group = quiz.locator('.kit-classify-row').nth(i)
        await tabTo(page, group.locator('input[type=radio]').first())
        await page.keyboard.press('Space')
        for (let k = 0; k < cats.indexOf((want as Category[])[i]); k++)
          await page.keyboard.press('ArrowRight')
        await expect(group.getByLabel(categoryLabel((want as Category[])[i]))).toBeChecked()
      }
      break
    }
    case 'cloze':
      for (const [k, text] of (want as string[]).entries()) {
        await tabTo(page, quiz.locator('.kit-cloze-blank input').nth(k))
        await page.keyboard.type(text)
      }
      break
  }
}

test.describe('quizzes', () => {
  test('the bank uses every question type in the deck', () => {
    expect([...byType.keys()].sort()).toEqual([...QUESTION_TYPE_KEYS].sort())
  })

  for (const type of QUESTION_TYPE_KEYS) {
    test(`a ${type} question can be answered and checked by keyboard alone`, async ({ page }) => {
      const { no, q } = byType.get(type)!
      await page.goto(`#/${no}`)
      const slide = await settle(page, no)
      const quiz = slide.locator('.kit-quiz')
      await answerByKeyboard(page, quiz, q)
      // Keys used inside the quiz never flipped the slide.
      await expect(page).toHaveURL(new RegExp(`#/${no}$`))
      await tabTo(page, quiz.getByRole('button', { name: 'Check' }))
      await page.keyboard.press('Enter')
      await expect(quiz.locator('.kit-verdict')).toHaveText(/✔ Correct/)
      await expect(quiz.locator('[role=status][aria-live=polite]')).toContainText('Correct')
      await expect(page).toHaveURL(new RegExp(`#/${no}$`))
    })
  }

  test('a quiz slide\'s code is fetched while the slide before it is on screen', async ({ page }) => {
    // A quiz slide straight after a teaching slide: the common case.
    const { no } = quizSlides.find(s => !slides[s.no - 2].quiz)!
    // Room for every request in the Resource Timing buffer (250 by default), so none goes unlisted.
    await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000))
    await page.goto(`#/${no - 1}`)
    await settle(page, no - 1)
    // Wait past Slidev's own preload of every ordinary slide (3 s after start)
    // until nothing has been fetched for 750 ms, so neither blurs the count.
    await page.evaluate(async () => {
      const count = () => performance.getEntriesByType('resource').length
      let last = count()
      let since = performance.now()
      while (performance.now() < 3500 || performance.now() - since < 750) {
        await new Promise(r => setTimeout(r, 100))
        if (count() !== last) {
          last = count()
          since = performance.now()
        }
      }
    })
    // Step on, and list the scripts requested until the quiz's form is in the DOM
    // (timed in the page: the next slide's own prefetch starts a frame later).
    const fetched = await page.evaluate(async (no) => {
      const t0 = performance.now()
      location.hash = `#/${no}`
      const tick = () => new Promise(r => setTimeout(r, 0))
      for (let i = 0; i < 2000 && !document.querySelector(`.slidev-page-${no} .kit-quiz form`); i++)
        await tick()
      const t1 = performance.now()
      return performance.getEntriesByType('resource')
        .filter(e => e.startTime >= t0 && e.startTime <= t1 && /\.js(\?|$)/.test(e.name))
        .map(e => e.name)
    }, no)
    await expect(page.locator(`.slidev-page-${no} .kit-quiz form`)).toBeVisible()
    expect(fetched, 'scripts fetched on arriving at the quiz slide').toEqual([])
  })

  test('an answer chosen but not yet checked is still there after leaving the slide and coming back', async ({ page }) => {
    const { no, q } = byType.get('single')!
    const pick = answerOf(q) === 0 ? 1 : 0
    await page.goto(`#/${no}`)
    const quiz = (await settle(page, no)).locator('.kit-quiz')
    await quiz.locator('input[type=radio]').nth(pick).check()
    // Back to re-read the teaching slide, then forward again.
    await page.goto(`#/${no - 1}`)
    await settle(page, no - 1)
    await page.goto(`#/${no}`)
    const again = (await settle(page, no)).locator('.kit-quiz')
    await expect(again.locator('input[type=radio]').nth(pick)).toBeChecked()
    await expect(again.locator('.kit-verdict')).toHaveCount(0)
  })

  test('progress survives a reload', async ({ page }) => {
    const { no, q } = byType.get('single')!
    await page.goto(`#/${no}`)
    const quiz = (await settle(page, no)).locator('.kit-quiz')
    await quiz.locator('input[type=radio]').nth(answerOf(q) as number).check()
    await quiz.getByRole('button', { name: 'Check' }).click()
    await expect(quiz.locator('.kit-verdict')).toHaveText(/Correct/)
    await page.reload()
    const again = (await settle(page, no)).locator('.kit-quiz')
    await expect(again.locator('input[type=radio]').nth(answerOf(q) as number)).toBeChecked()
    await expect(again.locator('.kit-verdict')).toHaveText(/Correct/)
  })

  test('corrupt saved progress is reset with a notice, and the quiz still works', async ({ page }) => {
    const { no, q } = byType.get('single')!
    // Corrupt the record before the deck's own scripts run, as a damaged profile would be.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('kit-test-seeded')) {
        localStorage.setItem('repatriation-kit:quiz-progress', '{broken')
        sessionStorage.setItem('kit-test-seeded', '1')
      }
    })
    await page.goto(`#/${no}`)
    const quiz = (await settle(page, no)).locator('.kit-quiz')
    await expect(quiz.getByRole('alert')).toContainText('could not be read and was reset')
    await quiz.locator('input[type=radio]').nth(answerOf(q) as number).check()
    await quiz.getByRole('button', { name: 'Check' }).click()
    await expect(quiz.locator('.kit-verdict')).toHaveText(/Correct/)
  })

  // The presenter's click in class, and → in self-study: tests/e2e/self-study.spec.ts.

  test('a quiz slide has no WCAG 2.2 AA violation in any state', async ({ page }) => {
    const { no, q } = byType.get('single')!
    const right = answerOf(q) as number
    const wrong = right === 0 ? 1 : 0
    await page.goto(`#/${no}`)
    const quiz = (await settle(page, no)).locator('.kit-quiz')
    const scan = async (state: string) => {
      const r = await new AxeBuilder({ page }).include(`.slidev-page-${no}`).withTags(WCAG).analyze()
      expect(r.violations.map(v => `${state}: ${v.id} ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
    await scan('unanswered')
    await quiz.locator('input[type=radio]').nth(wrong).check()
    await quiz.getByRole('button', { name: 'Check' }).click()
    await expect(quiz.locator('.kit-verdict')).toHaveText(/Not quite/)
    await scan('answered wrong')
    await quiz.getByRole('button', { name: 'Retry' }).click()
    await quiz.locator('input[type=radio]').nth(right).check()
    await quiz.getByRole('button', { name: 'Check' }).click()
    await expect(quiz.locator('.kit-verdict')).toHaveText(/Correct/)
    await scan('answered right')
    await quiz.getByRole('button', { name: 'Show solution' }).click()
    await expect(quiz).toHaveAttribute('data-phase', 'solution')
    await scan('solution shown')
  })
})
