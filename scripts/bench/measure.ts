/**
 * In-browser measurements of a built deck, in headless Chromium driven by
 * Playwright: what slide 1 costs on the network, when it is painted, how
 * long a walk through every slide takes, and (kit only) how long the quiz
 * takes from Check to feedback. Timings are taken inside the page with
 * `performance.now()`, so the driver's round trips do not count.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { gzipSync } from 'node:zlib'

export const VIEWPORT = { width: 1280, height: 720 }
/** Network idle: no request in flight for this long. */
export const IDLE_MS = 500

async function newContext(browser: Browser): Promise<BrowserContext> {
  // A fresh context per measurement: empty HTTP cache and storage.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' })
  // tsx keeps function names with a `__name` helper that the page lacks.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || (f => f)' })
  return context
}

/**
 * Installed before any script of the page: records when slide `no` is first
 * shown with its layout, then the end of the frame that paints it (two rAFs).
 */
function watchSlide(no: number) {
  const w = window as unknown as Record<string, number>
  const seen = () => {
    const el = document.querySelector(`.slidev-page-${no}`)
    return !!el && !!el.querySelector('.slidev-layout') && el.getBoundingClientRect().width > 0
  }
  const mark = () => {
    w.__benchShown = performance.now()
    requestAnimationFrame(() => requestAnimationFrame(() => {
      w.__benchPainted = performance.now()
    }))
  }
  const mo = new MutationObserver(() => {
    if (!w.__benchShown && seen()) {
      mo.disconnect()
      mark()
    }
  })
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] })
}

export interface Fetched {
  url: string
  file: string
  type: 'script' | 'stylesheet' | 'font' | 'other'
  raw: number
  gzip: number
  /** ms after navigation started (Node clock). */
  at: number
  /** Body text of scripts, to look for Mermaid or quiz code. */
  code?: string
}

export interface LoadResult {
  /** gzip bytes of JS + CSS fetched until slide 1 was painted and the network went idle. */
  bytes: number
  js: number
  css: number
  /** Fonts and other files in the same window, for information. */
  otherGzip: number
  fetched: Fetched[]
  /** navigation → end of the frame that painted slide 1 (ms, page clock). */
  paint: number
  /** first-contentful-paint (ms), for information. */
  fcp: number
  /** When the network went idle after slide 1 was painted (ms after navigation start, Node clock). */
  idleAt: number
}

/**
 * Open slide 1 in a fresh context and record every response until slide 1
 * is painted and no request has been in flight for IDLE_MS. Slidev itself
 * preloads every slide 3 s after start; requests issued after the idle point
 * do not count.
 */
export async function measureLoad(browser: Browser, url: string, timeoutMs = 60_000): Promise<LoadResult> {
  const context = await newContext(browser)
  try {
    const page = await context.newPage()
    await page.addInitScript(watchSlide, 1)
    let inflight = 0
    let last = 0
    let t0 = 0
    let closed = false
    const pending: Promise<void>[] = []
    const fetched: Fetched[] = []
    page.on('request', () => {
      inflight++
      last = performance.now()
    })
    const settle = () => {
      inflight = Math.max(0, inflight - 1)
      last = performance.now()
    }
    page.on('requestfinished', settle)
    page.on('requestfailed', settle)
    page.on('response', (r) => {
      const at = performance.now() - t0
      const rt = r.request().resourceType()
      const type = rt === 'script' || rt === 'stylesheet' || rt === 'font' ? rt : 'other'
      pending.push(r.body().then((body) => {
        if (closed)
          return
        fetched.push({
          url: r.url(),
          file: new URL(r.url()).pathname.replace(/^.*\//, ''),
          type,
          raw: body.length,
          gzip: gzipSync(body).length,
          at,
          code: type === 'script' ? body.toString('utf8') : undefined,
        })
      }, () => {}))
    })
    t0 = performance.now()
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs })
    await page.waitForFunction(() => (window as unknown as Record<string, number>).__benchPainted, undefined, { timeout: timeoutMs, polling: 50 })
    const deadline = performance.now() + timeoutMs
    while (!(inflight === 0 && performance.now() - last >= IDLE_MS)) {
      if (performance.now() > deadline)
        throw new Error(`network not idle ${timeoutMs} ms after loading ${url}`)
      await new Promise(r => setTimeout(r, 25))
    }
    const idleAt = last - t0
    await Promise.all(pending)
    closed = true
    const timing = await page.evaluate(() => {
      const w = window as unknown as Record<string, number>
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
      return { painted: w.__benchPainted, fcp }
    })
    // Only what was asked for before the network went idle.
    const counted = fetched.filter(f => f.at <= idleAt)
    const sum = (t: Fetched['type']) => counted.filter(f => f.type === t).reduce((s, f) => s + f.gzip, 0)
    const js = sum('script')
    const css = sum('stylesheet')
    return {
      bytes: js + css,
      js,
      css,
      otherGzip: sum('font') + sum('other'),
      fetched: counted.sort((a, b) => a.at - b.at),
      paint: timing.painted,
      fcp: timing.fcp,
      idleAt,
    }
  }
  finally {
    await context.close()
  }
}

async function openSlide(page: Page, url: string, no: number, timeoutMs: number) {
  await page.addInitScript(watchSlide, no)
  await page.goto(`${url}#/${no}`, { waitUntil: 'commit', timeout: timeoutMs })
  await page.waitForFunction(() => (window as unknown as Record<string, number>).__benchPainted, undefined, { timeout: timeoutMs, polling: 50 })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
}

/**
 * From slide 1, settled, go to every next slide by setting `location.hash`
 * and wait until it is shown with its layout and every diagram on it has its
 * SVG (Mermaid renders into an open shadow root), then for the frame that
 * paints it. Returns the total time (ms) for slides 2…N.
 */
export interface StepResult {
  /** Slides 2…N, ms. */
  total: number
  /** ms per slide, index 0 = slide 1 (always 0). */
  perSlide: number[]
}

export async function measureStepThrough(browser: Browser, url: string, diagramsPerSlide: readonly number[], perSlideTimeoutMs = 30_000): Promise<StepResult> {
  const context = await newContext(browser)
  try {
    const page = await context.newPage()
    await openSlide(page, url, 1, 60_000)
    page.setDefaultTimeout(diagramsPerSlide.length * perSlideTimeoutMs + 10_000)
    return await page.evaluate(async ({ counts, limit }) => {
      const tick = () => new Promise<void>((r) => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => r()
        ch.port2.postMessage(0)
      })
      const frame = () => new Promise<void>(r => requestAnimationFrame(() => r()))
      const settled = (no: number, want: number) => {
        const el = [...document.querySelectorAll<HTMLElement>(`.slidev-page-${no}`)].find(e => e.getBoundingClientRect().width > 0)
        if (!el || !el.querySelector('.slidev-layout'))
          return false
        const blocks = [...el.querySelectorAll('.mermaid')]
        return blocks.length >= want && blocks.every(b => (b.shadowRoot ?? b).querySelector('svg'))
      }
      const t0 = performance.now()
      const perSlide = [0]
      for (let no = 2; no <= counts.length; no++) {
        const t = performance.now()
        location.hash = `#/${no}`
        const deadline = performance.now() + limit
        while (!settled(no, counts[no - 1])) {
          if (performance.now() > deadline)
            throw new Error(`slide ${no} did not settle within ${limit} ms`)
          await tick()
        }
        // The frame that paints it.
        await frame()
        perSlide.push(performance.now() - t)
      }
      return { total: performance.now() - t0, perSlide }
    }, { counts: [...diagramsPerSlide], limit: perSlideTimeoutMs })
  }
  finally {
    await context.close()
  }
}

export interface CheckTiming {
  /** Check clicked → the frame that paints `.kit-feedback` (ms). */
  frame: number[]
  /** Check clicked → `.kit-feedback` in the DOM (MutationObserver, ms). */
  dom: number[]
}

/**
 * Kit only: on a single-choice quiz slide, select an option, then time a
 * programmatic click on Check until a MutationObserver sees `.kit-feedback`
 * and the next animation frame starts; press Retry between trials.
 */
export async function measureCheck(browser: Browser, url: string, no: number, trials = 20): Promise<CheckTiming> {
  const context = await newContext(browser)
  try {
    const page = await context.newPage()
    await openSlide(page, url, no, 60_000)
    await page.locator(`.slidev-page-${no} .kit-quiz form`).first().waitFor({ state: 'visible', timeout: 30_000 })
    page.setDefaultTimeout(trials * 10_000)
    return await page.evaluate(async ({ no, trials }) => {
      const frame = () => new Promise<void>(r => requestAnimationFrame(() => r()))
      const quiz = document.querySelector(`.slidev-page-${no} .kit-quiz`)!
      const button = (label: string) => [...quiz.querySelectorAll('button')].find(b => b.textContent?.trim() === label)
      const waitFor = async (ok: () => boolean, what: string) => {
        for (let i = 0; i < 600 && !ok(); i++)
          await frame()
        if (!ok())
          throw new Error(`quiz: ${what} did not happen`)
      }
      const out = { frame: [] as number[], dom: [] as number[] }
      for (let t = 0; t < trials; t++) {
        const radios = quiz.querySelectorAll<HTMLInputElement>('input[type=radio]')
        if (!radios.length)
          throw new Error('quiz: no radio buttons')
        radios[t % radios.length].click()
        await frame()
        await frame()
        const check = button('Check')
        if (!check)
          throw new Error('quiz: no Check button')
        const shown = new Promise<{ dom: number, frame: number }>((resolve) => {
          const mo = new MutationObserver(() => {
            if (quiz.querySelector('.kit-feedback')) {
              mo.disconnect()
              const dom = performance.now()
              requestAnimationFrame(() => resolve({ dom, frame: performance.now() }))
            }
          })
          mo.observe(quiz, { childList: true, subtree: true })
        })
        const t0 = performance.now()
        check.click()
        const r = await shown
        out.dom.push(r.dom - t0)
        out.frame.push(r.frame - t0)
        await frame()
        button('Retry')?.click()
        await waitFor(() => !quiz.querySelector('.kit-feedback') && !!button('Check'), 'Retry')
        await frame()
      }
      return out
    }, { no, trials })
  }
  finally {
    await context.close()
  }
}
