import type { Page } from '@playwright/test'
import type { SlideInfo } from './deck.ts'
import { axeViolations } from './axe.ts'
import { fold, readDeck } from './deck.ts'
import { expect, settle, test } from './fixtures.ts'

const slides = await readDeck()

/** Slides in runs of this many per test: one page walks a run by hash, which is far faster than a reload per slide. */
const RUN = 28
const runs: SlideInfo[][] = []
for (let i = 0; i < slides.length; i += RUN)
  runs.push(slides.slice(i, i + RUN))
const label = (run: SlideInfo[]) => `slides ${run[0].no}–${run.at(-1)!.no}`

/** A title as the page shows it: Markdown's typographer curls quotes. */
function titleText(title: string): RegExp {
  const esc = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(esc.replace(/'/g, `['\u2019]`).replace(/"/g, `["\u201C\u201D]`))
}

async function go(page: Page, hash: string) {
  if (page.url().includes('#/'))
    await page.evaluate(h => (location.hash = h), hash)
  else
    await page.goto(hash)
}

/**
 * Axe with the WCAG 2.2 AA tags. `scope` limits the scan to the parts that
 * change from slide to slide; each run also scans its first page whole, so
 * Slidev's controls (the same on every slide) are covered too.
 */
async function axe(page: Page, where: string, scope?: string[]) {
  const found = await axeViolations(page, scope)
  expect.soft(found.map(v => `${where}: ${v.id} (${v.impact}) ${v.targets.join(', ')}`), `axe on ${where}`).toEqual([])
}

/** Everything a person would notice on one slide: title, leaks, diagrams inside the frame, nothing spilling out. */
async function checkSlide(page: Page, s: SlideInfo) {
  const slide = await settle(page, s.no)
  await expect.soft(slide.locator('h1, h2').first(), `slide ${s.no} title`).toContainText(titleText(s.title))
  await expect.soft(slide, `slide ${s.no} shows no broken binding`).not.toContainText(/\bundefined\b|\bNaN\b|\[object /)

  const svgs = slide.locator('.mermaid svg')
  await expect.soft(svgs, `slide ${s.no} diagrams`).toHaveCount(s.diagrams)
  const box = (await slide.boundingBox())!
  for (let i = 0; i < s.diagrams; i++) {
    const svg = svgs.nth(i)
    // Mermaid prints its own error as text in the SVG when a diagram does not parse.
    await expect.soft(svg, `slide ${s.no} diagram ${i + 1} parses`).not.toContainText(/Syntax error/i)
    const b = await svg.boundingBox()
    expect.soft(b && b.width * b.height, `slide ${s.no} diagram ${i + 1} is not empty`).toBeGreaterThan(10_000)
    if (b) {
      expect.soft(b.x >= box.x - 1 && b.y >= box.y - 1 && b.x + b.width <= box.x + box.width + 1 && b.y + b.height <= box.y + box.height + 1, `slide ${s.no} diagram ${i + 1} fits the slide`).toBe(true)
    }
    // A text alternative that says what the diagram teaches (Mermaid accTitle / accDescr).
    const alt = await svg.evaluate(el => ({
      title: el.querySelector(':scope > title')?.textContent?.trim() ?? '',
      desc: el.querySelector(':scope > desc')?.textContent?.trim() ?? '',
    }))
    expect.soft(alt.title.length, `slide ${s.no} diagram ${i + 1} has a <title>`).toBeGreaterThan(3)
    expect.soft(alt.desc.length, `slide ${s.no} diagram ${i + 1} has a <desc>`).toBeGreaterThan(20)
  }
  const overflow = await slide.evaluate((el) => {
    const frame = el.getBoundingClientRect()
    // Content inside a region that scrolls (a long quiz, the results list) is
    // reached by scrolling, not cut: judge that region's own box instead.
    const scroller = (e: Element) => {
      for (let a = e.parentElement; a && a !== el; a = a.parentElement) {
        if (/auto|scroll/.test(getComputedStyle(a).overflowY))
          return a
      }
      return undefined
    }
    return [...el.querySelectorAll('*')].filter((e) => {
      if (scroller(e))
        return false
      const r = e.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'
        && (r.bottom > frame.bottom + 2 || r.right > frame.right + 2 || r.left < frame.left - 2)
    }).map(e => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> ${(e.textContent ?? '').trim().slice(0, 50)}`)
  })
  expect.soft(overflow, `slide ${s.no}: elements outside the slide`).toEqual([])
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`slide view, ${scheme}`, () => {
    test.describe.configure({ mode: 'parallel' })
    test.use({ colorScheme: scheme })
    for (const run of runs) {
      test(`${label(run)}: render, fit and pass axe`, async ({ page }) => {
        test.setTimeout(30_000 + run.length * 4_000)
        for (const s of run) {
          await go(page, `#/${s.no}`)
          if (scheme === 'light')
            await checkSlide(page, s)
          else
            await settle(page, s.no)
          await axe(page, `${scheme} slide ${s.no}`, s === run[0] ? undefined : [`.slidev-page-${s.no}`])
        }
      })
    }
  })
}

test.describe('presenter view', () => {
  test.describe.configure({ mode: 'parallel' })
  for (const run of runs) {
    test(`${label(run)}: slide, notes and axe`, async ({ page }) => {
      test.setTimeout(30_000 + run.length * 4_000)
      for (const s of run) {
        await go(page, `#/presenter/${s.no}`)
        const current = page.locator(`.slidev-page-${s.no}`).first()
        await expect.soft(current.locator('h1, h2').first(), `presenter ${s.no} title`).toContainText(titleText(s.title))
        // Every slide of the kit carries speaker notes.
        await expect.soft(page.locator('.slidev-note').first(), `presenter ${s.no} notes`).not.toBeEmpty()
        await axe(page, `presenter slide ${s.no}`, s === run[0] ? undefined : [`.slidev-page-${s.no}`, '.slidev-note'])
      }
    })
  }
})

test('overview lists every slide', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('#/overview')
  const mermaids = slides.reduce((n, s) => n + s.diagrams, 0)
  await expect(page.locator('.mermaid svg')).toHaveCount(mermaids, { timeout: 60_000 })
  // One read of every heading the overview shows, compared with the deck.
  const shown = new Set((await page.locator('.slidev-page h1').allTextContents()).map(fold))
  const missing = slides.filter(s => s.title && !shown.has(fold(s.title))).map(s => `${s.no}: ${s.title}`)
  expect(missing).toEqual([])
})

test('the deck loads from its sub-path and walks by keyboard with no off-origin request', async ({ page, watch, baseURL }) => {
  const requests: string[] = []
  page.on('request', r => requests.push(r.url()))
  await page.goto('#/1')
  await settle(page, 1)
  // Walk the opening slides by keyboard; the bound keeps a stuck deck from looping.
  const target = Math.min(12, slides.length)
  const reached = new RegExp(`#/${target}(\\?|$)`)
  for (let i = 0; i < target * 4 && !reached.test(page.url()); i++)
    await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(reached)
  expect(requests.length).toBeGreaterThan(0)
  expect(requests.every(u => u.startsWith(baseURL!) || u.startsWith('data:') || u.startsWith('blob:'))).toBe(true)
  expect(watch.offOrigin).toEqual([])
})

test('the axe scan used above does report a real violation', async ({ page }) => {
  await page.goto('#/2')
  await settle(page, 2)
  await page.evaluate(() => {
    const p = document.createElement('p')
    p.textContent = 'Low-contrast probe text'
    p.style.cssText = 'color:#bbb;background:#fff'
    document.querySelector('.slidev-page-2 .slidev-layout')!.append(p)
  })
  const found = await axeViolations(page, ['.slidev-page-2'])
  expect(found.map(v => v.id)).toContain('color-contrast')
})
