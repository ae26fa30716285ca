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
  // One round trip (evaluate waits for the element itself): bring it into
  // view, measure it, and see what is on top at its centre.
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
  /** Text rendered under 16 px. */
  smallText: string[]
  /** Targets smaller than 44 × 44 px. */
  smallTargets: string[]
}

/**
 * The measures, as they run in the page. Installed on first use, so one
 * round trip can wait for a state and measure it.
 */
function probe() {
  type RGBA = { r: number, g: number, b: number, a: number }
  /** A computed colour (`rgb(…)` or `rgba(…)`) as numbers, or undefined for anything else. */
  const rgba = (c: string): RGBA | undefined => {
    const m = c.match(/rgba?\(([^)]+)\)/)
    if (!m)
      return undefined
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number)
    return { r, g, b, a }
  }
  /** WCAG relative luminance, and the contrast ratio of two of them. */
  const lum = ({ r, g, b }: RGBA) => {
    const f = (v: number) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
  }
  const ratio = (x: RGBA, y: RGBA) => {
    const [p, q] = [lum(x), lum(y)]
    return (Math.max(p, q) + 0.05) / (Math.min(p, q) + 0.05)
  }
  const pageBg = (): RGBA => document.documentElement.classList.contains('dark') ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 }
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
  /**
   * Each element under `scope` that holds visible text, once, with its
   * computed style and its first text: not inside an SVG, a template, a screen-reader-only or
   * hidden part, laid out, and not `visibility: hidden`.
   */
  function* visibleTexts(scope: Element): Generator<{ n: Element, cs: CSSStyleDeclaration, text: string }> {
    const seen = new Set<Element>()
    const walk = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT)
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const n = t.parentElement
      if (!n || seen.has(n) || !t.textContent!.trim() || n.closest('svg, template, .kit-sr-only, [hidden]') || !n.getClientRects().length)
        continue
      seen.add(n)
      const cs = getComputedStyle(n)
      if (cs.visibility !== 'hidden')
        yield { n, cs, text: t.textContent!.trim() }
    }
  }
  /**
   * Everything a learner on a phone reads or taps around a quiz: in the
   * phone sheet, the whole sheet (its bar, the read link, the results);
   * elsewhere (reading view), the quiz itself. Every visible text, whatever
   * its class, rendered at 16 px or more (computed size times any scale
   * applied above it); every interactive element (links, buttons, fields,
   * focusable regions; a radio or checkbox counts as the label it sits in,
   * which is what takes the tap) 44 × 44 px or more.
   */
  function touch(el: Element): { smallText: string[], smallTargets: string[] } {
    const scope = el.closest('.kit-sheet') ?? el
    const label = (n: Element) => (n.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) || n.getAttribute('aria-label') || n.tagName.toLowerCase()
    // Rendered size: a transform or zoom above (Slidev's scaled slide canvas)
    // shrinks what the computed font size says.
    const scales = new Map<Element, number>()
    const scaleOf = (n: Element | null): number => {
      if (!n)
        return 1
      let k = scales.get(n)
      if (k === undefined) {
        const cs = getComputedStyle(n)
        const m = cs.transform && cs.transform !== 'none' ? new DOMMatrixReadOnly(cs.transform) : undefined
        k = (m ? Math.hypot(m.a, m.b) : 1) * (Number.parseFloat(cs.zoom) || 1) * scaleOf(n.parentElement)
        scales.set(n, k)
      }
      return k
    }
    const smallText: string[] = []
    for (const { n, cs, text } of visibleTexts(scope)) {
      const px = Number.parseFloat(cs.fontSize) * scaleOf(n)
      if (px < 15.95)
        smallText.push(`${n.tagName.toLowerCase()}.${[...n.classList].join('.')} “${text.slice(0, 30)}”: ${px.toFixed(1)} px`)
    }
    const smallTargets: string[] = []
    const targets = new Set<Element>()
    for (const n of scope.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role=button], [role=link]')) {
      const t = /^(radio|checkbox)$/.test((n as HTMLInputElement).type ?? '') ? (n.closest('label') ?? n) : n
      if (targets.has(t) || !t.getClientRects().length || t.closest('.kit-sr-only'))
        continue
      targets.add(t)
      const r = t.getBoundingClientRect()
      if (r.width < 43.95 || r.height < 43.95)
        smallTargets.push(`${t.tagName.toLowerCase()}.${[...t.classList].join('.')} “${label(t)}”: ${Math.round(r.width)}×${Math.round(r.height)}`)
    }
    return { smallText, smallTargets }
  }
  /**
   * Contrast of every label in the diagrams (SVG <text>, also inside open
   * shadow roots) under `el`, against what is painted behind its centre:
   * the first filled shape (a bar, a node) below it, or else the first
   * element with a background. axe does not check SVG text; this does.
   * Returns the labels under `min`:1.
   */
  function svgContrast(el: Element, min: number): string[] {
    const roots: (Element | ShadowRoot)[] = [el]
    for (const n of el.querySelectorAll('*')) {
      if (n.shadowRoot)
        roots.push(n.shadowRoot)
    }
    const out: string[] = []
    for (const root of roots) {
      const hitRoot = root instanceof ShadowRoot ? root : document
      // The element whose fill paints the words: a <tspan> where there is one (Mermaid styles those).
      const painted = [...root.querySelectorAll('svg text')].flatMap(t => t.querySelector('tspan') ? [...t.querySelectorAll('tspan')].filter(x => !x.querySelector('tspan')) : [t])
      for (const t of painted) {
        const label = (t.textContent ?? '').trim()
        let r = t.getBoundingClientRect()
        if (!label || !r.width || !r.height)
          continue
        // Hit-testing sees only what is on screen: bring the label there first.
        if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
          t.scrollIntoView({ block: 'center', inline: 'center' })
          r = t.getBoundingClientRect()
        }
        const fg = rgba(getComputedStyle(t).fill)
        if (!fg)
          continue
        let bg: RGBA | undefined
        for (const b of hitRoot.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)) {
          if (b === t || t.contains(b) || b.closest('text'))
            continue
          const cs = getComputedStyle(b)
          const c = b instanceof SVGElement ? (b.tagName === 'svg' ? rgba(cs.backgroundColor) : rgba(cs.fill)) : rgba(cs.backgroundColor)
          if (c && c.a > 0 && (!(b instanceof SVGElement) || b.tagName === 'svg' || Number(cs.fillOpacity) > 0)) {
            bg = c
            break
          }
        }
        bg ??= pageBg()
        const k = ratio(fg, bg)
        if (k < min)
          out.push(`“${label.slice(0, 30)}”: ${k.toFixed(2)}:1 (rgb(${fg.r}, ${fg.g}, ${fg.b}) on rgb(${bg.r}, ${bg.g}, ${bg.b}))`)
      }
    }
    return out
  }
  /**
   * Contrast of every visible text around a quiz (the whole phone sheet when
   * it is in one), as painted: its colour, faded by the opacity of it and
   * its ancestors, over the first solid background behind it. axe leaves out
   * disabled controls and their labels, which is how a locked (checked)
   * quiz's options went pale unnoticed; this includes them. Returns the
   * texts under `min`:1.
   */
  function textContrast(el: Element, min: number): string[] {
    const scope = el.closest('.kit-sheet') ?? el
    const out: string[] = []
    for (const { n, cs, text } of visibleTexts(scope)) {
      const fg = rgba(cs.color)
      if (!fg)
        continue
      let alpha = fg.a
      let bg: RGBA | undefined
      for (let a: Element | null = n; a; a = a.parentElement) {
        const s = getComputedStyle(a)
        alpha *= Number(s.opacity)
        const c = rgba(s.backgroundColor)
        if (!bg && c && c.a > 0.5)
          bg = c
      }
      bg ??= pageBg()
      const shown = { r: fg.r * alpha + bg.r * (1 - alpha), g: fg.g * alpha + bg.g * (1 - alpha), b: fg.b * alpha + bg.b * (1 - alpha), a: 1 }
      const k = ratio(shown, bg)
      if (k < min)
        out.push(`${n.tagName.toLowerCase()}.${[...n.classList].join('.')} “${text.slice(0, 30)}”: ${k.toFixed(2)}:1`)
    }
    return out
  }
  /**
   * Non-text contrast (WCAG 1.4.11, 3:1) of the quiz's radios and
   * checkboxes, locked or not: the box's border against what is behind it,
   * and the fill of a checked one (the dot, or the filled box) against the
   * same. The browser's own disabled controls fail this; a learner must still
   * see which option they chose once it is checked.
   */
  function controlContrast(el: Element, min: number): string[] {
    const scope = el.closest('.kit-sheet') ?? el
    const out: string[] = []
    const behind = (n: Element): RGBA => {
      for (let a = n.parentElement; a; a = a.parentElement) {
        const c = rgba(getComputedStyle(a).backgroundColor)
        if (c && c.a > 0.5)
          return c
      }
      return pageBg()
    }
    for (const input of scope.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')) {
      if (!input.getClientRects().length)
        continue
      const what = `${input.type} “${(input.closest('label')?.textContent ?? '').trim().slice(0, 30)}”${input.disabled ? ' (locked)' : ''}`
      const cs = getComputedStyle(input)
      if (cs.appearance !== 'none') {
        out.push(`${what}: drawn by the browser (appearance ${cs.appearance}), its colours unknown`)
        continue
      }
      const back = behind(input)
      const border = rgba(cs.borderTopColor)
      if (border && ratio(border, back) < min)
        out.push(`${what}: border ${ratio(border, back).toFixed(2)}:1`)
      // Checked, the control fills with its mark colour (the radio's dot, the box); unchecked it is the background.
      const mark = rgba(cs.backgroundColor)
      if (input.checked && (!mark || ratio(mark, back) < min))
        out.push(`${what}: checked mark ${mark ? ratio(mark, back).toFixed(2) : '?'}:1`)
    }
    return out
  }
  return { readable, touch, svgContrast, textContrast, controlContrast }
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

/**
 * Text rendered under 16 px and targets under 44 × 44 px around a quiz or the
 * results: the whole phone sheet when it is in one, else the element itself.
 */
export async function touchReport(quiz: Locator): Promise<TouchReport> {
  return withProbe(quiz, el => window.__kitProbe!.touch(el), undefined)
}

/** Diagram labels (SVG text) under `el` whose contrast with what is behind them is under `min`:1 (see `probe`). */
export async function diagramContrast(el: Locator, min = 4.5): Promise<string[]> {
  return withProbe(el, (e, m: number) => window.__kitProbe!.svgContrast(e, m), min)
}

/**
 * Texts around a quiz (the whole phone sheet when it is in one) whose
 * contrast, as painted, is under `min`:1; unlike axe, it counts disabled
 * controls and their labels, which is what a locked quiz is made of.
 */
export async function textContrast(el: Locator, min = 4.5): Promise<string[]> {
  return withProbe(el, (e, m: number) => window.__kitProbe!.textContrast(e, m), min)
}

/** Radios and checkboxes around a quiz whose border or checked mark is under `min`:1 against what is behind it. */
export async function controlContrast(el: Locator, min = 3): Promise<string[]> {
  return withProbe(el, (e, m: number) => window.__kitProbe!.controlContrast(e, m), min)
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
