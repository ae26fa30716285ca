import { describe, expect, it } from 'vitest'
import { BROWSER_ENV, findChromium, INSTALL_HINT } from '../../lib/browser.ts'

const has = (...paths: string[]) => (p: string) => paths.includes(p)

describe('findChromium', () => {
  it('prefers the environment variable', () => {
    const c = findChromium({ env: { [BROWSER_ENV]: '/opt/chrome' }, exists: has('/opt/chrome', '/usr/bin/chromium') })
    expect(c).toEqual({ path: '/opt/chrome', from: 'env' })
  })

  it('rejects an environment variable that points nowhere, naming it', () => {
    expect(() => findChromium({ env: { [BROWSER_ENV]: '/nope' }, exists: has('/usr/bin/chromium') }))
      .toThrow(/KIT_CHROMIUM=\/nope does not exist/)
  })

  it('falls back to Debian\'s chromium', () => {
    expect(findChromium({ env: {}, exists: has('/usr/bin/chromium') })).toEqual({ path: '/usr/bin/chromium', from: 'system' })
  })

  it('then to Playwright\'s own browser', () => {
    const pw = '/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome'
    expect(findChromium({ env: {}, exists: has(pw), playwrightPath: () => pw })).toEqual({ path: pw, from: 'playwright' })
  })

  it('ignores a Playwright path that was never downloaded', () => {
    expect(() => findChromium({ env: {}, exists: has(), playwrightPath: () => '/missing/chrome' })).toThrow(INSTALL_HINT)
  })

  it('fails with one line that says what to install', () => {
    let message = ''
    try {
      findChromium({ env: {}, exists: has() })
    }
    catch (e) {
      message = (e as Error).message
    }
    expect(message).not.toContain('\n')
    expect(message).toContain('apt-get install chromium')
    expect(message).toContain('npx playwright install chromium')
  })
})
