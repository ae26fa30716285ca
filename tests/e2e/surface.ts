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
    case 'cloze': return q.blanks.map(b => b.distractors[0]?.text ?? 'not the answer')
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
    case 'cloze':
      for (const [k, text] of (response as string[]).entries())
        await quiz.locator('.kit-cloze-blank input').nth(k).fill(text)
      break
  }
}

/**
 * The same as `answer`, in one round trip: set the controls in the page and
 * fire the events Vue listens to. For the layout tests, which answer every
 * question of the bank twice; the keyboard and reading-view tests drive
 * the controls themselves.
 */
export async function answerFast(quiz: Locator, q: Question, response: unknown) {
  if (response === undefined)
    return
  const plan = q.type === 'matching'
    ? (response as number[]).map(j => q.pairs[j].right)
    : q.type === 'classify'
      ? (response as Category[]).map(c => categoryLabel(c))
      : q.type === 'ordering'
        ? (response as number[]).map(i => q.items[i].text)
        : response
  await quiz.evaluate((el, [type, want]) => {
    const fire = (n: Element, ev: string) => n.dispatchEvent(new Event(ev, { bubbles: true }))
    const check = (input: HTMLInputElement) => {
      if (!input.checked) {
        input.checked = true
        fire(input, 'change')
      }
    }
    switch (type) {
      case 'single':
        check(el.querySelectorAll<HTMLInputElement>('input[type=radio]')[want as number])
        break
      case 'truefalse':
        check(el.querySelectorAll<HTMLInputElement>('input[type=radio]')[want ? 0 : 1])
        break
      case 'multiple':
        for (const i of want as number[])
          check(el.querySelectorAll<HTMLInputElement>('input[type=checkbox]')[i])
        break
      case 'numeric': {
        const input = el.querySelector<HTMLInputElement>('input[type=text]')!
        input.value = String(want)
        fire(input, 'input')
        break
      }
      case 'matching':
        el.querySelectorAll<HTMLSelectElement>('select').forEach((sel, i) => {
          const opt = [...sel.options].find(o => o.textContent!.trim() === (want as string[])[i])!
          sel.value = opt.value
          fire(sel, 'change')
        })
        break
      case 'classify':
        el.querySelectorAll('.kit-classify-row').forEach((row, i) => {
          const label = [...row.querySelectorAll('label')].find(l => l.textContent!.trim().startsWith((want as string[])[i]))!
          check(label.querySelector('input')!)
        })
        break
      case 'cloze':
        el.querySelectorAll<HTMLInputElement>('.kit-cloze-blank input').forEach((input, k) => {
          input.value = (want as string[])[k]
          fire(input, 'input')
        })
        break
    }
  }, [q.type, plan] as const)
  if (q.type === 'ordering') {
    // Vue re-renders the list after each move, so move one item per round trip.
    const wantOrder = plan as string[]
    for (let pass = 0; pass < q.items.length * q.items.length; pass++) {
      const moved = await quiz.evaluate((el, w) => {
        const shown = [...el.querySelectorAll('.kit-order-text')].map(t => t.textContent!.trim())
        const pos = shown.findIndex((t, i) => i > 0 && w.indexOf(t) < w.indexOf(shown[i - 1]))
        if (pos < 0)
          return false
        el.querySelectorAll('.kit-order li')[pos].querySelector<HTMLButtonElement>('button')!.click()
        return true
      }, wantOrder)
      if (!moved)
        break
    }
  }
}

/**
 * Click `target` as a person does: bring it into view, check that it is the
 * topmost element at its centre (an invisible overlay such as Slidev's nav
 * bar would otherwise swallow the click), then press the real mouse there.
 */
export async function clickAtCentre(page: Page, target: Locator, what: string) {
  await target.waitFor()
  // One round trip: bring it into view, measure it, and see what is on top at its centre.
  const at = await target.evaluate((el) => {
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    const r = el.getBoundingClientRect()
    const x = r.left + r.width / 2
    const y = r.top + r.height / 2
    const top = document.elementFromPoint(x, y)
    const covered = top && (top === el || el.contains(top))
      ? null
      : top ? `${top.tagName.toLowerCase()}${top.id ? `#${top.id}` : ''}.${[...top.classList].join('.')}` : 'nothing'
    return { x, y, w: innerWidth, h: innerHeight, covered }
  })
  expect(at.x >= 0 && at.y >= 0 && at.x < at.w && at.y < at.h, `${what}: its centre (${at.x.toFixed(0)}, ${at.y.toFixed(0)}) is inside the viewport`).toBe(true)
  expect(at.covered, `${what}: the element at its centre`).toBeNull()
  await page.mouse.click(at.x, at.y)
}

export interface FitReport {
  /** What is wrong, in words; empty when the region can be read. */
  problems: string[]
  /** The region scrolls inside an ancestor rather than fitting as it is. */
  scrolls: boolean
}

export interface TouchReport {
  /** Question text rendered under 16 px. */
  smallText: string[]
  /** Targets smaller than 44 × 44 px. */
  smallTargets: string[]
}

/**
 * The measures, as they run in the page. Installed on first use, so one
 * round trip can wait for a state and measure it.
 */
function probe() {
  /**
   * Whether the whole of `el` can be read: it is inside the viewport and
   * inside every ancestor that clips it, or inside an ancestor that scrolls
   * (which then must itself be on screen); no other element (deck chrome, a
   * badge, a sticky bar) sits on top of what shows; and when it is no
   * taller than its scrolling region, all of it shows at once.
   */
  function readable(el: Element): { problems: string[], scrolls: boolean } {
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
  }
  /** Font sizes of the question's text, and any target smaller than 44 × 44 px. */
  function touch(el: Element): { smallText: string[], smallTargets: string[] } {
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
  }
  return { readable, touch }
}
const PROBE = `(${probe.toString()})()`

type Probe = ReturnType<typeof probe>
declare global {
  interface Window { __kitProbe?: Probe }
}

/** Run `fn` in the page with the probes installed. */
async function withProbe<T, A>(target: Locator, fn: (el: Element, arg: A) => T, arg: A): Promise<T> {
  return target.evaluate((el, [src, body, a]) => {
    // eslint-disable-next-line no-eval
    window.__kitProbe ??= (0, eval)(src as string) as Probe
    // eslint-disable-next-line no-new-func
    return new Function('el', 'arg', `return (${body as string})(el, arg)`)(el, a)
  }, [PROBE, fn.toString(), arg] as const) as Promise<T>
}

/** Whether the whole of `region` can be read (see `probe`). */
export async function readable(region: Locator): Promise<FitReport> {
  return withProbe(region, el => window.__kitProbe!.readable(el), undefined)
}

/**
 * Scrolls `region` into view and reports what still stops it being read.
 * Layout may still be settling (a sheet sliding in, a list growing), so it
 * measures again, scrolling each time, until nothing is wrong or `timeout`
 * ms have passed; the problems it returns are those of the last measure.
 */
export async function readableInView(region: Locator, timeout = 3000): Promise<string[]> {
  const until = Date.now() + timeout
  for (;;) {
    await region.evaluate(el => el.scrollIntoView({ block: 'nearest', inline: 'nearest' }))
    const { problems } = await readable(region)
    if (!problems.length || Date.now() > until)
      return problems
    await region.page().waitForTimeout(100)
  }
}

/** Font sizes of the question's text, and any target smaller than 44 × 44 px. */
export async function touchReport(quiz: Locator): Promise<TouchReport> {
  return withProbe(quiz, el => window.__kitProbe!.touch(el), undefined)
}

export interface StateWanted {
  /** `data-phase` the quiz must reach. */
  phase: string
  /** Pattern the verdict must match (its source). */
  verdict?: string
  /** Where the focus must be: on the feedback, or on a control of the question. */
  focus?: 'feedback' | 'control'
  /** Measure the feedback's fit. */
  feedback?: boolean
  /** Measure text sizes and targets. */
  touch?: boolean
}

export interface StateReport {
  /** What did not happen in time, in words; empty when all did. */
  waited: string[]
  fit?: FitReport
  touch?: TouchReport
}

/**
 * Wait in the page (up to 5 s) until the quiz shows the wanted state, then
 * measure it: one round trip instead of a dozen.
 */
export async function quizState(quiz: Locator, want: StateWanted): Promise<StateReport> {
  return withProbe(quiz, async (el, w: StateWanted) => {
    const ok = () => {
      const miss: string[] = []
      if (el.getAttribute('data-phase') !== w.phase)
        miss.push(`phase ${el.getAttribute('data-phase')}, not ${w.phase}`)
      if (w.verdict && !new RegExp(w.verdict).test(el.querySelector('.kit-verdict')?.textContent ?? ''))
        miss.push(`verdict “${el.querySelector('.kit-verdict')?.textContent?.trim() ?? ''}” does not match /${w.verdict}/`)
      const a = document.activeElement
      if (w.focus === 'feedback' && a !== el.querySelector('.kit-feedback'))
        miss.push(`focus on ${a?.tagName.toLowerCase()}.${[...(a?.classList ?? [])].join('.')}, not the feedback`)
      if (w.focus === 'control' && !(a && el.querySelector('.kit-quiz-fields')?.contains(a) && /^(INPUT|SELECT|BUTTON)$/.test(a.tagName)))
        miss.push(`focus on ${a?.tagName.toLowerCase()}, not a control of the question`)
      return miss
    }
    const t0 = performance.now()
    let miss = ok()
    while (miss.length && performance.now() - t0 < 5000) {
      await new Promise(r => requestAnimationFrame(r))
      miss = ok()
    }
    const feedback = el.querySelector('.kit-feedback')
    return {
      waited: miss,
      fit: w.feedback ? (feedback ? window.__kitProbe!.readable(feedback) : { problems: ['no feedback'], scrolls: false }) : undefined,
      touch: w.touch ? window.__kitProbe!.touch(el) : undefined,
    }
  }, want)
}
