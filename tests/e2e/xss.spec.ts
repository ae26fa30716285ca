/**
 * No data runs as script. HTML with an `onerror` handler is put into a quiz
 * explanation, a wrong option, every reference title, every glossary
 * definition and a ledger claim of a copy of the kit; the copy is built
 * and served, and the presenter view (whose notes Slidev renders as HTML)
 * and the audience view are opened on the quiz, Sources and Glossary
 * slides. The handler must never run, no `<img>` may come from the data,
 * and the text must show as written.
 *
 * This builds its own copy of the deck (about two minutes), so it runs
 * with the other e2e tests after `npm run build`, but does not use `dist/`.
 */
import type { ChildProcess } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { copyProject, dispose, edit, read, ROOT, write } from '../unit/authoring/project'
import { readDeck } from './deck'

/**
 * Sets a flag if it ever runs. Valid HTML for Markdown too (an unquoted
 * attribute value may not hold `=`, and Markdown would then print the tag
 * as text, proving nothing). No double quotes or digits, so it fits any
 * YAML value here and passes every data check.
 */
const PAYLOAD = `<img src=x onerror='window.__kitXss=true'>`
const SHOWN = PAYLOAD // what a reader must see, as text

const slides = await readDeck()
const quizSlide = slides.find(s => s.quiz?.src === '03-repatriation' && s.quiz.question === 2)!
const sourcesSlide = slides.find(s => /<Sources :page="1"/.test(s.content ?? ''))!
const glossarySlide = slides.find(s => /<Glossary :page="1"/.test(s.content ?? ''))!

let root = ''
let server: ChildProcess | undefined
let base = ''

test.describe.configure({ mode: 'serial', timeout: 300_000 })

test.beforeAll(async () => {
  test.setTimeout(300_000)
  root = copyProject()
  const q03 = 'quizzes/03-repatriation.yaml'
  // The second question's explanation (a folded block) and one of its wrong options.
  const text = read(root, q03)
  const second = text.indexOf('\n  - id: ', text.indexOf('\n  - id: ') + 1)
  const expl = text.indexOf('    explanation: >-\n      ', second) + '    explanation: >-\n      '.length
  const option = text.indexOf('      - text: ', text.indexOf('correct: true', second)) + '      - text: '.length
  write(root, q03, `${text.slice(0, expl)}${PAYLOAD} ${text.slice(expl, option)}${PAYLOAD} ${text.slice(option)}`)
  write(root, 'sources/references.yaml', read(root, 'sources/references.yaml').replace(/^(\s*title: )("?)(?=[^>|])/gm, `$1$2${PAYLOAD} `))
  // Inside the quotes of a quoted value; a plain value gets it in front (block scalars are left alone).
  write(root, 'sources/glossary.yaml', read(root, 'sources/glossary.yaml').replace(/^( {2}definition: )("?)(?=[^>|])/gm, `$1$2${PAYLOAD} `))
  edit(root, 'sources/facts.yaml', /\n {2}claim: "/, `\n  claim: "${PAYLOAD} `)

  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/@slidev/cli/bin/slidev.mjs'), 'build', '--base', './'], { cwd: root, encoding: 'utf8', timeout: 280_000 })
  expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0)

  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
  server = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/serve.ts'), '--dir', join(root, 'dist'), '--base', '/', '--port', String(port)], { stdio: 'ignore' })
  base = `http://127.0.0.1:${port}/`
  await expect.poll(async () => (await fetch(base).catch(() => undefined))?.status, { timeout: 20_000 }).toBe(200)
})

test.afterAll(() => {
  server?.kill()
  if (root)
    dispose(root)
})

/** The handler never ran, and no `<img>` with an `onerror` is in the page. */
async function expectNoScriptRan(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __kitXss?: boolean }).__kitXss), `${where}: the onerror handler ran`).toBeUndefined()
  expect(await page.locator('img[onerror]').count(), `${where}: an <img onerror> from the data is in the DOM`).toBe(0)
}

test('the presenter view shows the data as text in the notes, and runs none of it', async ({ page }) => {
  for (const s of [quizSlide, sourcesSlide, glossarySlide]) {
    await page.goto(`${base}#/presenter/${s.no}`)
    await expect(page.locator(`.slidev-page-${s.no}`).first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    await expectNoScriptRan(page, `presenter ${s.no}`)
  }
  // The quiz notes carry the explanation, the answer's sources (reference titles) and the data as written.
  await page.goto(`${base}#/presenter/${quizSlide.no}`)
  const notes = page.locator('.slidev-note').first()
  await expect(notes).toContainText('Explanation:')
  await expect(notes).toContainText(SHOWN)
  expect((await notes.innerText()).split(SHOWN).length - 1, 'the explanation and a reference title, shown as text').toBeGreaterThanOrEqual(2)
  await expectNoScriptRan(page, 'presenter notes')
})

test('the audience view shows the explanation, the option, the sources and the glossary as text', async ({ page }) => {
  await page.goto(`${base}#/${quizSlide.no}`)
  const quiz = page.locator(`.slidev-page-${quizSlide.no} .kit-quiz`)
  await expect(quiz).toBeVisible()
  await expect(quiz).toContainText(SHOWN) // the option
  await quiz.locator('input[type=radio]').first().check()
  await quiz.getByRole('button', { name: 'Check' }).click()
  await expect(quiz).toContainText(`${SHOWN} `) // the explanation, now shown
  await expectNoScriptRan(page, 'quiz slide')
  for (const s of [sourcesSlide, glossarySlide]) {
    await page.goto(`${base}#/${s.no}`)
    await expect(page.locator(`.slidev-page-${s.no}`)).toContainText(SHOWN)
    await expectNoScriptRan(page, `slide ${s.no}`)
  }
})
