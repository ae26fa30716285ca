/**
 * Find a Chromium for the tests, the PDF export and the benchmark.
 *
 * Order: the `KIT_CHROMIUM` environment variable, Debian's `/usr/bin/chromium`,
 * then the browser Playwright downloaded (`npx playwright install chromium`).
 * When none exists, `findChromium` throws one line saying what to install,
 * so nothing hangs and nothing passes silently.
 */
import { existsSync } from 'node:fs'

/** Name of the environment variable that points at a Chromium or Chrome binary. */
export const BROWSER_ENV = 'KIT_CHROMIUM'

/** Debian's and Ubuntu's system Chromium, in the order tried. */
export const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

export const INSTALL_HINT = 'No Chromium found: install one with `apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set KIT_CHROMIUM=/path/to/chrome'

export interface BrowserChoice {
  path: string
  /** Where it came from: `env`, `system` or `playwright`. */
  from: 'env' | 'system' | 'playwright'
}

export interface FindOptions {
  env?: Record<string, string | undefined>
  exists?: (p: string) => boolean
  /** Path of Playwright's own downloaded browser, if any (injected for tests). */
  playwrightPath?: () => string | undefined
}

/** Pure search over the candidates; throws `Error(INSTALL_HINT)` when none exists. */
export function findChromium(opts: FindOptions = {}): BrowserChoice {
  const env = opts.env ?? process.env
  const exists = opts.exists ?? existsSync
  const fromEnv = env[BROWSER_ENV]
  if (fromEnv) {
    if (!exists(fromEnv))
      throw new Error(`${BROWSER_ENV}=${fromEnv} does not exist. ${INSTALL_HINT}`)
    return { path: fromEnv, from: 'env' }
  }
  for (const p of SYSTEM_CANDIDATES) {
    if (exists(p))
      return { path: p, from: 'system' }
  }
  const pw = opts.playwrightPath?.()
  if (pw && exists(pw))
    return { path: pw, from: 'playwright' }
  throw new Error(INSTALL_HINT)
}

/** Chromium flags that keep a headless run off the network and quiet on a closed machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]
