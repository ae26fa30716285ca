import type { NetworkInterfaceInfo } from 'node:os'
import type { Tally } from '../../../lib/class/per-type.ts'
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { csvField, sessionCsv, tallyRows } from '../../../lib/class/csv.ts'
import { origin, pickLanAddress } from '../../../lib/class/net.ts'
import { tally } from '../../../lib/class/per-type.ts'
import { clientAddress, DeviceCap, RateLimiter } from '../../../lib/class/rate.ts'
import { asRecord, defaultSessionFile, openSessionFile, parseSession, sessionToken } from '../../../lib/class/store.ts'
import { ledger, matching, numeric, q, single, truefalse } from '../quiz/fixtures.ts'

const dirs: string[] = []
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'kit-class-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('session file', () => {
  it('starts with a session record holding a salt, then appends one record a line', () => {
    const file = join(tmp(), 'exports', 'class', 's.jsonl')
    const f = openSessionFile(file, new Date('2026-03-14T09:00:00Z'))
    expect(f.resumed).toBe(false)
    f.append({ t: 'open', q: 'q1', h: 'abcd1234' })
    f.append({ t: 'answer', q: 'q1', k: 'a'.repeat(32), r: 2 })
    f.close()
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map(l => JSON.parse(l))
    expect(lines[0]).toEqual({ t: 'session', v: 1, salt: f.salt, started: '2026-03-14T09:00:00.000Z' })
    expect(lines.slice(1).map(l => l.t)).toEqual(['open', 'answer'])
    // Readable by the lecturer's account only.
    expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('resumes: the records and the salt come back, and new records follow', () => {
    const file = join(tmp(), 's.jsonl')
    const a = openSessionFile(file)
    a.append({ t: 'open', q: 'q1', h: 'abcd1234' })
    a.close()
    const b = openSessionFile(file)
    expect(b.resumed).toBe(true)
    expect(b.salt).toBe(a.salt)
    expect(b.records.map(r => r.t)).toEqual(['session', 'open'])
    b.append({ t: 'reveal', q: 'q1' })
    b.close()
    expect(parseSession(readFileSync(file, 'utf8'), file).records.map(r => r.t)).toEqual(['session', 'open', 'reveal'])
  })

  it('skips a line cut short by a crash, names it, and starts the next record on a new line', () => {
    const file = join(tmp(), 's.jsonl')
    const a = openSessionFile(file)
    a.append({ t: 'open', q: 'q1', h: 'abcd1234' })
    a.close()
    appendFileSync(file, '{"t":"answer","q":"q1","k":"aaaa')
    const b = openSessionFile(file)
    expect(b.notices).toEqual([`${file}:3: an unfinished last line (the server stopped while writing it); skipped`])
    b.append({ t: 'close', q: 'q1' })
    b.close()
    const c = parseSession(readFileSync(file, 'utf8'), file)
    expect(c.records.map(r => r.t)).toEqual(['session', 'open', 'close'])
    expect(c.notices).toEqual([`${file}:3: not JSON; skipped`])
  })

  it('names every line that is not a record, and keeps the rest', () => {
    const text = [
      '{"t":"session","v":1,"salt":"saltsaltsalt","started":"x"}',
      '{"t":"answer","q":"q1","k":"not-hex","r":1}',
      '{"t":"open","q":"q1","h":"h"}',
      '[1,2]',
      '{"t":"dance"}',
      '',
    ].join('\n')
    const p = parseSession(text, 'f.jsonl')
    expect(p.records.map(r => r.t)).toEqual(['session', 'open'])
    expect(p.salt).toBe('saltsaltsalt')
    expect(p.notices).toEqual(['f.jsonl:2: not a session record; skipped', 'f.jsonl:4: not a session record; skipped', 'f.jsonl:5: not a session record; skipped'])
  })

  it('a file without a header gets one, with a notice that old devices cannot be matched', () => {
    const file = join(tmp(), 's.jsonl')
    writeFileSync(file, '{"t":"open","q":"q1","h":"h"}\n')
    const f = openSessionFile(file)
    expect(f.notices[0]).toMatch(/no session header/)
    f.close()
    expect(parseSession(readFileSync(file, 'utf8'), file).salt).toBe(f.salt)
  })

  it('checks the shape of each record', () => {
    expect(asRecord({ t: 'clear' })).toEqual({ t: 'clear' })
    expect(asRecord({ t: 'reveal', q: '../etc' })).toBeUndefined()
    expect(asRecord({ t: 'answer', q: 'q1', k: 'f'.repeat(32) })).toBeUndefined()
    expect(asRecord({ t: 'session', v: 2, salt: 'saltsaltsalt', started: '' })).toBeUndefined()
    expect(asRecord(null)).toBeUndefined()
  })

  it('is named by the local date; --new picks the next free name', () => {
    const d = new Date(2026, 2, 4, 10)
    expect(defaultSessionFile('/r', d)).toBe('/r/exports/class/session-2026-03-04.jsonl')
    const taken = new Set(['/r/exports/class/session-2026-03-04.jsonl', '/r/exports/class/session-2026-03-04-2.jsonl'])
    expect(defaultSessionFile('/r', d, true, p => taken.has(p))).toBe('/r/exports/class/session-2026-03-04-3.jsonl')
    expect(defaultSessionFile('/r', d, true, () => false)).toBe('/r/exports/class/session-2026-03-04.jsonl')
  })

  it('keeps the presenter token beside the session, so a restart keeps the presenter URL', () => {
    const file = join(tmp(), 's.jsonl')
    const a = sessionToken(file)
    expect(a.from).toBe('new')
    expect(a.token).toMatch(/^[\w-]{24}$/)
    expect(statSync(`${file}.token`).mode & 0o077).toBe(0)
    expect(sessionToken(file)).toEqual({ token: a.token, from: 'saved' })
    expect(sessionToken(file, 'given-token-123')).toEqual({ token: 'given-token-123', from: 'given' })
    writeFileSync(`${file}.token`, 'bad')
    expect(sessionToken(file).from).toBe('new')
  })
})

describe('rate limiter', () => {
  it('lets a burst through, then refuses with a Retry-After, then refills', () => {
    const r = new RateLimiter({ burst: 3, perSecond: 1 })
    const t0 = 1_000_000
    expect([1, 2, 3].map(() => r.take('a', t0).ok)).toEqual([true, true, true])
    expect(r.take('a', t0)).toEqual({ ok: false, retryAfterSec: 1 })
    // Another address has its own bucket.
    expect(r.take('b', t0).ok).toBe(true)
    expect(r.take('a', t0 + 999).ok).toBe(false)
    expect(r.take('a', t0 + 2000).ok).toBe(true)
    // Never more than the burst, however long idle.
    const later = t0 + 3_600_000
    expect([1, 2, 3, 4].map(() => r.take('a', later).ok)).toEqual([true, true, true, false])
  })

  it('tells how long to wait at a slow refill', () => {
    const r = new RateLimiter({ burst: 1, perSecond: 0.25 })
    r.take('a', 0)
    expect(r.take('a', 0)).toEqual({ ok: false, retryAfterSec: 4 })
  })

  it('stays bounded: forgets idle addresses and the least recently seen past its size', () => {
    const r = new RateLimiter({ burst: 2, perSecond: 1, maxAddresses: 3 })
    for (const a of ['a', 'b', 'c', 'd']) r.take(a, 0)
    expect(r.size).toBe(3)
    r.prune(1000)
    expect(r.size).toBe(3)
    r.prune(2000)
    expect(r.size).toBe(0)
  })

  it('a real classroom never meets it: one answer a second for a minute from each of 300 phones', () => {
    const r = new RateLimiter({ burst: 20, perSecond: 2 })
    let refused = 0
    for (let s = 0; s < 60; s++) {
      for (let p = 0; p < 300; p++) refused += r.take(`10.0.${p >> 8}.${p & 255}`, s * 1000).ok ? 0 : 1
    }
    expect(refused).toBe(0)
  })
})

describe('device cap', () => {
  it('admits up to max devices per address and question, and a known device always', () => {
    const c = new DeviceCap(2)
    expect(['k1', 'k2', 'k3'].map(k => c.admit('q1', '10.0.0.5', k))).toEqual([true, true, false])
    expect(c.admit('q1', '10.0.0.5', 'k1')).toBe(true)
    expect(c.admit('q1', '10.0.0.6', 'k3')).toBe(true)
    expect(c.admit('q2', '10.0.0.5', 'k3')).toBe(true)
    c.forget('q1')
    expect(c.admit('q1', '10.0.0.5', 'k3')).toBe(true)
  })

  it('reads IPv4-mapped addresses as IPv4', () => {
    expect(clientAddress('::ffff:192.168.1.20')).toBe('192.168.1.20')
    expect(clientAddress('fe80::1')).toBe('fe80::1')
    expect(clientAddress(undefined)).toBe('unknown')
  })
})

describe('CSV', () => {
  it('quotes what needs quoting', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a, b')).toBe('"a, b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(3)).toBe('3')
  })

  it('one row per choice with its count and whether it is right, then answered and fully right', () => {
    const s = q(single)
    const rows = tallyRows(s, tally(s, [1, 1, 0], ledger))
    expect(rows).toEqual([
      [s.id, s.stem, 'A. The Chinese embassy in Washington', 1, 'no'],
      [s.id, s.stem, 'B. The Exit and Entry Administration of the MPS', 2, 'yes'],
      [s.id, s.stem, 'C. US Immigration and Customs Enforcement', 0, 'no'],
      [s.id, s.stem, '(answered)', 3, ''],
      [s.id, s.stem, '(fully right)', 2, ''],
    ])
    const tf = q(truefalse)
    expect(tallyRows(tf, tally(tf, [false], ledger)).slice(0, 2).map(r => r[2])).toEqual(['True', 'False'])
  })

  it('grids become row → column, histograms one row per bin with the unit', () => {
    const m = q(matching)
    const rows = tallyRows(m, tally(m, [[0, 1, 2]], ledger))
    expect(rows.filter(r => r[4] === 'yes').map(r => [r[2], r[3]])).toEqual([
      ['Liu Dong → Director of Fox Hunt', 1],
      ['Exit and Entry Administration → Issues travel documents', 1],
      ['Chinese embassy → Verifies identity', 1],
    ])
    expect(rows).toHaveLength(9 + 2)
    const n = q(numeric)
    const hist = tallyRows(n, tally(n, [39000], ledger))
    expect(hist.find(r => r[4] === 'yes')).toEqual([n.id, n.stem, '38,500–39,500 people', 1, 'yes'])
  })

  it('a whole session: header, BOM, CRLF, and nothing about devices', () => {
    const s = q(single)
    const t: Tally = tally(s, [1], ledger)
    const text = sessionCsv([{ question: s, tally: t }])
    expect(text.startsWith('\uFEFFquestion,stem,choice,count,correct\r\n')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.split('\r\n')).toHaveLength(1 + 5 + 1)
    expect(text).toContain(`${s.id},Which body alone can issue the travel documents China requires before a removal?,B. The Exit and Entry Administration of the MPS,1,yes`)
  })
})

describe('LAN address', () => {
  const i = (address: string, internal = false): NetworkInterfaceInfo => ({ address, internal, family: 'IPv4', netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null })
  it('prefers the Wi-Fi or Ethernet address over Docker, VPNs and link-local', () => {
    const c = pickLanAddress({ lo: [i('127.0.0.1', true)], docker0: [i('172.17.0.1')], wlp2s0: [i('192.168.1.23')], tun0: [i('10.8.0.2')] })
    expect(c.address).toBe('192.168.1.23')
    expect(c.others).toEqual(['docker0 172.17.0.1', 'tun0 10.8.0.2'])
  })
  it('takes a public address over a virtual one, and link-local last', () => {
    expect(pickLanAddress({ 'eth0': [i('169.254.3.4')], 'vboxnet0': [i('192.168.56.1')], 'en1': [i('130.1.2.3')] }).address).toBe('130.1.2.3')
    expect(pickLanAddress({ eth0: [i('169.254.3.4')] }).address).toBe('169.254.3.4')
  })
  it('has none on a machine with only loopback or IPv6', () => {
    expect(pickLanAddress({ lo: [i('127.0.0.1', true)], eth0: [{ ...i('fe80::1'), family: 'IPv6', scopeid: 2 }] })).toEqual({ address: undefined, others: [] })
  })
  it('writes origins, IPv6 in brackets', () => {
    expect(origin('192.168.1.23', 4180)).toBe('http://192.168.1.23:4180')
    expect(origin('::1', 4180)).toBe('http://[::1]:4180')
  })
})
