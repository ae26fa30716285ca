/**
 * `npm run shots`: screenshots of one quiz question of each type in each
 * state (unanswered, answered wrong, answered right, solution shown), in
 * light and dark, plus a contact sheet per scheme, in exports/shots/.
 * For looking at the quiz as a learner sees it; not part of `npm test`.
 *
 * Serve the build first: `npm run build && npm run preview`, or pass
 * `--url http://127.0.0.1:4178/` for a server you started.
 */
import type { Page } from 'playwright-core'
import type { Question } from '../lib/quiz/index.ts'
import { mkdirSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../lib/browser.ts'
import { loadQuizzes, loadSources } from '../lib/content.ts'
import { correctResponse } from '../lib/quiz/index.ts'
import { answerFast, wrongAnswer } from '../tests/e2e/surface.ts'
import { resolveChromium } from './browser.ts'

const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:4178/' } } })
const OUT = 'exports/shots'
mkdirSync(OUT, { recursive: true })

const { facts } = loadSources('.')
const ledger = new Map(facts.map(f => [f.id, f]))
const banks = Object.fromEntries(loadQuizzes('.', facts).map(b => [b.stem, b.quiz]))

// Find the first slide of each type from the generated deck (Slidev numbers them in order).
async function slidesByType(page: Page) {
  const { readDeck } = await import('../tests/e2e/deck.ts')
  const found = new Map<Question['type'], { no: number, q: Question }>()
  for (const s of await readDeck()) {
    if (!s.quiz)
      continue
    const q = banks[s.quiz.src].questions[s.quiz.question - 1]
    if (!found.has(q.type))
      found.set(q.type, { no: s.no, q })
  }
  void page
  return found
}

/** Fill in the right answer (or a wrong one) through the page, with the e2e tests' own helpers. */
async function answer(page: Page, no: number, q: Question, right: boolean) {
  const quiz = page.locator(`.slidev-page-${no} .kit-quiz`)
  await answerFast(quiz, q, right ? correctResponse(q, ledger) : wrongAnswer(q))
}

const browser = await chromium.launch({ executablePath: resolveChromium().path, args: CHROMIUM_ARGS })
for (const scheme of ['light', 'dark'] as const) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: scheme })
  const page = await context.newPage()
  const types = await slidesByType(page)
  const tiles: string[] = []
  for (const [type, { no, q }] of types) {
    for (const state of ['unanswered', 'wrong', 'right', 'solution'] as const) {
      await page.goto(`${values.url}#/${no}`)
      await page.evaluate(() => localStorage.clear())
      await page.reload()
      await page.locator(`.slidev-page-${no} .kit-quiz`).waitFor()
      const quiz = page.locator(`.slidev-page-${no} .kit-quiz`)
      if (state === 'wrong' || state === 'right') {
        await answer(page, no, q, state === 'right')
        await quiz.getByRole('button', { name: 'Check' }).click()
      }
      if (state === 'solution')
        await quiz.getByRole('button', { name: 'Show solution' }).click()
      await page.waitForTimeout(150)
      const file = `${OUT}/${scheme}-${type}-${state}.png`
      await page.screenshot({ path: file })
      tiles.push(file)
    }
  }
  // Contact sheet: every state of every type on one image.
  const sheet = await context.newPage()
  await sheet.setViewportSize({ width: 1600, height: 100 })
  const imgs = tiles.map(f => `<figure><img src="data:image/png;base64,${readFileSync(f).toString('base64')}"><figcaption>${f.split('/').pop()}</figcaption></figure>`).join('')
  await sheet.setContent(`<style>body{margin:0;display:grid;grid-template-columns:repeat(4,1fr);gap:4px;font:12px sans-serif}img{width:100%;border:1px solid #999}figure{margin:0}</style>${imgs}`)
  await sheet.screenshot({ path: `${OUT}/${scheme}-contact-sheet.png`, fullPage: true })
  console.log(`shots: ${tiles.length} screenshots and ${OUT}/${scheme}-contact-sheet.png`)
  await context.close()
}
await browser.close()
