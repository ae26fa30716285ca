import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS } from './lib/browser.ts'
import { resolveChromium } from './scripts/browser.ts'

/** A port nothing listens on, so `npm test` never collides with `npm run preview` or a stale server. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** Port and sub-path the built deck is served under during e2e tests. Set once, inherited by the workers. */
process.env.KIT_E2E_PORT ??= String(await freePort())
export const PORT = Number(process.env.KIT_E2E_PORT)
export const BASE_PATH = '/kit/sub/'

// Fails here, with one line saying what to install, when there is no browser.
const browser = resolveChromium()

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'exports/e2e-report' }]] : 'list',
  outputDir: '.playwright',
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: browser.path, args: CHROMIUM_ARGS },
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx tsx scripts/serve.ts --port ${PORT} --base ${BASE_PATH}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    // Never reuse: a server started before a rebuild serves a stale file list.
    reuseExistingServer: false,
    timeout: 30_000,
  },
})
