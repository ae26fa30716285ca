/**
 * The session file: an append-only JSON Lines file under `exports/class/`,
 * one `SessionRecord` a line, written as each change happens and read back
 * when the server starts again, so a restart (or a crash) loses no answer.
 *
 * The first line is a `session` record with a random salt for the device
 * keys (see session.ts). No line holds a device id, an address or a time of
 * answer: only question ids, salted per-question device keys and responses
 * in the quiz engine's shapes (indices, booleans, numbers, category keys).
 * Free text typed by a student is never stored: a numeric answer is stored
 * as the number read from it.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { SessionRecord } from './session.ts'

/** A fresh salt for device keys: 16 random bytes, base64url. */
export function newSalt(): string {
  return randomBytes(16).toString('base64url')
}

/** A fresh presenter token: 18 random bytes, base64url (24 characters). */
export function newToken(): string {
  return randomBytes(18).toString('base64url')
}

/** A presenter token given by the lecturer: at least 12 characters of letters, digits, - or _. */
export const TOKEN = /^[\w-]{12,128}$/

const ID = /^[a-z0-9][\w-]{0,199}$/i

/** The record `x` if it has a known shape, else `undefined`. */
export function asRecord(x: unknown): SessionRecord | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x))
    return undefined
  const r = x as Record<string, unknown>
  const id = (v: unknown) => typeof v === 'string' && ID.test(v)
  switch (r.t) {
    case 'session':
      return r.v === 1 && typeof r.salt === 'string' && r.salt.length >= 8 && typeof r.started === 'string' ? r as SessionRecord : undefined
    case 'open':
      return id(r.q) && typeof r.h === 'string' ? r as SessionRecord : undefined
    case 'close': case 'reveal': case 'reset':
      return id(r.q) ? r as SessionRecord : undefined
    case 'clear':
      return r as SessionRecord
    case 'answer':
      return id(r.q) && typeof r.k === 'string' && /^[0-9a-f]{32}$/.test(r.k) && 'r' in r ? r as SessionRecord : undefined
    default:
      return undefined
  }
}

export interface ParsedSession {
  records: SessionRecord[]
  /** The salt in force: that of the last `session` record, if any. */
  salt: string | undefined
  /** `file:line: …` for every line skipped. */
  notices: string[]
  /** The text does not end with a newline (a write cut short): the next record must start on a new line. */
  unterminated: boolean
}

/** Read a session file's text. Lines that are not records are skipped with a notice naming the line. */
export function parseSession(text: string, file: string): ParsedSession {
  const records: SessionRecord[] = []
  const notices: string[] = []
  let salt: string | undefined
  const lines = text.split('\n')
  const unterminated = text.length > 0 && !text.endsWith('\n')
  lines.forEach((line, i) => {
    if (line.trim() === '')
      return
    let data: unknown
    try {
      data = JSON.parse(line)
    }
    catch {
      const last = i === lines.length - 1
      notices.push(`${file}:${i + 1}: ${last ? 'an unfinished last line (the server stopped while writing it)' : 'not JSON'}; skipped`)
      return
    }
    const r = asRecord(data)
    if (!r) {
      notices.push(`${file}:${i + 1}: not a session record; skipped`)
      return
    }
    if (r.t === 'session')
      salt = r.salt
    records.push(r)
  })
  return { records, salt, notices, unterminated }
}

/** `exports/class/session-2026-03-14.jsonl`, by the local date; with `fresh`, the first of `…-2`, `…-3` … that does not exist. */
export function defaultSessionFile(root: string, date = new Date(), fresh = false, exists: (p: string) => boolean = existsSync): string {
  const d = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  const base = join(root, 'exports', 'class', `session-${d}`)
  if (!fresh || !exists(`${base}.jsonl`))
    return `${base}.jsonl`
  for (let n = 2; ; n++) {
    if (!exists(`${base}-${n}.jsonl`))
      return `${base}-${n}.jsonl`
  }
}

/** An open session file: its records so far, and a way to append. */
export interface SessionFile {
  file: string
  records: SessionRecord[]
  salt: string
  notices: string[]
  /** The file existed and was read back. */
  resumed: boolean
  append: (r: SessionRecord) => void
  close: () => void
}

/**
 * Open (or create) a session file for appending. Each record is written
 * with one `write` to a file descriptor opened in append mode, as it
 * happens: it survives the server process crashing (it is in the
 * operating system's hands), though not a power cut before the disk is
 * written. A file with no `session` record gets one with a new salt.
 */
export function openSessionFile(file: string, now = new Date()): SessionFile {
  mkdirSync(dirname(file), { recursive: true })
  const resumed = existsSync(file)
  const parsed = resumed ? parseSession(readFileSync(file, 'utf8'), file) : { records: [], salt: undefined, notices: [], unterminated: false }
  const fd = openSync(file, 'a', 0o600)
  const write = (r: SessionRecord) => {
    writeSync(fd, `${JSON.stringify(r)}\n`)
  }
  if (parsed.unterminated)
    writeSync(fd, '\n')
  let salt = parsed.salt
  if (!salt) {
    salt = newSalt()
    if (parsed.records.length)
      parsed.notices.push(`${file}: no session header; answers given before this start cannot be matched to their devices, so a device that answers one of those questions again counts twice`)
    write({ t: 'session', v: 1, salt, started: now.toISOString() })
  }
  let open = true
  return {
    file,
    records: parsed.records,
    salt,
    notices: parsed.notices,
    resumed,
    append: (r) => {
      if (open)
        write(r)
    },
    close: () => {
      if (open) {
        open = false
        closeSync(fd)
      }
    },
  }
}

/**
 * The presenter token of a session: the one given, else the one saved beside
 * the session file (`<file>.token`, readable by the lecturer's account only),
 * else a new one, saved there. So a server restarted on the same session
 * keeps its presenter URL, and a presenter window reloaded after the restart
 * still holds a valid token.
 */
export function sessionToken(sessionFile: string, given?: string): { token: string, from: 'given' | 'saved' | 'new' } {
  const path = `${sessionFile}.token`
  if (given)
    return { token: given, from: 'given' }
  if (existsSync(path)) {
    const saved = readFileSync(path, 'utf8').trim()
    if (TOKEN.test(saved))
      return { token: saved, from: 'saved' }
  }
  const token = newToken()
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${token}\n`, { mode: 0o600 })
  return { token, from: 'new' }
}
