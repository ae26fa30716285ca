/**
 * `npm run export`: write the slide deck to `exports/<exportFilename>.pdf`
 * with a Chromium found by `scripts/browser.ts` (KIT_CHROMIUM, Debian's
 * /usr/bin/chromium, or Playwright's own).
 *
 * Extra arguments after `--` go to `slidev export` unchanged.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { resolveChromium } from './browser.ts'

export const EXPORT_DIR = 'exports'
export const DECK_PDF = `${EXPORT_DIR}/repatriation-leverage.pdf`

let chromium
try {
  chromium = resolveChromium()
}
catch (e) {
  console.error(`export: ${(e as Error).message}`)
  process.exit(1)
}

mkdirSync(EXPORT_DIR, { recursive: true })
const args = [
  'slidev', 'export', 'slides.md',
  '--output', DECK_PDF,
  '--executable-path', chromium.path,
  '--timeout', '120000',
  '--wait-until', 'networkidle',
  '--with-toc',
  ...process.argv.slice(2),
]
console.log(`export: using ${chromium.path} (${chromium.from})`)
const started = Date.now()
const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } })
if (r.status !== 0) {
  console.error(`export: slidev export failed (exit ${r.status})`)
  process.exit(r.status ?? 1)
}
console.log(`export: wrote ${DECK_PDF} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
