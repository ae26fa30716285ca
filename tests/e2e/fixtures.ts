/**
 * A Playwright fixture that records everything a person would notice going
 * wrong: console errors, uncaught page errors, failed requests, and any
 * request that leaves the deck's own origin.
 */
import { test as base, expect, type Page } from '@playwright/test'

export interface Watch {
  errors: string[]
  offOrigin: string[]
}

export const test = base.extend<{ watch: Watch }>({
  // Automatic: every test, whether it asks for `watch` or not, fails on these.
  watch: [async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin
    const watch: Watch = { errors: [], offOrigin: [] }
    page.on('console', (m) => {
      if (m.type() === 'error')
        watch.errors.push(`console: ${m.text()}`)
    })
    page.on('pageerror', e => watch.errors.push(`pageerror: ${e.message}`))
    page.on('requestfailed', r => watch.errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`))
    page.on('request', (r) => {
      const u = r.url()
      if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)
        watch.offOrigin.push(u)
    })
    await use(watch)
    expect(watch.offOrigin, 'requests outside the deck origin').toEqual([])
    expect(watch.errors, 'console or page errors').toEqual([])
  }, { auto: true }],
})

export { expect }

/** Wait until Slidev shows slide `no` and its fonts and diagrams have settled. */
export async function settle(page: Page, no: number) {
  const slide = page.locator(`.slidev-page-${no}`).first()
  await expect(slide).toBeVisible()
  await page.evaluate(() => document.fonts.ready)
  // Mermaid renders asynchronously into a shadow root; wait for every block.
  const blocks = slide.locator('.mermaid')
  const n = await blocks.count()
  for (let i = 0; i < n; i++)
    await expect(blocks.nth(i).locator('svg').first()).toBeVisible()
  return slide
}
