/**
 * `npm run dev` with an authoring mistake: the server keeps running, prints
 * the problem in the terminal (`file:line field: message`, no stack trace),
 * shows an error box on the slide in place of the broken marker, and, once
 * the file is fixed and saved, says so and generates the slides again.
 * (That Vite's overlay shows the same lines in the browser was checked by
 * hand; see docs/authoring-errors.md.)
 */
import type { ChildProcess } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { FIXTURES } from './fixtures.ts'
import { copyProject, dispose, edit, read, ROOT, write } from './project.ts'

let child: ChildProcess | undefined
let root: string | undefined
afterAll(() => {
  if (child?.pid)
    process.kill(-child.pid, 'SIGTERM') // the dev server's own process group
  if (root)
    dispose(root)
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })
}

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    const v = await fn()
    if (v !== undefined)
      return v
    await new Promise(r => setTimeout(r, 250))
  }
  throw new Error(`timed out waiting for ${what}`)
}

it('keeps serving, prints the problem, shows it on the slide, and recovers when the file is fixed', async () => {
  root = copyProject()
  const marker = FIXTURES.find(f => f.id === 'marker-bank-typo')!
  const [message] = marker.apply(root)
  const port = await freePort()
  let log = ''
  child = spawn(process.execPath, [join(ROOT, 'node_modules/@slidev/cli/bin/slidev.mjs'), '--open', 'false', '--port', String(port)], { cwd: root, detached: true, env: { ...process.env, NO_COLOR: '1' } })
  child.stdout!.on('data', (d: Buffer) => (log += d))
  child.stderr!.on('data', (d: Buffer) => (log += d))

  await until('the problem in the terminal', () => log.includes(message) ? true : undefined)
  expect(log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  const slide = async (n: number) => {
    const r = await fetch(`http://localhost:${port}/__slidev/slides/${n}.json`).catch(() => undefined)
    return r?.ok ? await r.json() as { content: string } : undefined
  }
  await until('the dev server', () => slide(1))
  // The slide that held the marker now shows the error box, with the same message.
  let n = 1
  let box: string | undefined
  for (; ; n++) {
    const s = await slide(n)
    if (!s)
      break
    if (s.content.includes('kit-authoring-error')) {
      box = s.content
      break
    }
  }
  expect(box, 'a slide with the error box').toBeDefined()
  expect(box).toContain('Authoring error')
  expect(box).toContain('03&#45;repatriaton') // the message, escaped so the slide shows it as text

  // Fix the page: the terminal says so, and the quiz slides are generated in its place.
  edit(root, 'pages/03-repatriation.md', '<!-- kit:quiz 03-repatriaton -->', '<!-- kit:quiz 03-repatriation -->')
  await until('"fixed" in the terminal', () => log.includes('every authoring problem is fixed') ? true : undefined)
  await until('the quiz slide in place of the box', async () => (await slide(n))?.content.includes('<Quiz bank="03-repatriation" :question="1"') ? true : undefined)

  // Break a data file while the server runs: printed again, without restarting.
  write(root, 'sources/glossary.yaml', `${read(root, 'sources/glossary.yaml')}\n- term: X\n`)
  await until('the data problem in the terminal', () => /sources\/glossary\.yaml:\d+ \d+\.definition: required, but missing/.test(log) ? true : undefined)
  expect(child.exitCode).toBeNull()
}, 120_000)
