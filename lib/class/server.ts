/**
 * The classroom server's HTTP layer: the built lecture deck for the
 * presenter only, the join page for everyone, and the answer API, with
 * live updates by Server-Sent Events. Every rule is enforced here, on the
 * server: the page only shows what the server lets through.
 *
 * A small Node server rather than Slidev's dev server: the static build and
 * this API need no Vite on the lecturer's laptop, and expose none of
 * Slidev's write channels (slide sync, drawings) to the room.
 *
 * Routes (see docs/classroom.md for payloads):
 *
 *   /                         → /deck/ for the presenter, /join/ for everyone else
 *   /deck/…                   the built deck; presenter only (its code holds notes and answers)
 *   /join/…                   the join page (dist/join/, or a minimal built-in page)
 *   any page URL with ?token= sets the presenter cookie and redirects without it
 *
 *   GET  /api/class/info                 public: join URL
 *   GET  /api/class/qr.svg               public: QR code of the join URL
 *   GET  /api/class/state?device=…       public: the current state (+ this device's answer)
 *   GET  /api/class/events?device=…      public: SSE stream of `state` events
 *   POST /api/class/answer               public: { question, device, response }
 *   GET  /api/class/results/:id          public once revealed: answer and counts
 *
 *   GET  /api/class/presenter/state      presenter: state with the live tally
 *   GET  /api/class/presenter/events     presenter: SSE stream of `state` events
 *   GET  /api/class/presenter/tally/:id  presenter: counts of any question
 *   POST /api/class/presenter/{open,close,reveal,reset}  { question }
 *   POST /api/class/presenter/clear      {}
 *   GET  /api/class/presenter/export.csv presenter: anonymous CSV of the session
 *   GET  /api/class/presenter/stats      presenter: memory and connections
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ClassBank } from './bank.ts'
import type { BucketOptions } from './rate.ts'
import type { PresenterState, PublicState, SessionRecord } from './session.ts'
import type { SessionFile } from './store.ts'
import { createHash, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import QRCode from 'qrcode'
import sirv from 'sirv'
import { sessionCsv } from './csv.ts'
import { joinPlaceholder } from './join-page.ts'
import { origin } from './net.ts'
import { clientAddress, DeviceCap, RateLimiter } from './rate.ts'
import { ClassSession } from './session.ts'
import { newSalt, openSessionFile } from './store.ts'

export interface Limits {
  /** Largest answer body, in bytes. */
  answerBody: number
  /** Largest presenter command body, in bytes. */
  commandBody: number
  /** Answers per address. */
  answers: BucketOptions
  /** Other API requests per address (state, stream connections, QR, results, presenter calls, failed tokens). */
  api: BucketOptions
  /** Distinct devices one address may answer one question with. */
  devicesPerAddress: number
  /** Open event streams per address, and in all. */
  streamsPerAddress: number
  streams: number
  /** Presenter tally updates at most this often while answers arrive, in ms. */
  tallyEveryMs: number
  /** A comment line on every stream this often, so proxies and phones keep it open, in ms. */
  pingEveryMs: number
}

/**
 * Limits a real classroom never reaches: a phone sends one answer per
 * change, and even a student changing their mind every second stays well
 * under 20 at once and 2 a second. LAN phones have their own addresses.
 */
export const DEFAULT_LIMITS: Limits = {
  answerBody: 4 * 1024,
  commandBody: 1024,
  answers: { burst: 20, perSecond: 2 },
  api: { burst: 120, perSecond: 20 },
  devicesPerAddress: 4,
  streamsPerAddress: 6,
  streams: 2000,
  tallyEveryMs: 200,
  pingEveryMs: 20_000,
}

export interface ClassServerOptions {
  bank: ClassBank
  /** The presenter token. */
  token: string
  /** Session file to append to and resume from; `null` keeps the session in memory only. */
  sessionFile: string | null
  /** Folder of the built deck (served under /deck/ to the presenter); none → a page saying how to build it. */
  deckDir?: string
  /** Folder of the built join page (served under /join/); none → the built-in minimal page. */
  joinDir?: string
  /** Default 127.0.0.1. Only class mode (scripts/class.ts) passes a LAN address. */
  host?: string
  /** Default 4180; 0 picks a free port. */
  port?: number
  /** The host name printed and put in the QR code, when it differs from `host` (e.g. 0.0.0.0). */
  publicHost?: string
  limits?: Partial<Limits>
  /** One line per presenter command and notice. Never receives an address, a device id or an answer. */
  log?: (line: string) => void
}

export interface ClassServer {
  server: Server
  session: ClassSession
  file: SessionFile | undefined
  host: string
  port: number
  /** `http://host:port` */
  origin: string
  /** What students open (and the QR code holds). */
  joinUrl: string
  /** The deck's presenter view, with the token. */
  presenterUrl: string
  /** The anonymous CSV of the session so far. */
  csv: () => string
  /** Problems met reading the session file back. */
  notices: string[]
  close: () => Promise<void>
}

const COOKIE = 'kit_class'
/** Set on every file of the deck: the deck knows it is served by the classroom server (components/class/server.ts). */
export const DECK_MARKER = 'kit_class_deck'
const JSON_TYPE = 'application/json; charset=utf-8'
const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
}

/** The built join page: its own scripts, styles and fonts, the colour-scheme line inline, and this server's API. */
const JOIN_CSP = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'"

function sha(s: string): Buffer {
  return createHash('sha256').update(s).digest()
}

/** Constant-time comparison of a presented token with the real one. */
export function tokenMatches(presented: string, token: string): boolean {
  return timingSafeEqual(sha(presented), sha(token))
}

/** The value of cookie `name` in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=')
    if (i > 0 && part.slice(0, i).trim() === name)
      return decodeURIComponent(part.slice(i + 1).trim())
  }
  return undefined
}

type Auth = 'presenter' | 'none' | 'wrong'

function authOf(req: IncomingMessage, token: string): Auth {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
  const presented = bearer ?? cookieValue(req.headers.cookie, COOKIE)
  if (presented === undefined)
    return 'none'
  return tokenMatches(presented, token) ? 'presenter' : 'wrong'
}

function send(res: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}): void {
  if (res.headersSent)
    return
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...headers })
  res.end(body)
}

function json(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(data), JSON_TYPE, headers)
}

function fail(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  json(res, status, { error: message }, headers)
}

/** A path segment decoded, or itself when it is not valid percent-encoding. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  }
  catch {
    return segment
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  send(res, status, `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><body style="font:1.1rem/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem"><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1><p>${text}</p></body></html>`, 'text/html; charset=utf-8')
}

type Body = { ok: true, data: unknown } | { ok: false, status: number, message: string }

/**
 * Read a JSON body of at most `limit` bytes. Larger bodies get 413: read
 * and thrown away up to 1 MiB (so the client sees the answer rather than a
 * reset connection), and the connection closed beyond that.
 */
function readJson(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((done) => {
    const type = req.headers['content-type'] ?? ''
    if (!/^application\/json\s*(?:;|$)/i.test(type)) {
      req.resume()
      done({ ok: false, status: 415, message: 'Send the body as JSON, with Content-Type: application/json.' })
      return
    }
    const declared = Number(req.headers['content-length'] ?? Number.NaN)
    const tooBig = { ok: false as const, status: 413, message: `The body is larger than ${limit} bytes.` }
    const DRAIN = 1024 * 1024
    if (declared > DRAIN) {
      done(tooBig)
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = declared > limit
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit)
        over = true
      if (size > DRAIN) {
        req.destroy()
        return
      }
      if (!over)
        chunks.push(c)
    })
    req.on('end', () => {
      if (over)
        return done(tooBig)
      try {
        done({ ok: true, data: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
      }
      catch {
        done({ ok: false, status: 400, message: 'The body is not valid JSON.' })
      }
    })
    req.on('error', () => done({ ok: false, status: 400, message: 'The request was cut short.' }))
    req.on('close', () => {
      if (size > DRAIN)
        done(tooBig)
    })
  })
}

/** An open Server-Sent Events response. */
interface Stream {
  res: ServerResponse
  address: string
  presenter: boolean
  device?: string
}

/** Start the classroom server; resolves once it listens. */
export async function startClassServer(opts: ClassServerOptions): Promise<ClassServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits }
  const log = opts.log ?? (() => {})
  const host = opts.host ?? '127.0.0.1'

  // ── Session, resumed from its file ──────────────────────────────────────
  let file: SessionFile | undefined
  let pending: SessionRecord[] = []
  if (opts.sessionFile) {
    file = openSessionFile(opts.sessionFile)
    pending = file.records
  }
  const session = new ClassSession({
    questions: opts.bank.questions,
    ledger: opts.bank.ledger,
    classIds: opts.bank.classIds,
    salt: file?.salt ?? newSalt(),
    onRecord: r => file?.append(r),
  })
  for (const r of pending)
    session.replay(r)
  const notices = [...(file?.notices ?? []), ...session.notices]

  const answerLimiter = new RateLimiter(limits.answers)
  const apiLimiter = new RateLimiter(limits.api)
  const deviceCap = new DeviceCap(limits.devicesPerAddress)

  // ── Static folders ──────────────────────────────────────────────────────
  const deck = opts.deckDir && existsSync(opts.deckDir) ? sirv(opts.deckDir, { dev: false, etag: true, single: false, dotfiles: false }) : undefined
  const join = opts.joinDir && existsSync(opts.joinDir) ? sirv(opts.joinDir, { dev: false, etag: true, single: false, dotfiles: false }) : undefined

  // ── Streams ─────────────────────────────────────────────────────────────
  const streams = new Set<Stream>()
  const streamsOf = (address: string) => [...streams].filter(s => s.address === address).length
  /** A stream whose client reads nothing (1 MiB waiting) is dropped rather than buffered without end. */
  const write = (s: Stream, chunk: string) => {
    if (s.res.writableLength > 1024 * 1024) {
      s.res.destroy()
      streams.delete(s)
      return
    }
    s.res.write(chunk)
  }
  const event = (name: string, data: unknown, id: number) => `id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`
  const publicState = (device?: string): PublicState => session.publicState(device)
  const presenterState = (): PresenterState => session.presenterState()

  function broadcastPublic() {
    // One body for everyone; a device's own answer is sent only on connection and with its own requests.
    const body = event('state', publicState(), session.stateSeq)
    for (const s of streams) {
      if (!s.presenter)
        write(s, body)
    }
  }
  function broadcastPresenter() {
    const body = event('state', presenterState(), session.seq)
    for (const s of streams) {
      if (s.presenter)
        write(s, body)
    }
  }
  let tallyTimer: NodeJS.Timeout | undefined
  function tallyChanged() {
    tallyTimer ??= setTimeout(() => {
      tallyTimer = undefined
      broadcastPresenter()
    }, limits.tallyEveryMs)
  }
  function stateChanged() {
    if (tallyTimer) {
      clearTimeout(tallyTimer)
      tallyTimer = undefined
    }
    broadcastPublic()
    broadcastPresenter()
  }
  const ping = setInterval(() => {
    for (const s of streams) write(s, ': ping\n\n')
  }, limits.pingEveryMs)
  ping.unref()
  const prune = setInterval(() => {
    answerLimiter.prune()
    apiLimiter.prune()
  }, 60_000)
  prune.unref()

  function openStream(req: IncomingMessage, res: ServerResponse, address: string, presenter: boolean, device?: string) {
    if (streams.size >= limits.streams || streamsOf(address) >= limits.streamsPerAddress)
      return fail(res, 429, 'Too many open streams.', { 'Retry-After': '10' })
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'Connection': 'keep-alive', 'X-Accel-Buffering': 'no' })
    res.flushHeaders()
    const s: Stream = { res, address, presenter, device }
    streams.add(s)
    // The first event is the current state: a window that reconnects needs nothing else.
    res.write('retry: 2000\n\n')
    res.write(presenter ? event('state', presenterState(), session.seq) : event('state', publicState(device), session.stateSeq))
    req.on('close', () => streams.delete(s))
  }

  // ── QR code ─────────────────────────────────────────────────────────────
  let qrSvg = ''

  // ── Requests ────────────────────────────────────────────────────────────
  let urls = { origin: '', joinUrl: '' }
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x')
    const path = url.pathname
    const method = req.method ?? 'GET'
    const address = clientAddress(req.socket.remoteAddress)
    const auth = authOf(req, opts.token)

    // ?token= on a page: keep it in an HttpOnly cookie and drop it from the address bar (and from history).
    const given = url.searchParams.get('token')
    if (given !== null && !path.startsWith('/api/')) {
      const limited = apiLimiter.take(address)
      if (!limited.ok)
        return fail(res, 429, 'Too many requests.', { 'Retry-After': String(limited.retryAfterSec) })
      if (!tokenMatches(given, opts.token))
        return page(res, 403, 'Wrong presenter link', 'This link holds a presenter token that this server does not know. Use the presenter URL the server printed when it started.')
      url.searchParams.delete('token')
      res.writeHead(303, { ...SECURITY_HEADERS, 'Location': `${path}${url.search}`, 'Set-Cookie': `${COOKIE}=${encodeURIComponent(opts.token)}; HttpOnly; SameSite=Strict; Path=/`, 'Cache-Control': 'no-store' })
      return res.end()
    }

    if (path.startsWith('/api/class/')) {
      // Answers have a bucket of their own (in `api`); everything else shares this one.
      const limited = path === '/api/class/answer' ? { ok: true as const } : apiLimiter.take(address)
      if (!limited.ok)
        return fail(res, 429, 'Too many requests.', { 'Retry-After': String(limited.retryAfterSec) })
      return api(req, res, path.slice('/api/class/'.length), url, method, address, auth)
    }
    if (path.startsWith('/api/'))
      return fail(res, 404, 'No such endpoint.')

    if (method !== 'GET' && method !== 'HEAD')
      return send(res, 405, 'Method not allowed\n', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' })

    if (path === '/')
      return redirect(res, auth === 'presenter' ? '/deck/' : '/join/')
    if (path === '/deck' || path === '/join')
      return redirect(res, `${path}/`)
    if (path.startsWith('/deck/')) {
      if (auth !== 'presenter')
        return page(res, 403, 'For the lecturer only', `This is the lecturer's deck, with the notes and the answers. To answer the questions, open <a href="/join/">the join page</a>.`)
      if (!deck)
        return page(res, 404, 'No built deck', 'The server found no built deck. Build it with <code>npm run build</code> (or the lecture deck’s build), then start <code>npm run class</code> again.')
      // A readable marker, no secret in it: tells the deck's script that it is
      // served by this server, so a static host never sees a request to /api/.
      res.setHeader('Set-Cookie', `${DECK_MARKER}=1; SameSite=Strict; Path=/deck/`)
      return serveStatic(deck, req, res, path.slice('/deck'.length))
    }
    if (path.startsWith('/join/')) {
      if (join) {
        // The built page loads only its own files and talks only to this server.
        res.setHeader('Content-Security-Policy', JOIN_CSP)
        return serveStatic(join, req, res, path.slice('/join'.length))
      }
      if (path === '/join/' || path === '/join/index.html')
        return send(res, 503, joinPlaceholder(), 'text/html; charset=utf-8', { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" })
      return send(res, 404, 'Not found\n', 'text/plain; charset=utf-8')
    }
    if (path === '/favicon.ico')
      return send(res, 204, '', 'image/x-icon')
    return send(res, 404, 'Not found\n', 'text/plain; charset=utf-8')
  }

  function redirect(res: ServerResponse, to: string) {
    res.writeHead(303, { ...SECURITY_HEADERS, 'Location': to, 'Cache-Control': 'no-store' })
    res.end()
  }

  function serveStatic(handler: ReturnType<typeof sirv>, req: IncomingMessage, res: ServerResponse, rest: string) {
    const original = req.url
    req.url = rest + (original?.includes('?') ? original.slice(original.indexOf('?')) : '')
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
    handler(req, res, () => {
      req.url = original
      send(res, 404, 'Not found\n', 'text/plain; charset=utf-8')
    })
  }

  async function api(req: IncomingMessage, res: ServerResponse, route: string, url: URL, method: string, address: string, auth: Auth) {
    const get = method === 'GET' || method === 'HEAD'
    const onlyGet = () => send(res, 405, '', JSON_TYPE, { Allow: 'GET' })
    const onlyPost = () => send(res, 405, '', JSON_TYPE, { Allow: 'POST' })

    // ── Public ──
    if (route === 'info')
      return get ? json(res, 200, { joinUrl: urls.joinUrl, qr: '/api/class/qr.svg' }) : onlyGet()
    if (route === 'qr.svg')
      return get ? send(res, 200, qrSvg, 'image/svg+xml; charset=utf-8') : onlyGet()
    if (route === 'state')
      return get ? json(res, 200, publicState(url.searchParams.get('device') ?? undefined)) : onlyGet()
    if (route === 'events')
      return get ? openStream(req, res, address, false, url.searchParams.get('device') ?? undefined) : onlyGet()
    if (route.startsWith('results/')) {
      if (!get)
        return onlyGet()
      const r = session.results(decode(route.slice('results/'.length)))
      return r.ok ? json(res, 200, r.results) : fail(res, r.status, r.message)
    }
    if (route === 'answer') {
      if (method !== 'POST')
        return onlyPost()
      const limited = answerLimiter.take(address)
      if (!limited.ok) {
        req.resume()
        return fail(res, 429, 'Too many answers from this address: wait a moment and send again.', { 'Retry-After': String(limited.retryAfterSec) })
      }
      const body = await readJson(req, limits.answerBody)
      if (!body.ok)
        return fail(res, body.status, body.message, body.status === 413 ? { Connection: 'close' } : {})
      const b = (body.data ?? {}) as Record<string, unknown>
      if (typeof b !== 'object' || Array.isArray(b))
        return fail(res, 400, 'Send { "question": id, "device": id, "response": … }.')
      const qid = b.question
      const out = session.submit(qid, b.device, b.response, key => deviceCap.admit(String(qid), address, key))
      if (!out.ok)
        return fail(res, out.status, out.message)
      tallyChanged()
      return json(res, 200, { ok: true, question: qid, replaced: out.replaced, response: out.response })
    }

    // ── Presenter ──
    if (!route.startsWith('presenter/'))
      return fail(res, 404, 'No such endpoint.')
    if (auth === 'none')
      return fail(res, 401, 'Presenter only: open the presenter URL the server printed (it sets a cookie), or send Authorization: Bearer <token>.', { 'WWW-Authenticate': 'Bearer realm="class"' })
    if (auth === 'wrong')
      return fail(res, 403, 'Wrong presenter token.')
    const p = route.slice('presenter/'.length)
    if (p === 'state')
      return get ? json(res, 200, presenterState()) : onlyGet()
    if (p === 'events')
      return get ? openStream(req, res, address, true) : onlyGet()
    if (p === 'export.csv') {
      if (!get)
        return onlyGet()
      const d = new Date().toISOString().slice(0, 10)
      return send(res, 200, csv(), 'text/csv; charset=utf-8', { 'Content-Disposition': `attachment; filename="class-session-${d}.csv"` })
    }
    if (p === 'stats') {
      if (!get)
        return onlyGet()
      const m = process.memoryUsage()
      return json(res, 200, { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, streams: { public: [...streams].filter(s => !s.presenter).length, presenter: [...streams].filter(s => s.presenter).length }, current: session.currentId, answered: session.currentId ? session.answered(session.currentId) : 0 })
    }
    if (p.startsWith('tally/')) {
      if (!get)
        return onlyGet()
      const id = decode(p.slice('tally/'.length))
      const t = session.tally(id)
      return t ? json(res, 200, t) : fail(res, 400, `No question “${id.slice(0, 80)}” in the bank.`)
    }
    if (['open', 'close', 'reveal', 'reset', 'clear'].includes(p)) {
      if (method !== 'POST')
        return onlyPost()
      const body = await readJson(req, limits.commandBody)
      if (!body.ok)
        return fail(res, body.status, body.message, body.status === 413 ? { Connection: 'close' } : {})
      const b = (body.data ?? {}) as Record<string, unknown>
      const before = session.seq
      const out = p === 'open'
        ? session.open(b.question, b.hash)
        : p === 'close'
          ? session.close(b.question)
          : p === 'reveal'
            ? session.reveal(b.question)
            : p === 'reset'
              ? session.reset(b.question)
              : session.clear()
      if (!out.ok)
        return fail(res, out.status, out.message)
      if (p === 'reset')
        deviceCap.forget(String(b.question))
      if (session.seq !== before) {
        log(`class: ${p}${typeof b.question === 'string' ? ` ${b.question}` : ''}`)
        stateChanged()
      }
      return json(res, 200, presenterState())
    }
    return fail(res, 404, 'No such endpoint.')
  }

  function csv(): string {
    return sessionCsv(session.allTallies())
  }

  // ── Listen ──────────────────────────────────────────────────────────────
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      log(`class: internal error: ${(e as Error).message}`)
      fail(res, 500, 'Internal error.')
    })
  })
  // Slow senders are cut off; idle keep-alive connections are kept for a minute, longer than a phone
  // waits between two answers, so no answer is sent on a connection the server is closing.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 4180, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const base = origin(opts.publicHost ?? host, port)
  urls = { origin: base, joinUrl: `${base}/` }
  qrSvg = await QRCode.toString(urls.joinUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })

  return {
    server,
    session,
    file,
    host,
    port,
    origin: base,
    joinUrl: urls.joinUrl,
    presenterUrl: `${base}/deck/?token=${encodeURIComponent(opts.token)}#/presenter/1`,
    csv,
    notices,
    close: () => new Promise<void>((resolve) => {
      clearInterval(ping)
      clearInterval(prune)
      if (tallyTimer)
        clearTimeout(tallyTimer)
      for (const s of streams) s.res.end()
      streams.clear()
      server.close(() => {
        file?.close()
        resolve()
      })
      server.closeAllConnections()
    }),
  }
}
