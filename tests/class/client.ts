/**
 * A small HTTP client for the classroom server tests: plain `node:http`,
 * so each request can leave from its own loopback address (`from`), as
 * phones on a LAN each have their own; and a Server-Sent Events reader.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { request as httpRequest } from 'node:http'

export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json: () => any
}

export interface RequestOptions {
  /** A JSON body (serialised) or raw text. */
  body?: unknown
  headers?: Record<string, string>
  /** Source address, e.g. `127.0.0.7`. Default 127.0.0.1. */
  from?: string
  /** Send the body in chunks with no Content-Length. */
  chunked?: boolean
}

export function request(origin: string, method: string, path: string, opts: RequestOptions = {}): Promise<Reply> {
  const url = new URL(path, origin)
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
  const headers: Record<string, string> = { ...(body !== undefined && typeof opts.body !== 'string' ? { 'Content-Type': 'application/json' } : {}), ...opts.headers }
  if (body !== undefined && !opts.chunked)
    headers['Content-Length'] = String(Buffer.byteLength(body))
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress: opts.from ?? '127.0.0.1', agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', c => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    if (body !== undefined && opts.chunked) {
      // Several writes, no Content-Length: the server must count as it reads.
      for (let i = 0; i < body.length; i += 1024) req.write(body.slice(i, i + 1024))
    }
    else if (body !== undefined) {
      req.write(body)
    }
    req.end()
  })
}

export interface SseEvent { id?: string, event: string, data: any }

/** An open event stream: every event so far, and a way to wait for the next that matches. */
export interface EventStream {
  status: number
  events: SseEvent[]
  next: (match: (e: SseEvent) => boolean, timeoutMs?: number) => Promise<SseEvent>
  close: () => void
}

export function openEvents(origin: string, path: string, opts: { headers?: Record<string, string>, from?: string } = {}): Promise<EventStream> {
  const url = new URL(path, origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { Accept: 'text/event-stream', ...opts.headers }, localAddress: opts.from ?? '127.0.0.1', agent: false }, (res) => {
      const events: SseEvent[] = []
      const waiters: { match: (e: SseEvent) => boolean, done: (e: SseEvent) => void }[] = []
      let seen = 0
      let buf = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buf += chunk
        let end = buf.indexOf('\n\n')
        while (end >= 0) {
          const block = buf.slice(0, end)
          buf = buf.slice(end + 2)
          end = buf.indexOf('\n\n')
          const e: Partial<SseEvent> & { lines: string[] } = { event: 'message', lines: [] }
          for (const line of block.split('\n')) {
            if (line.startsWith('id: '))
              e.id = line.slice(4)
            else if (line.startsWith('event: '))
              e.event = line.slice(7)
            else if (line.startsWith('data: '))
              e.lines.push(line.slice(6))
          }
          if (!e.lines.length)
            continue
          const ev: SseEvent = { id: e.id, event: e.event!, data: JSON.parse(e.lines.join('\n')) }
          events.push(ev)
          for (const w of [...waiters]) {
            if (w.match(ev)) {
              waiters.splice(waiters.indexOf(w), 1)
              w.done(ev)
            }
          }
        }
      })
      resolve({
        status: res.statusCode ?? 0,
        events,
        next: (match, timeoutMs = 3000) => new Promise((done, fail) => {
          // Events already received but not yet handed out count too.
          const found = events.slice(seen).find(match)
          if (found) {
            seen = events.indexOf(found) + 1
            return done(found)
          }
          const timer = setTimeout(() => fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map(e => e.data).slice(-3))}`)), timeoutMs)
          waiters.push({
            match,
            done: (e) => {
              clearTimeout(timer)
              seen = events.indexOf(e) + 1
              done(e)
            },
          })
        }),
        close: () => req.destroy(),
      })
    })
    req.on('error', reject)
    req.end()
  })
}
