/**
 * Axe for scanning the whole deck: the same axe-core engine that
 * @axe-core/playwright runs, injected once per page and run with
 * `resultTypes: ['violations']`. AxeBuilder re-injects the 500 kB engine on
 * every call and gathers every passing node too, which made a scan of every
 * slide in three views take several minutes; the quiz tests still use
 * AxeBuilder itself.
 */
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface Violation {
  id: string
  impact: string | null
  targets: string[]
}

/** WCAG 2.2 AA violations on the page, or inside `include` selectors only, leaving out what `exclude` selects. */
export async function axeViolations(page: Page, include?: string[], exclude: string[] = []): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: source })
  return page.evaluate(async ({ include, exclude, tags }) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string, impact: string | null, nodes: { target: string[] }[] }[] }> } }).axe
    const context = include?.length || exclude.length
      ? { include: include?.length ? include.map(s => [s]) : [['html']], exclude: exclude.map(s => [s]) }
      : document
    const r = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return r.violations.map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))
  }, { include, exclude, tags: WCAG_TAGS })
}
