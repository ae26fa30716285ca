/**
 * The reading view (dist/read/, built by `npm run build`) as a learner on a
 * phone uses it: 390 × 844, touch, device scale 2. Every page loads clean
 * and offline, reads at 16 px or more without sideways scrolling, draws its
 * diagrams and mounts its quizzes with 44 px targets; a question of each
 * type answered here counts in the deck's results, and one answered in the
 * deck shows here; the deck and the reading view link to each other's same
 * place; axe finds no WCAG 2.2 AA violation.
 */
import type { Locator, Page } from '@playwright/test'
import type { Question } from '../../lib/quiz/index.ts'
import AxeBuilder from '@axe-core/playwright'
import { categoriesOf, categoryLabel } from '../../lib/quiz/index.ts'
import { QUESTION_TYPE_KEYS } from '../../lib/quiz/types/index.ts'
import { planReading } from '../../lib/reader/plan.ts'
import { answerOf, banks, questionAt } from './bank'
import { readDeck } from './deck'
import { expect, test } from './fixtures'

const deck = await readDeck()
const plan = planReading(deck.map(s => ({ no: s.no, file: s.file, content: s.content! })), banks)
const pages = ['index', ...plan.pages.map(p => p.stem)]
const pageOf = (no: number) => plan.pages.find(p => p.slides.includes(no))!
const results = deck.find(s => /<QuizSummary/.test(s.content!))!
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

/** The first question of each type, in deck order, on a reading page. */
const byType = new Map<Question['type'], { no: number, q: Question, stem: string }>()
for (const s of deck.filter(s => s.quiz && !s.answerKey)) {
  const q = questionAt(s.quiz!.src, s.quiz!.question)
  if (!byType.has(q.type))
    byType.set(q.type, { no: s.no, q, stem: pageOf(s.no).stem })
}

const read = (stem: string, hash = '') => `read/${stem}.html${hash}`

/** Bring every quiz and diagram near the screen, and wait until each is live. */
async function mountAll(page: Page) {
  for (const el of await page.locator('.rd-island, [data-diagram]').all()) {
    await el.scrollIntoViewIfNeeded()
    const diagram = await el.evaluate(e => e.hasAttribute('data-diagram'))
    await expect(diagram ? el.locator('svg').first() : el.locator('.kit-quiz')).toBeVisible({ timeout: 20_000 })
  }
}

/** Text in the page (outside SVG diagrams and screen-reader-only text) rendered under `min` px. */
function smallText(page: Page, min = 16) {
  return page.evaluate((min) => {
    const out: string[] = []
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement!
      if (!n.textContent!.trim() || el.closest('svg, template, noscript, .kit-sr-only, [hidden]') || !el.getClientRects().length)
        continue
      const size = Number.parseFloat(getComputedStyle(el).fontSize)
      if (size < min)
        out.push(`${size}px: ${n.textContent!.trim().slice(0, 50)}`)
    }
    return out
  }, min)
}

/** Targets under 44 × 44 px: the quizzes' controls and the page's own links (inline citation markers excepted). */
function smallTargets(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.kit-quiz button, .kit-quiz select, .kit-quiz input[type=text], .kit-quiz label.kit-choice, .rd-bar a, .rd-deck, .rd-pager a, .rd-button, .rd-modules a')]
    .map((el) => {
      const r = el.getBoundingClientRect()
      return { what: `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`, w: Math.round(r.width), h: Math.round(r.height) }
    })
    .filter(t => t.w < 44 || t.h < 44)
    .map(t => `${t.what} ${t.w}×${t.h}`))
}

/**
 * Click the centre of `target` with the real mouse, after checking nothing
 * covers it there. Quizzes mount as they come near the screen and can move
 * what is below them, so wait until the target stays put first. On a phone
 * the visual viewport can sit below the layout viewport: the check uses the
 * page's own (layout) coordinates, the mouse Playwright's (visual) ones.
 */
async function clickCentre(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded()
  let box = (await target.boundingBox())!
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150)
    const again = (await target.boundingBox())!
    if (again.x === box.x && again.y === box.y && again.height === box.height)
      break
    box = again
  }
  const top = await target.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    return hit === el || el.contains(hit) ? 'ok' : `${hit?.tagName}.${hit?.className} "${hit?.textContent?.slice(0, 40)}"`
  })
  expect(top, 'the element on top at the centre').toBe('ok')
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

/** Answer `q` rightly, by mouse where a mouse is what a learner uses. */
async function answer(page: Page, quiz: Locator, q: Question) {
  const want = answerOf(q)
  switch (q.type) {
    case 'single':
      await clickCentre(page, quiz.locator('label.kit-choice').nth(want as number))
      break
    case 'truefalse':
      await clickCentre(page, quiz.locator('label.kit-choice').nth(want ? 0 : 1))
      break
    case 'multiple':
      for (const i of want as number[])
        await clickCentre(page, quiz.locator('label.kit-choice').nth(i))
      break
    case 'numeric':
      await clickCentre(page, quiz.locator('input[type=text]'))
      await page.keyboard.type(String(want))
      break
    case 'ordering': {
      const rank = new Map(q.items.map((it, i) => [it.text, i]))
      for (let pass = 0; pass < q.items.length * q.items.length; pass++) {
        const texts = (await quiz.locator('.kit-order-text').allTextContents()).map(t => t.trim())
        const pos = texts.findIndex((t, i) => i > 0 && rank.get(t)! < rank.get(texts[i - 1])!)
        if (pos < 0)
          break
        await clickCentre(page, quiz.locator('.kit-order li').nth(pos).getByRole('button', { name: /up$/i }))
      }
      break
    }
    case 'matching':
      // A native select opens the phone's own picker; choose as it would.
      for (let i = 0; i < q.pairs.length; i++)
        await quiz.locator('select').nth(i).selectOption({ label: q.pairs[(want as number[])[i]].right })
      break
    case 'classify': {
      const cats = categoriesOf(q.scheme)
      for (let i = 0; i < q.statements.length; i++) {
        const row = quiz.locator('.kit-classify-row').nth(i)
        const cat = (want as ReturnType<typeof categoriesOf>)[i]
        expect(cats).toContain(cat)
        const label = categoryLabel(cat).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        await clickCentre(page, row.locator('label.kit-choice').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }))
      }
      break
    }
    case 'cloze':
      for (const [k, text] of (want as string[]).entries()) {
        await clickCentre(page, quiz.locator('.kit-cloze-blank input').nth(k))
        await page.keyboard.type(text)
      }
      break
  }
}

test.describe('reading view on a phone', () => {
  test.use(PHONE)
  test.describe.configure({ mode: 'parallel' })

  test('has every question type within reach', () => {
    expect([...byType.keys()].sort()).toEqual([...QUESTION_TYPE_KEYS].sort())
  })

  for (const stem of pages) {
    test(`${stem}: reads at 16 px or more, fits the width, draws its diagrams and mounts its quizzes with 44 px targets`, async ({ page }) => {
      await page.goto(read(stem))
      await expect(page.locator('h1')).toBeVisible()
      await page.evaluate(() => document.fonts.ready)
      await mountAll(page)
      expect(await smallText(page), 'text under 16 px').toEqual([])
      expect(await smallTargets(page), 'targets under 44 × 44 px').toEqual([])
      for (const stemEl of await page.locator('.kit-quiz .kit-quiz-stem, .kit-quiz .kit-choice-text, .kit-quiz .kit-classify-text, .kit-quiz .kit-order-text').all())
        expect(Number.parseFloat(await stemEl.evaluate(e => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(16)
      const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
      expect(width[0], 'page width against the screen').toBeLessThanOrEqual(width[1])
      const r = await new AxeBuilder({ page }).withTags(WCAG).analyze()
      expect(r.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)).toEqual([])
    })
  }

  test('no WCAG 2.2 AA violation in the dark scheme, with a quiz checked', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    const { no, q, stem } = byType.get('single')!
    await page.goto(read(stem, `#slide-${no}`))
    const quiz = page.locator(`#slide-${no} .kit-quiz`)
    await answer(page, quiz, q)
    await clickCentre(page, quiz.getByRole('button', { name: 'Check' }))
    await expect(quiz.locator('.kit-verdict')).toHaveText(/Correct/)
    await mountAll(page)
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
    const r = await new AxeBuilder({ page }).withTags(WCAG).analyze()
    expect(r.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)).toEqual([])
  })

  test('a question of each type, answered and checked here, counts in the deck\'s results', async ({ page }) => {
    for (const [type, { no, q, stem }] of byType) {
      await page.goto(read(stem, `#slide-${no}`))
      const quiz = page.locator(`#slide-${no} .kit-quiz`)
      await expect(quiz, type).toBeVisible()
      await expect(quiz).toHaveAttribute('data-type', type)
      await answer(page, quiz, q)
      await clickCentre(page, quiz.getByRole('button', { name: 'Check' }))
      await expect(quiz.locator('.kit-verdict'), `${type} ${q.id}`).toHaveText(/✔ Correct/)
      // Focus moves to the feedback, on the page as on a slide.
      await expect(quiz.locator('.kit-feedback')).toBeFocused()
    }
    // The deck's results slide (in its phone sheet) counts all of them.
    await page.goto(`#/${results.no}`)
    const overall = page.locator('[data-overall]')
    await expect(overall).toContainText(`You have checked ${byType.size} of`)
    await expect(overall).toContainText(`${byType.size} right`)
    // Back in the reading view, each is still checked.
    const { no, stem } = byType.get('classify')!
    await page.goto(read(stem, `#slide-${no}`))
    await expect(page.locator(`#slide-${no} .kit-quiz`)).toHaveAttribute('data-phase', 'checked')
  })

  test('an answer checked in the deck shows as checked in the reading view', async ({ page }) => {
    const { no, q, stem } = byType.get('single')!
    await page.goto(`#/${no}`)
    // On a phone the deck opens the question in its sheet.
    const sheet = page.locator('.kit-sheet .kit-quiz')
    await answer(page, sheet, q)
    await clickCentre(page, sheet.getByRole('button', { name: 'Check' }))
    await expect(sheet.locator('.kit-verdict')).toHaveText(/Correct/)
    await page.goto(read(stem, `#slide-${no}`))
    const quiz = page.locator(`#slide-${no} .kit-quiz`)
    await expect(quiz).toHaveAttribute('data-phase', 'checked')
    await expect(quiz.locator('input[type=radio]').nth(answerOf(q) as number)).toBeChecked()
  })

  test('each slide of the deck links to its place in the reading view, and back', async ({ page }) => {
    const teaching = plan.pages[3].blocks.find(b => b.kind === 'teaching')!
    const no = teaching.kind === 'teaching' ? teaching.slide.no : 0
    await page.goto(`#/${no}`)
    const link = page.locator('[data-read-link]')
    await expect(link).toHaveText('Read as a page')
    await clickCentre(page, link)
    await expect(page).toHaveURL(new RegExp(`read/${plan.pages[3].stem}\\.html#slide-${no}$`))
    const section = page.locator(`#slide-${no}`)
    await expect(section).toBeInViewport()
    const title = (await section.locator('h2').textContent())!
    // And back: the section's own link opens the same slide in the deck.
    await clickCentre(page, section.locator('a.rd-deck'))
    await expect(page).toHaveURL(new RegExp(`#/${no}$`))
    await expect(page.locator(`.slidev-page-${no} h1`)).toHaveText(title)
    // A quiz in the deck's phone sheet links to the same question on its page.
    const { no: qno, stem } = byType.get('single')!
    await page.goto(`#/${qno}`)
    await expect(page.locator('.kit-sheet-read a')).toHaveAttribute('href', read(stem, `#slide-${qno}`))
  })

  test('a diagram shows its title and description until drawn, from bundled code only', async ({ page }) => {
    const stem = plan.pages.find(p => p.stem.startsWith('04-'))!.stem
    await page.goto(read(stem))
    const fig = page.locator('[data-diagram]').first()
    // Far below the first screen: not drawn, its words in its place.
    await expect(fig.locator('.rd-diagram-desc')).toBeAttached()
    expect(await fig.getAttribute('data-drawn')).toBeNull()
    await fig.scrollIntoViewIfNeeded()
    await expect(fig.locator('svg').first()).toBeVisible()
    await expect(fig.locator('.rd-diagram-desc')).toBeHidden()
    await expect(fig.locator('figcaption')).toHaveText(/\S/)
  })
})

test.describe('reading view on a laptop', () => {
  test('lays the module out in one readable column', async ({ page }) => {
    await page.goto(read(plan.pages[3].stem))
    // Lines of about 75 characters, in the middle of the screen.
    const para = (await page.locator('main li').first().boundingBox())!
    const main = (await page.locator('main').boundingBox())!
    expect(main.width).toBeLessThanOrEqual(46 * 16)
    expect(main.x).toBeGreaterThan(200)
    expect(para.x + para.width).toBeLessThanOrEqual(main.x + main.width)
    expect(await smallText(page)).toEqual([])
    // No reading link over the deck on a screen where slides read well.
    const no = plan.pages[3].slides[1]
    await page.goto(`#/${no}`)
    await expect(page.locator(`.slidev-page-${no}`)).toBeVisible()
    await expect(page.locator('[data-read-link]')).toHaveCount(0)
  })
})
