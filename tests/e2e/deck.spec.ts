import { readDeck } from './deck.ts'
import { expect, settle, test } from './fixtures.ts'

const slides = await readDeck()

test.describe('slide view', () => {
  test.describe.configure({ mode: 'parallel' })
  for (const s of slides) {
    test(`slide ${s.no}: ${s.title}`, async ({ page, watch }) => {
      await page.goto(`#/${s.no}`)
      const slide = await settle(page, s.no)
      await expect(slide.locator('h1, h2').first()).toContainText(s.title)
      // No text leaks from a broken binding.
      await expect(slide).not.toContainText(/\bundefined\b|\bNaN\b|\[object /)

      const svgs = slide.locator('.mermaid svg')
      await expect(svgs).toHaveCount(s.diagrams)
      const box = await slide.boundingBox()
      for (let i = 0; i < s.diagrams; i++) {
        const svg = svgs.nth(i)
        // Mermaid prints its own error as text in the SVG when a diagram does not parse.
        await expect(svg).not.toContainText(/Syntax error/i)
        const b = await svg.boundingBox()
        expect(b, 'diagram has a box').not.toBeNull()
        expect(b!.width * b!.height, 'diagram is not empty').toBeGreaterThan(10_000)
        expect(b!.x, 'diagram left edge inside slide').toBeGreaterThanOrEqual(box!.x - 1)
        expect(b!.y, 'diagram top edge inside slide').toBeGreaterThanOrEqual(box!.y - 1)
        expect(b!.x + b!.width, 'diagram right edge inside slide').toBeLessThanOrEqual(box!.x + box!.width + 1)
        expect(b!.y + b!.height, 'diagram bottom edge inside slide').toBeLessThanOrEqual(box!.y + box!.height + 1)
      }
      // Nothing on the slide spills past its edges (text, tables, components).
      const overflow = await slide.evaluate((el) => {
        const box = el.getBoundingClientRect()
        return [...el.querySelectorAll('*')].filter((e) => {
          const r = e.getBoundingClientRect()
          return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'
            && (r.bottom > box.bottom + 2 || r.right > box.right + 2 || r.left < box.left - 2)
        }).map(e => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> ${(e.textContent ?? '').trim().slice(0, 50)}`)
      })
      expect(overflow, 'elements outside the slide').toEqual([])
      expect(watch.errors).toEqual([])
    })
  }
})

test('presenter view shows every slide with its notes', async ({ page }) => {
  test.setTimeout(60_000 + slides.length * 1_000)
  await page.goto(`#/presenter/1`)
  for (const s of slides) {
    // Move by the hash, as the presenter's own navigation does: no reload per slide.
    await page.evaluate(no => (location.hash = `#/presenter/${no}`), s.no)
    await expect(page.locator(`.slidev-page-${s.no}`).first()).toBeVisible()
    await expect(page.locator(`.slidev-page-${s.no}`).first().locator('h1, h2').first()).toContainText(s.title)
    // Every slide of the kit carries speaker notes.
    await expect(page.locator('.slidev-note').first()).not.toBeEmpty()
  }
})

test('overview lists every slide', async ({ page }) => {
  await page.goto('#/overview')
  for (const s of slides)
    await expect(page.getByText(s.title, { exact: false }).first()).toBeAttached()
  const mermaids = slides.reduce((n, s) => n + s.diagrams, 0)
  await expect(page.locator('.mermaid svg')).toHaveCount(mermaids)
})

test('the deck loads from its sub-path with no off-origin request', async ({ page, watch, baseURL }) => {
  const requests: string[] = []
  page.on('request', r => requests.push(r.url()))
  await page.goto('#/1')
  await settle(page, 1)
  // Walk the whole deck with the keyboard, as a learner would.
  // Clicks inside a slide take extra presses; the bound keeps a stuck deck from looping.
  const last = new RegExp(`#/${slides.length}(\\?|$)`)
  for (let i = 0; i < slides.length * 10 && !last.test(page.url()); i++)
    await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(last)
  expect(requests.length).toBeGreaterThan(0)
  expect(requests.every(u => u.startsWith(baseURL!) || u.startsWith('data:') || u.startsWith('blob:'))).toBe(true)
  expect(watch.offOrigin).toEqual([])
})
