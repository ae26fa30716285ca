/**
 * Node-side wrapper over `lib/browser.ts` that also knows where Playwright
 * keeps its own downloaded Chromium. Prints nothing; callers report errors.
 */
import { createRequire } from 'node:module'
import { findChromium } from '../lib/browser.ts'

function playwrightPath(): string | undefined {
  try {
    const require = createRequire(import.meta.url)
    const { chromium } = require('playwright-core') as typeof import('playwright-core')
    return chromium.executablePath()
  }
  catch {
    return undefined
  }
}

export function resolveChromium() {
  return findChromium({ playwrightPath })
}

// `tsx scripts/browser.ts` prints the chosen path, or the install hint and exit 1.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const c = resolveChromium()
    console.log(`${c.path} (${c.from})`)
  }
  catch (e) {
    console.error((e as Error).message)
    process.exit(1)
  }
}
