/**
 * The classroom server over real HTTP: each test starts the server on a
 * free loopback port (the same `startClassServer` that `npm run class`
 * runs) and talks to it as phones and a presenter would, each phone from
 * its own loopback address.
 */
import type { ClassServer, Limits } from '../../lib/class/server.ts'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import QRCode from 'qrcode'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { classBank } from '../../lib/class/bank.ts'
import { matchingDisplay } from '../../lib/class/per-type.ts'
import { startClassServer } from '../../lib/class/server.ts'
import { classify, ledger, matching, multiple, numeric, ordering, q, single, truefalse } from '../unit/quiz/fixtures.ts'
import { openEvents, request } from './client.ts'

const questions = [single, multiple, truefalse, numeric, ordering, matching, classify].map(raw => q(raw))
const bank = classBank(questions, ledger)
const [S, M, TF, N, O, MA, C] = questions.map(x => x.id)
const TOKEN = 'test-token-abcdef123456'
const bearer = { Authorization: `Bearer ${TOKEN}` }
const phone = (n: number) => `phone-${String(n).padStart(12, '0')}`
/** The loopback address of phone n: 127.0.1.n, 127.0.2.n … */
const addr = (n: number) => `127.0.${1 + (n >> 8)}.${n & 255}`

let dir: string
const servers: ClassServer[] = []
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-class-http-'))
  // A stand-in for the built deck: its code holds notes and answers.
  mkdirSync(join(dir, 'deck', 'assets'), { recursive: true })
  writeFileSync(join(dir, 'deck', 'index.html'), '<!doctype html><title>deck</title><script src="./assets/app.js"></script>')
  writeFileSync(join(dir, 'deck', 'assets', 'app.js'), 'const notes = "PRESENTER NOTES"; const key = "ANSWER KEY"')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()))
})

async function start(opts: { session?: string | null, limits?: Partial<Limits>, joinDir?: string } = {}): Promise<ClassServer> {
  const s = await startClassServer({
    bank,
    token: TOKEN,
    sessionFile: opts.session === undefined ? null : opts.session,
    deckDir: join(dir, 'deck'),
    joinDir: opts.joinDir,
    host: '127.0.0.1',
    port: 0,
    limits: opts.limits,
  })
  servers.push(s)
  return s
}

const presenter = (s: ClassServer, action: string, body: unknown = {}) => request(s.origin, 'POST', `/api/class/presenter/${action}`, { body, headers: bearer })
const answer = (s: ClassServer, n: number, question: string, response: unknown) => request(s.origin, 'POST', '/api/class/answer', { body: { question, device: phone(n), response }, from: addr(n) })
const tallyOf = async (s: ClassServer, id: string) => (await request(s.origin, 'GET', `/api/class/presenter/tally/${id}`, { headers: bearer })).json()

describe('presenter actions need the token', () => {
  const actions: [string, string][] = [
    ['POST', 'open'],
    ['POST', 'close'],
    ['POST', 'reveal'],
    ['POST', 'reset'],
    ['POST', 'clear'],
    ['GET', 'state'],
    ['GET', 'events'],
    ['GET', `tally/${S}`],
    ['GET', 'export.csv'],
    ['GET', 'stats'],
  ]
  it.each(actions)('%s %s: 401 without a token, 403 with a wrong one, and nothing changes', async (method, action) => {
    const s = await start()
    const body = method === 'POST' ? { question: S } : undefined
    const none = await request(s.origin, method, `/api/class/presenter/${action}`, { body })
    expect(none.status).toBe(401)
    expect(none.headers['www-authenticate']).toMatch(/Bearer/)
    const wrong = await request(s.origin, method, `/api/class/presenter/${action}`, { body, headers: { Authorization: 'Bearer not-the-token-000000' } })
    expect(wrong.status).toBe(403)
    const cookie = await request(s.origin, method, `/api/class/presenter/${action}`, { body, headers: { Cookie: 'kit_class=not-the-token-000000' } })
    expect(cookie.status).toBe(403)
    expect(s.session.presenterState()).toMatchObject({ seq: 0, phase: 'idle' })
  })

  it('with the token (header or cookie) they work', async () => {
    const s = await start()
    expect((await presenter(s, 'open', { question: S })).status).toBe(200)
    const st = await request(s.origin, 'GET', '/api/class/presenter/state', { headers: { Cookie: `kit_class=${TOKEN}` } })
    expect(st.status).toBe(200)
    expect(st.json()).toMatchObject({ phase: 'open', question: S, tally: { answered: 0 } })
  })
})

describe('answers', () => {
  it('to a closed, revealed, not-open or unknown question: 409 or 400, and nothing counted', async () => {
    const s = await start()
    const none = await answer(s, 1, S, 1)
    expect(none.status).toBe(409)
    expect(none.json().error).toMatch(/no question is open/)
    await presenter(s, 'open', { question: S })
    const other = await answer(s, 1, N, 39000)
    expect(other.status).toBe(409)
    const unknown = await answer(s, 1, 'q99-made-up', 1)
    expect(unknown.status).toBe(400)
    expect(unknown.json().error).toMatch(/No question “q99-made-up”/)
    await presenter(s, 'close', { question: S })
    const closed = await answer(s, 1, S, 1)
    expect(closed.status).toBe(409)
    expect(closed.json().error).toMatch(/closed/)
    await presenter(s, 'open', { question: S })
    await presenter(s, 'reveal', { question: S })
    const revealed = await answer(s, 1, S, 1)
    expect(revealed.status).toBe(409)
    expect(revealed.json().error).toMatch(/revealed/)
    expect((await tallyOf(s, S)).answered).toBe(0)
  })

  it('an invalid response for the type: 400 with a message saying why', async () => {
    const s = await start()
    const cases: [string, unknown, RegExp][] = [
      [S, 7, /Choose one option: send its number, 0 to 2/],
      [M, [], /at least one option/],
      [TF, 'yes', /true or false/],
      [N, 'a lot', /“a lot” is not a figure/],
      [O, [0, 1, 2], /Put the 4 items in order/],
      [MA, [0, 1], /Match all 3 rows/],
      [C, ['fact', 'fact', 'maybe'], /Mark all 3 statements/],
    ]
    for (const [id, response, message] of cases) {
      await presenter(s, 'open', { question: id })
      const r = await answer(s, 1, id, response)
      expect(r.status, id).toBe(400)
      expect(r.json().error, id).toMatch(message)
      expect((await tallyOf(s, id)).answered).toBe(0)
    }
    const noDevice = await request(s.origin, 'POST', '/api/class/answer', { body: { question: C, response: ['fact', 'fact', 'fact'] } })
    expect(noDevice.status).toBe(400)
    expect(noDevice.json().error).toMatch(/device/)
    const notJson = await request(s.origin, 'POST', '/api/class/answer', { body: '{"question":', headers: { 'Content-Type': 'application/json' } })
    expect(notJson.status).toBe(400)
    expect(notJson.json().error).toMatch(/not valid JSON/)
    const form = await request(s.origin, 'POST', '/api/class/answer', { body: 'question=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(form.status).toBe(415)
  })

  it('an oversized body: 413, whether declared or streamed', async () => {
    const s = await start()
    await presenter(s, 'open', { question: S })
    const big = { question: S, device: phone(1), response: 1, padding: 'x'.repeat(5000) }
    const declared = await request(s.origin, 'POST', '/api/class/answer', { body: big })
    expect(declared.status).toBe(413)
    expect(declared.json().error).toMatch(/larger than 4096 bytes/)
    const streamed = await request(s.origin, 'POST', '/api/class/answer', { body: big, chunked: true, from: addr(2) })
    expect(streamed.status).toBe(413)
    const huge = await request(s.origin, 'POST', '/api/class/answer', { body: { ...big, padding: 'x'.repeat(3 * 1024 * 1024) }, from: addr(3) }).catch(e => ({ status: 0, error: e as Error }))
    // Past 1 MiB the server answers at once and closes the connection; the client may see the 413 or a closed socket, never a 200.
    expect([0, 413]).toContain(huge.status)
    const command = await request(s.origin, 'POST', '/api/class/presenter/open', { body: { question: S, padding: 'x'.repeat(2000) }, headers: bearer })
    expect(command.status).toBe(413)
    expect((await tallyOf(s, S)).answered).toBe(0)
    // The server still answers after all that.
    expect((await answer(s, 4, S, 1)).status).toBe(200)
  })

  it('a burst from one address: 429 with Retry-After, while other addresses still answer', async () => {
    const s = await start()
    await presenter(s, 'open', { question: S })
    const statuses: number[] = []
    for (let i = 0; i < 40; i++)
      statuses.push((await answer(s, 1, S, i % 3)).status)
    expect(statuses.slice(0, 20).every(x => x === 200)).toBe(true)
    expect(statuses.filter(x => x === 429).length).toBeGreaterThanOrEqual(15)
    const limited = await answer(s, 1, S, 0)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect((await answer(s, 2, S, 0)).status).toBe(200)
    expect((await tallyOf(s, S)).answered).toBe(2)
  })

  it('a burst of other API requests from one address: 429 too', async () => {
    const s = await start({ limits: { api: { burst: 5, perSecond: 0.5 } } })
    const statuses = await Promise.all(Array.from({ length: 8 }, () => request(s.origin, 'GET', '/api/class/state', { from: addr(9) }).then(r => r.status)))
    expect(statuses.filter(x => x === 200)).toHaveLength(5)
    expect(statuses.filter(x => x === 429)).toHaveLength(3)
  })

  it('one address cannot stuff the tally by inventing devices', async () => {
    const s = await start()
    await presenter(s, 'open', { question: S })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const r = await request(s.origin, 'POST', '/api/class/answer', { body: { question: S, device: phone(100 + i), response: 0 }, from: addr(50) })
      statuses.push(r.status)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429])
    expect((await tallyOf(s, S)).answered).toBe(4)
  })

  it('resubmission replaces: three phones, one answering twice, count 3', async () => {
    const s = await start()
    await presenter(s, 'open', { question: S })
    expect((await answer(s, 1, S, 0)).json()).toMatchObject({ ok: true, replaced: false, response: 0 })
    expect((await answer(s, 2, S, 1)).status).toBe(200)
    expect((await answer(s, 3, S, 1)).status).toBe(200)
    expect((await answer(s, 1, S, 1)).json()).toMatchObject({ ok: true, replaced: true, response: 1 })
    const t = await tallyOf(s, S)
    expect(t.answered).toBe(3)
    expect(t.choices.map((c: { count: number }) => c.count)).toEqual([0, 3, 0])
    expect(t.right).toBe(3)
  })
})

describe('what students can reach', () => {
  it('not the deck, its code or the answer key without the token', async () => {
    const s = await start()
    for (const path of ['/deck/', '/deck/index.html', '/deck/assets/app.js', '/deck/../deck/assets/app.js', '/deck/%2e%2e/deck/assets/app.js']) {
      const r = await request(s.origin, 'GET', path)
      expect(r.status, path).toBe(403)
      expect(r.text, path).not.toMatch(/PRESENTER NOTES|ANSWER KEY/)
    }
    for (const path of ['/assets/app.js', '/index.html', '/dist/index.html'])
      expect((await request(s.origin, 'GET', path)).status, path).toBe(404)
    const wrongCookie = await request(s.origin, 'GET', '/deck/assets/app.js', { headers: { Cookie: 'kit_class=guess-guess-guess' } })
    expect(wrongCookie.status).toBe(403)
    expect((await request(s.origin, 'GET', '/deck/assets/app.js', { headers: { Cookie: `kit_class=${TOKEN}` } })).text).toContain('ANSWER KEY')
    const index = await request(s.origin, 'GET', '/deck/', { headers: { Cookie: `kit_class=${TOKEN}` } })
    expect(index.status).toBe(200)
    expect(index.text).toContain('./assets/app.js')
  })

  it('no answer, explanation or count before the reveal; the results once revealed', async () => {
    const s = await start()
    await presenter(s, 'open', { question: MA })
    await answer(s, 1, MA, [0, 1, 2])
    const state = await request(s.origin, 'GET', `/api/class/state?device=${phone(1)}`)
    expect(state.json()).toMatchObject({ phase: 'open', question: { id: MA, type: 'matching' }, mine: [0, 1, 2] })
    expect(state.text).not.toMatch(/correct|explanation|"why"|"fact"|"count"|answered/)
    expect(state.json().question.rights).toEqual(matchingDisplay(questions[5] as never).map(j => (questions[5] as { pairs: { right: string }[] }).pairs[j].right))
    const early = await request(s.origin, 'GET', `/api/class/results/${MA}`)
    expect(early.status).toBe(403)
    await presenter(s, 'reveal', { question: MA })
    const results = await request(s.origin, 'GET', `/api/class/results/${MA}`)
    expect(results.status).toBe(200)
    expect(results.json()).toMatchObject({ explanation: questions[5].explanation, tally: { answered: 1, kind: 'grid' } })
    const after = (await request(s.origin, 'GET', '/api/class/state')).json()
    expect(after.reveal.tally.answered).toBe(1)
  })

  it('a ?token= link sets an HttpOnly SameSite=Strict cookie and redirects without it', async () => {
    const s = await start()
    const r = await request(s.origin, 'GET', `/deck/?token=${TOKEN}&x=1`)
    expect(r.status).toBe(303)
    expect(r.headers.location).toBe('/deck/?x=1')
    const cookie = r.headers['set-cookie']![0]
    expect(cookie).toMatch(new RegExp(`^kit_class=${TOKEN};`))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const bad = await request(s.origin, 'GET', '/deck/?token=nope-nope-nope')
    expect(bad.status).toBe(403)
    expect(bad.headers['set-cookie']).toBeUndefined()
  })

  it('the root sends students to the join page and the presenter to the deck', async () => {
    const s = await start()
    expect((await request(s.origin, 'GET', '/')).headers.location).toBe('/join/')
    expect((await request(s.origin, 'GET', '/', { headers: { Cookie: `kit_class=${TOKEN}` } })).headers.location).toBe('/deck/')
    // No built join page (no joinDir): a page saying to build the kit first, not a quiz.
    const join = await request(s.origin, 'GET', '/join/')
    expect(join.status).toBe(503)
    expect(join.headers['content-type']).toMatch(/text\/html/)
    expect(join.headers['content-security-policy']).toMatch(/default-src 'none'/)
    expect(join.text).toContain('npm run build')
  })

  it('serves a built join page to anyone, with a policy that keeps it to its own files and this server', async () => {
    const built = join(dir, 'join-built')
    mkdirSync(join(built, 'assets'), { recursive: true })
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>Join</title><script type="module" src="./assets/app.js"></script>')
    writeFileSync(join(built, 'assets', 'app.js'), 'console.log(1)')
    const s = await start({ joinDir: built })
    const page = await request(s.origin, 'GET', '/join/')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<title>Join</title>')
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'.*connect-src 'self'/)
    const js = await request(s.origin, 'GET', '/join/assets/app.js')
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toMatch(/javascript/)
  })

  it('the QR endpoint returns an SVG of the join URL', async () => {
    const s = await start()
    const r = await request(s.origin, 'GET', '/api/class/qr.svg')
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toMatch(/^image\/svg\+xml/)
    expect(r.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(r.text).toBe(await QRCode.toString(s.joinUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }))
    expect((await request(s.origin, 'GET', '/api/class/info')).json()).toEqual({ joinUrl: s.joinUrl, qr: '/api/class/qr.svg' })
  })

  it('wrong methods and unknown endpoints are refused', async () => {
    const s = await start()
    expect((await request(s.origin, 'GET', '/api/class/answer')).status).toBe(405)
    expect((await request(s.origin, 'POST', '/api/class/state', { body: {} })).status).toBe(405)
    expect((await request(s.origin, 'GET', '/api/class/nope')).status).toBe(404)
    expect((await request(s.origin, 'GET', '/api/class/results/%E0%A4%A')).status).toBe(400)
    expect((await request(s.origin, 'POST', '/deck/', { body: {} })).status).toBe(405)
  })
})

describe('live updates and reconnection', () => {
  it('phones hear state changes, never answers; the presenter hears the tally', async () => {
    const s = await start({ limits: { tallyEveryMs: 50 } })
    const phoneStream = await openEvents(s.origin, `/api/class/events?device=${phone(1)}`, { from: addr(1) })
    const presenterStream = await openEvents(s.origin, '/api/class/presenter/events', { headers: bearer })
    expect(phoneStream.status).toBe(200)
    expect((await phoneStream.next(e => e.event === 'state')).data).toEqual({ seq: 0, phase: 'idle', question: null })
    await presenterStream.next(e => e.data.phase === 'idle')

    await presenter(s, 'open', { question: TF })
    const opened = await phoneStream.next(e => e.data.phase === 'open')
    expect(opened.data.question).toEqual({ type: 'truefalse', id: TF, stem: questions[2].stem })

    const before = phoneStream.events.length
    await answer(s, 1, TF, true)
    await answer(s, 2, TF, false)
    const live = await presenterStream.next(e => e.data.tally?.answered === 2)
    expect(live.data.tally.choices.map((c: { count: number }) => c.count)).toEqual([1, 1])
    await new Promise(r => setTimeout(r, 150))
    expect(phoneStream.events.length).toBe(before)

    await presenter(s, 'reveal', { question: TF })
    const revealed = await phoneStream.next(e => e.data.phase === 'revealed')
    expect(revealed.data.reveal).toMatchObject({ answer: false, tally: { answered: 2 } })
    phoneStream.close()
    presenterStream.close()
  })

  it('a phone that reconnects gets its own answer back; a reloaded presenter gets the tally', async () => {
    const s = await start()
    await presenter(s, 'open', { question: C })
    await answer(s, 7, C, ['interpretation', 'fact', 'fact'])
    await answer(s, 8, C, ['fact', 'fact', 'fact'])
    const again = await openEvents(s.origin, `/api/class/events?device=${phone(7)}`, { from: addr(7) })
    expect((await again.next(e => e.event === 'state')).data).toMatchObject({ phase: 'open', question: { id: C }, mine: ['interpretation', 'fact', 'fact'] })
    again.close()
    const fresh = await openEvents(s.origin, `/api/class/events?device=${phone(99)}`, { from: addr(99) })
    expect((await fresh.next(e => e.event === 'state')).data.mine).toBeNull()
    fresh.close()
    const reloaded = await openEvents(s.origin, '/api/class/presenter/events', { headers: bearer })
    const first = await reloaded.next(e => e.event === 'state')
    expect(first.data.tally).toMatchObject({ question: C, answered: 2, right: 1 })
    reloaded.close()
  })

  it('limits open streams per address', async () => {
    const s = await start({ limits: { streamsPerAddress: 2 } })
    const a = await openEvents(s.origin, '/api/class/events', { from: addr(20) })
    const b = await openEvents(s.origin, '/api/class/events', { from: addr(20) })
    const c = await request(s.origin, 'GET', '/api/class/events', { from: addr(20) })
    expect(c.status).toBe(429)
    const d = await openEvents(s.origin, '/api/class/events', { from: addr(21) })
    expect([a.status, b.status, d.status]).toEqual([200, 200, 200])
    for (const x of [a, b, d]) x.close()
  })
})

describe('restart', () => {
  it('keeps the tallies, the open question and each device’s answer', async () => {
    const file = join(dir, 'restart', 'session.jsonl')
    const a = await start({ session: file })
    await presenter(a, 'open', { question: S })
    await answer(a, 1, S, 0)
    await answer(a, 2, S, 1)
    await presenter(a, 'reveal', { question: S })
    await presenter(a, 'open', { question: N })
    await answer(a, 1, N, '39,000')
    await answer(a, 3, N, 'about 40,000 people')
    const tallyS = await tallyOf(a, S)
    const tallyN = await tallyOf(a, N)
    await a.close()
    servers.splice(servers.indexOf(a), 1)

    const b = await start({ session: file })
    expect(b.file?.resumed).toBe(true)
    expect(b.notices).toEqual([])
    expect(await tallyOf(b, S)).toEqual(tallyS)
    expect(await tallyOf(b, N)).toEqual(tallyN)
    expect((await request(b.origin, 'GET', `/api/class/state?device=${phone(3)}`)).json()).toMatchObject({ phase: 'open', question: { id: N }, mine: 40000 })
    // Answering again after the restart replaces, it does not add.
    expect((await answer(b, 3, N, 39000)).json()).toMatchObject({ replaced: true })
    expect((await tallyOf(b, N)).answered).toBe(2)
    expect((await answer(b, 4, S, 1)).status).toBe(409)

    const text = readFileSync(file, 'utf8')
    expect(text).not.toMatch(/phone-0|127\.0\.|about 40,000/)
    const csv = await request(b.origin, 'GET', '/api/class/presenter/export.csv', { headers: bearer })
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="class-session-\d{4}-\d{2}-\d{2}\.csv"/)
    const lines = csv.text.split('\r\n')
    expect(lines[0]).toBe('\uFEFFquestion,stem,choice,count,correct')
    expect(lines.filter(l => l.includes('(answered)')).map(l => l.split(',').at(-2))).toEqual(['2', '2'])
  })
})
