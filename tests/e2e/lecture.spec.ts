import { loadQuizzes, loadSources } from '../../lib/content.ts'
import { paceOf, unitPlan } from '../../lib/plan.ts'
import { axeViolations } from './axe.ts'
import { fold, readDeck } from './deck.ts'
import { expect, settle, test } from './fixtures.ts'

const lecture = await readDeck('lecture.md')
const selfStudy = await readDeck('slides.md')
const sources = loadSources('.')
const banks = Object.fromEntries(loadQuizzes('.', sources.facts).map(q => [q.stem, q.quiz]))
const titles = Object.fromEntries(Object.values(banks).map(b => [b.module, b.title]))
const plan = unitPlan(lecture, banks)
const pace = paceOf(lecture, titles)

test('the lecture loads from lecture/ below the deck\'s sub-path, and its overview shows every lecture slide', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('lecture/#/overview')
  const mermaids = lecture.reduce((n, s) => n + s.diagrams, 0)
  await expect(page.locator('.mermaid svg')).toHaveCount(mermaids, { timeout: 60_000 })
  await expect(page.locator('.slidev-page')).toHaveCount(lecture.length)
  const shown = new Set((await page.locator('.slidev-page h1').allTextContents()).map(fold))
  expect(lecture.filter(s => s.title && !shown.has(fold(s.title))).map(s => `${s.no}: ${s.title}`)).toEqual([])
})

test('the lecture\'s own slides show their plan line from the data and pass axe; Session 2 has its own address', async ({ page }) => {
  for (const s of lecture.filter(s => s.file === 'lecture.md')) {
    await page.goto(`lecture/#/${s.no}`)
    const slide = await settle(page, s.no)
    await expect(slide.locator('h1').first()).toContainText(s.title)
    // The plan line comes from the data: "Session 1 of 2 · Modules 1 to 5 · 87 minutes planned".
    const session = plan.sessions.find(x => x.n === (s.session ?? 1))!
    await expect(slide).toContainText(`Session ${session.n} of ${plan.sessions.length}`)
    await expect(slide).toContainText(`${session.minutes} minutes planned`)
    expect(await axeViolations(page, [`.slidev-page-${s.no}`])).toEqual([])
  }
  await page.goto('lecture/#/session-2')
  await expect(page.locator('.slidev-page h1').filter({ hasText: /^Session 2 · / }).first()).toBeVisible()
})

test('the agenda slide shows the plan that `npm run plan` prints', async ({ page }) => {
  const agenda = selfStudy.find(s => /^Agenda/.test(s.title))!
  await page.goto(`#/${agenda.no}`)
  const slide = await settle(page, agenda.no)
  for (const s of plan.sessions) {
    const table = slide.locator(`table[data-plan-session="${s.n}"]`)
    await expect(table.locator('caption')).toContainText(`${s.minutes} of ${plan.period} minutes`)
    for (const r of s.rows) {
      const cells = (await table.locator(`tr[data-plan-row="${r.section.key}"] td`).allTextContents()).map(t => t.trim())
      expect(cells, r.section.title).toEqual([String(r.lectureMinutes), r.classQuestions ? String(r.classQuestions) : '', r.selfStudyQuestions ? String(r.selfStudyQuestions) : ''])
    }
  }
  await expect(slide.locator('[data-plan-row="totals"]')).toContainText(`${plan.totals.lectureMinutes} minutes of lecture with ${plan.totals.classQuestions} class questions; ${plan.totals.selfStudyQuestions} questions`)
})

test('the presenter sees the module\'s minutes against the time spent on it', async ({ page }) => {
  await page.clock.install()
  const first = (label: string) => lecture.find((_, i) => pace.sections[pace.slideSection[i]].label === label)!
  const m3 = first('Module 3')
  const minutes = (label: string) => pace.sections.find(p => p.label === label)!.minutes
  await page.goto(`lecture/#/presenter/${m3.no}`)
  const paceLine = page.locator('[data-kit-pace]')
  await expect(paceLine).toHaveText(`Module 3 · 0 of ${minutes('Module 3')} min · timer not running`)

  // Start the presenter's timer: hover the clock, then press play, with the real mouse.
  const clock = page.locator('.slidev-presenter .i-carbon\\:time, .slidev-presenter .i-carbon\\:timer').first()
  const box = (await clock.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  const play = page.locator('.slidev-presenter .i-carbon\\:play').first()
  await expect(play).toBeVisible()
  const pb = (await play.boundingBox())!
  await page.mouse.click(pb.x + pb.width / 2, pb.y + pb.height / 2)

  await page.clock.fastForward('09:10')
  await expect(paceLine).toHaveText(`Module 3 · 9 of ${minutes('Module 3')} min`)
  // The next module starts its own count.
  const m4 = first('Module 4')
  await page.evaluate(no => (location.hash = `#/presenter/${no}`), m4.no)
  await page.clock.fastForward('02:05')
  await expect(paceLine).toHaveText(`Module 4 · 2 of ${minutes('Module 4')} min`)
  expect(await axeViolations(page, ['[data-kit-pace]'])).toEqual([])

  // The audience's window shows no pace.
  await page.goto(`lecture/#/${m4.no}`)
  await settle(page, m4.no)
  await expect(page.locator('[data-kit-pace]')).toHaveCount(0)
})
