/**
 * What the quiz-surface tests need: answering any question with real
 * controls, clicking as a person does (at the centre, after checking that
 * nothing covers the spot), and measuring whether a region can be read.
 */
import type { Locator, Page } from '@playwright/test'
import type { Category, Question } from '../../lib/quiz/index.ts'
import { expect } from '@playwright/test'
import { categoriesOf, categoryLabel } from '../../lib/quiz/index.ts'
import { answerOf } from './bank'

/** The device profiles a learner uses: a projector or laptop, and a phone in portrait. */
export const VIEWPORTS = {
  laptop: { viewport: { width: 1280, height: 720 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
} as const

/** A wrong response for each question type, chosen to draw the longest feedback (every `why` it can). */
export function wrongAnswer(q: Question): unknown {
  switch (q.type) {
    case 'single': return q.options.findIndex(o => !o.correct)
    case 'multiple': return [q.options.findIndex(o => !o.correct)]
    case 'truefalse': return !q.answer
    case 'numeric': return String(q.distractors[0]?.value ?? 987654321)
    case 'ordering': return undefined // the starting order is never the answer
    case 'matching': return q.pairs.map((_, i) => (i + 1) % q.pairs.length)
    case 'classify': {
      const right = answerOf(q) as Category[]
      return right.map(c => categoriesOf(q.scheme).find(x => x !== c)!)
    }
  }
}

/** Set `response` (in the shapes of lib/quiz/grade.ts) with the quiz's own controls. `undefined` leaves it as it is. */
export async function answer(quiz: Locator, q: Question, response: unknown) {
  if (response === undefined)
    return
  switch (q.type) {
    case 'single':
      await quiz.locator('input[type=radio]').nth(response as number).check()
      break
    case 'truefalse':
      await quiz.locator('input[type=radio]').nth(response ? 0 : 1).check()
      break
    case 'multiple':
      for (const i of response as number[])
        await quiz.locator('input[type=checkbox]').nth(i).check()
      break
    case 'numeric':
      await quiz.locator('input[type=text]').fill(String(response))
      break
    case 'ordering': {
      // Bubble each item up with its Up button until the shown order is the one wanted.
      const want = (response as number[]).map(i => q.items[i].text)
      for (let pass = 0; pass < q.items.length * q.items.length; pass++) {
        const shown = (await quiz.locator('.kit-order-text').allTextContents()).map(t => t.trim())
        const pos = shown.findIndex((t, i) => i > 0 && want.indexOf(t) < want.indexOf(shown[i - 1]))
        if (pos < 0)
          break
        await quiz.locator('.kit-order li').nth(pos).getByRole('button', { name: /up$/i }).click()
      }
      break
    }
    case 'matching':
      for (const [i, j] of (response as number[]).entries())
        await quiz.locator('select').nth(i).selectOption({ label: q.pairs[j].right })
      break
    case 'classify':
      for (const [i, c] of (response as Category[]).entries())
        await quiz.locator('.kit-classify-row').nth(i).getByLabel(categoryLabel(c), { exact: true }).check()
      break
  }
}

/**
 * Click `target` as a person does: bring it into view, check that it is the
 * topmost element at its centre (an invisible overlay such as Slidev's nav
 * bar would otherwise swallow the click), then press the real mouse there.
 */
export async function clickAtCentre(page: Page, target: Locator, what: string) {
  await target.scrollIntoViewIfNeeded()
  const box = await target.boundingBox()
  expect(box, `${what}: is rendered`).not.toBeNull()
  const x = box!.x + box!.width / 2
  const y = box!.y + box!.height / 2
  const size = page.viewportSize()!
  expect(x >= 0 && y >= 0 && x < size.width && y < size.height, `${what}: its centre (${x.toFixed(0)}, ${y.toFixed(0)}) is inside the viewport`).toBe(true)
  const covered = await target.evaluate((el, [px, py]) => {
    const top = document.elementFromPoint(px, py)
    if (top && (top === el || el.contains(top)))
      return null
    return top ? `${top.tagName.toLowerCase()}${top.id ? `#${top.id}` : ''}.${[...top.classList].join('.')}` : 'nothing'
  }, [x, y])
  expect(covered, `${what}: the element at its centre`).toBeNull()
  await page.mouse.click(x, y)
}

export interface FitReport {
  /** What is wrong, in words; empty when the region can be read. */
  problems: string[]
  /** The region scrolls inside an ancestor rather than fitting as it is. */
  scrolls: boolean
}

/**
 * Whether the whole of `region` can be read: it is inside the viewport and
 * inside every ancestor that clips it, or inside an ancestor that scrolls
 * (which then must itself be on screen); no other element (deck chrome, a
 * badge) sits on top of what shows; and when it is no taller than its
 * scrolling region, all of it shows at once.
 */
export async function readable(region: Locator): Promise<FitReport> {
  return region.evaluate((el) => {
    const name = (a: Element) => `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.classList.length ? `.${[...a.classList].join('.')}` : ''}`
    const problems: string[] = []
    const own = el.getBoundingClientRect()
    let cur = { left: own.left, top: own.top, right: own.right, bottom: own.bottom }
    let scrolls = false
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const cs = getComputedStyle(a)
      const clipX = cs.overflowX !== 'visible'
      const clipY = cs.overflowY !== 'visible'
      if (!clipX && !clipY)
        continue
      const ar = a.getBoundingClientRect()
      const scrollY = /auto|scroll/.test(cs.overflowY) && a.scrollHeight > a.clientHeight + 1
      if (clipX && (cur.left < ar.left - 1 || cur.right > ar.right + 1))
        problems.push(`cut at the sides by ${name(a)}`)
      if (scrollY) {
        if (!scrolls && own.height <= a.clientHeight + 1 && (own.top < ar.top - 1 || own.bottom > ar.bottom + 1))
          problems.push(`fits its scrolling region ${name(a)} but is not scrolled into view`)
        scrolls = true
        cur = { left: ar.left, top: ar.top, right: ar.right, bottom: ar.bottom }
      }
      else if (clipY && (cur.top < ar.top - 1 || cur.bottom > ar.bottom + 1)) {
        problems.push(`cut at the ${cur.bottom > ar.bottom + 1 ? 'bottom' : 'top'} by ${name(a)} (${Math.round(Math.max(cur.bottom - ar.bottom, ar.top - cur.top))} px)`)
      }
    }
    if (cur.left < -1 || cur.top < -1 || cur.right > innerWidth + 1 || cur.bottom > innerHeight + 1)
      problems.push(`off screen: ${Math.round(cur.left)},${Math.round(cur.top)} – ${Math.round(cur.right)},${Math.round(cur.bottom)} in ${innerWidth}×${innerHeight}`)
    // What shows of it: nothing else (deck chrome, a badge, a sticky bar) may
    // be on top. Sample points across it with its top in view, then with its
    // bottom in view, as a reader scrolling through it would see it.
    const sample = (rows: number[]) => {
      const o = el.getBoundingClientRect()
      let c = { left: 0, top: 0, right: innerWidth, bottom: innerHeight }
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const cs = getComputedStyle(a)
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible')
          continue
        const ar = a.getBoundingClientRect()
        c = { left: Math.max(c.left, ar.left), top: Math.max(c.top, ar.top), right: Math.min(c.right, ar.right), bottom: Math.min(c.bottom, ar.bottom) }
      }
      const vis = { left: Math.max(o.left, c.left), top: Math.max(o.top, c.top), right: Math.min(o.right, c.right), bottom: Math.min(o.bottom, c.bottom) }
      for (const fx of [0.02, 0.5, 0.98]) {
        for (const fy of rows) {
          const x = vis.left + (vis.right - vis.left) * fx
          const y = vis.top + (vis.bottom - vis.top) * fy
          const top = document.elementFromPoint(x, y)
          if (top && top !== el && !el.contains(top))
            problems.push(`covered at (${Math.round(x)}, ${Math.round(y)}) by ${name(top)}`)
        }
      }
    }
    if (scrolls) {
      el.scrollIntoView({ block: 'start' })
      sample([0.02, 0.5])
      el.scrollIntoView({ block: 'end' })
      sample([0.5, 0.98])
    }
    else {
      sample([0.02, 0.5, 0.98])
    }
    return { problems: [...new Set(problems)], scrolls }
  })
}

/** Font sizes of the question's text, and any target smaller than 44 × 44 px. */
export async function touchReport(quiz: Locator): Promise<{ smallText: string[], smallTargets: string[] }> {
  return quiz.evaluate((el) => {
    const label = (n: Element) => (n.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) || n.tagName.toLowerCase()
    const smallText: string[] = []
    for (const n of el.querySelectorAll('.kit-quiz-stem, .kit-choice-text, .kit-classify-text, .kit-order-text, .kit-match-row label, .kit-match-row select, .kit-num input')) {
      const px = Number.parseFloat(getComputedStyle(n).fontSize)
      if (px < 16)
        smallText.push(`${label(n)}: ${px} px`)
    }
    const smallTargets: string[] = []
    for (const n of el.querySelectorAll('button, select, input[type=text], .kit-choice')) {
      const r = n.getBoundingClientRect()
      if (r.width < 44 || r.height < 44)
        smallTargets.push(`${label(n)}: ${Math.round(r.width)}×${Math.round(r.height)}`)
    }
    return { smallText, smallTargets }
  })
}
