/**
 * Live answers from the room, end to end (issue 15): the real classroom
 * server (lib/class/server.ts, as `npm run class` starts it) serving the
 * BUILT lecture deck and join page, one lecturer's browser with the
 * presenter window and the audience window (the projector: a window of the
 * same browser, which the presenter drives through a BroadcastChannel, so it
 * shares the presenter's browser context), and three phones, each its own
 * browser context at 390 × 844.
 *
 * Phones answer with real mouse clicks at element centres. Set
 * KIT_CLASS_SHOTS=1 to keep screenshots in .scratch/class/.
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import type { ClassServer } from '../../lib/class/server.ts'
import type { SingleQuestion } from '../../lib/quiz/index.ts'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { loadClassBank } from '../../lib/class/bank.ts'
import { loadQuizzes, loadSources } from '../../lib/content.ts'
import { startClassServer } from '../../lib/class/server.ts'
import { readDeck } from './deck.ts'

const root = resolve(import.meta.dirname, '../..')
const deckDir = join(root, 'dist/lecture')
const joinDir = join(root, 'dist/join')
const TOKEN = 'e2e-presenter-token-0123'
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }
const shots = process.env.KIT_CLASS_SHOTS ? join(root, '.scratch/class') : undefined

const bank = loadClassBank(root)
const banks = Object.fromEntries(loadQuizzes(root, loadSources(root).facts).map(q => [q.stem, q.quiz]))
const lecture = await readDeck('lecture.md')
const questionOn = (s: (typeof lecture)[number]) => s.quiz ? banks[s.quiz.src]?.questions[s.quiz.question - 1] : undefined
// A single-choice class question with at least three options: a bar chart with a wrong bar and a right one.
const slide = lecture.find((s) => {
  const q = questionOn(s)
  return q?.type === 'single' && q.class === true && q.options.length >= 3
})!
const question = questionOn(slide) as SingleQuestion
const right = question.options.findIndex(o => o.correct)
const wrong = right === 0 ? 1 : 0

async function clickCentre(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded()
  const box = (await target.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

/** GET JSON on a fresh connection (fetch's pool would reuse a socket to the server stopped for the restart). */
function getJson(url: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => body += c)
      res.on('end', () => resolve(JSON.parse(body) as Record<string, unknown>))
    }).on('error', reject)
  })
}

async function presenterTally(s: ClassServer) {
  return await getJson(`${s.origin}/api/class/presenter/tally/${question.id}`, { Authorization: `Bearer ${TOKEN}` }) as unknown as { answered: number, choices: { key: string, count: number, correct: boolean }[] }
}

test.describe.configure({ mode: 'serial' })

test('five windows: three phones answer, the presenter counts 3, the projector shows the spread on the reveal, and a restart keeps it', async ({ browser }) => {
  test.setTimeout(90_000)
  expect(existsSync(join(deckDir, 'index.html')) && existsSync(join(joinDir, 'index.html')), 'build first: npm run build (dist/lecture/ and dist/join/)').toBe(true)
  expect(slide, 'the lecture has a single-choice class question').toBeTruthy()

  const dir = mkdtempSync(join(tmpdir(), 'kit-class-e2e-'))
  const sessionFile = join(dir, 'session.jsonl')
  let server = await startClassServer({ bank, token: TOKEN, sessionFile, deckDir, joinDir, host: '127.0.0.1', port: 0 })
  const errors: string[] = []
  const contexts: BrowserContext[] = []
  const watch = (page: Page, name: string) => {
    page.on('console', m => m.type() === 'error' && errors.push(`${name}: ${m.text()}`))
    page.on('pageerror', e => errors.push(`${name}: ${e.message}`))
    return page
  }
  const newContext = async (b: Browser, opts = {}) => {
    const c = await b.newContext({ ...opts, serviceWorkers: 'block' })
    contexts.push(c)
    return c
  }

  try {
    // ── The lecturer's browser: presenter window and audience window ─────
    const lecturer = await newContext(browser, { viewport: { width: 1280, height: 720 } })
    const presenter = watch(await lecturer.newPage(), 'presenter')
    await presenter.goto(`${server.origin}/deck/?token=${TOKEN}#/presenter/${slide.no}`)
    // The token link sets the cookie and leaves the address bar without it.
    await expect(presenter).toHaveURL(new RegExp(`/deck/#/presenter/${slide.no}$`))
    const live = presenter.locator('[data-class-live]')
    await expect(live).toBeVisible({ timeout: 20_000 })
    await expect(live.locator('[data-tally-answered]')).toHaveText('0')
    const audience = watch(await lecturer.newPage(), 'audience')
    await audience.goto(`${server.origin}/deck/#/${slide.no}`)
    const onProjector = audience.locator(`.slidev-page-${slide.no} .kit-quiz`)
    await expect(onProjector).toHaveAttribute('data-phase', 'answering')

    // ── Three phones ─────────────────────────────────────────────────────
    const phones: Page[] = []
    for (let i = 0; i < 3; i++) {
      const p = watch(await (await newContext(browser, PHONE)).newPage(), `phone ${i + 1}`)
      await p.goto(`${server.origin}/join/`)
      phones.push(p)
    }
    const answer = async (p: Page, option: number) => {
      const form = p.locator(`form[data-quiz="${question.id}"]`)
      await expect(form).toBeVisible()
      await clickCentre(p, form.locator('label.kit-choice').nth(option))
      await expect(form.locator('input[type=radio]').nth(option)).toBeChecked()
      await clickCentre(p, form.getByRole('button', { name: /Send/ }))
      await expect(p.locator('[data-join="status"]')).toContainText('Answer received')
    }
    await answer(phones[0], right)
    await answer(phones[1], wrong)
    await answer(phones[2], wrong)
    if (shots) {
      mkdirSync(shots, { recursive: true })
      await phones[2].screenshot({ path: join(shots, 'phone-answered.png') })
    }
    // Phone 3 changes its mind: its answer replaces the first one.
    await answer(phones[2], right)

    // The presenter: 3 answered, not 4; 2 right, 1 on the wrong option.
    await expect(live.locator('[data-tally-answered]')).toHaveText('3')
    await expect(live.locator(`[data-choice="${String.fromCharCode(65 + right)}"]`)).toHaveAttribute('data-count', '2')
    await expect(live.locator(`[data-choice="${String.fromCharCode(65 + wrong)}"]`)).toHaveAttribute('data-count', '1')
    expect((await presenterTally(server)).answered).toBe(3)
    if (shots)
      await presenter.screenshot({ path: join(shots, 'presenter-live.png') })

    // No phone sees an answer or a count before the reveal, and neither does the projector.
    for (const p of [...phones, audience]) {
      await expect(p.locator('.kit-right, [data-tally-kind], [data-class-results]')).toHaveCount(0)
      await expect(p.locator('body')).not.toContainText('correct answer')
    }
    const publicState = await getJson(`${server.origin}/api/class/state`)
    expect(publicState.reveal).toBeUndefined()

    // ── The reveal click ─────────────────────────────────────────────────
    await presenter.bringToFront()
    await presenter.keyboard.press('ArrowRight')
    await expect(onProjector).toHaveAttribute('data-phase', 'revealed')
    const results = audience.locator('[data-class-results]')
    await expect(results).toBeVisible()
    await expect(results.locator('[data-tally-answered]')).toHaveText('3')
    const rightBar = results.locator(`[data-choice="${String.fromCharCode(65 + right)}"]`)
    await expect(rightBar).toHaveAttribute('data-count', '2')
    await expect(rightBar).toHaveClass(/kit-tally-right/)
    await expect(rightBar).toContainText(/✔\s*right answer:/)
    await expect(results.locator('.kit-tally-right')).toHaveCount(1)
    await expect(results.locator(`[data-choice="${String.fromCharCode(65 + wrong)}"]`)).toHaveAttribute('data-count', '1')
    if (shots)
      await audience.screenshot({ path: join(shots, 'audience-revealed.png') })
    // Each phone: its own answer, the right one marked; never the room's counts.
    await expect(phones[1].locator('[data-join="verdict"]')).toContainText('Not this time')
    await expect(phones[0].locator('[data-join="verdict"]')).toContainText('Your answer is right')
    for (const p of phones) {
      await expect(p.locator('[data-join="revealed"] .kit-right')).toHaveCount(1)
      await expect(p.locator('[data-tally-kind]')).toHaveCount(0)
    }
    if (shots)
      await phones[1].screenshot({ path: join(shots, 'phone-revealed.png') })
    expect(errors, 'console or page errors').toEqual([])

    // ── Restart: the tallies come back from the session file ─────────────
    const port = server.port
    await server.close()
    server = await startClassServer({ bank, token: TOKEN, sessionFile, deckDir, joinDir, host: '127.0.0.1', port })
    const after = await presenterTally(server)
    expect(after.answered).toBe(3)
    expect(after.choices.find(c => c.correct)!.count).toBe(2)
    await audience.reload()
    await expect(audience.locator('[data-class-results] [data-tally-answered]')).toHaveText('3', { timeout: 20_000 })
    await presenter.reload()
    await expect(presenter.locator('[data-class-live] [data-tally-answered]')).toHaveText('3', { timeout: 20_000 })
  }
  finally {
    await Promise.all(contexts.map(c => c.close()))
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('on a static host the lecture asks nothing of a classroom server: no request to /api/class/, no panel, no QR', async ({ page }) => {
  const api: string[] = []
  const errors: string[] = []
  page.on('request', r => r.url().includes('/api/class/') && api.push(r.url()))
  page.on('console', m => m.type() === 'error' && errors.push(m.text()))
  await page.goto('lecture/#/1')
  await expect(page.locator('.slidev-page-1 h1').first()).toBeVisible()
  await page.goto(`lecture/#/presenter/${slide.no}`)
  await expect(page.locator(`.kit-quiz[data-quiz="${question.id}"]`).first()).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(page.locator(`.kit-quiz[data-quiz="${question.id}"]`).first()).toHaveAttribute('data-phase', 'revealed')
  await expect(page.locator('[data-class-live], [data-class-results], [data-class-join]')).toHaveCount(0)
  expect(api).toEqual([])
  expect(errors).toEqual([])
})
