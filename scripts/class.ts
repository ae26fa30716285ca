/**
 * `npm run class`: the classroom server on the lecturer's laptop.
 *
 *   npm run class [-- --host ADDR] [--local] [--port 4180] [--token T]
 *                 [--session FILE] [--new] [--deck DIR] [--join DIR]
 *   npm run class -- --export [--session FILE]
 *
 * Serves the built lecture deck to the presenter (token) and the join page
 * and answer API to the room, on the laptop's LAN address. Prints the join
 * URL with its QR code and the presenter URL. Ctrl+C stops it and writes
 * the session's anonymous CSV beside the session file.
 *
 * The logic is in lib/class/ (tested there); this file reads the flags,
 * picks the address and prints.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import QRCode from 'qrcode'
import { loadClassBank } from '../lib/class/bank.ts'
import { sessionCsv } from '../lib/class/csv.ts'
import { pickLanAddress } from '../lib/class/net.ts'
import { type ClassServer, startClassServer } from '../lib/class/server.ts'
import { ClassSession } from '../lib/class/session.ts'
import { defaultSessionFile, parseSession, sessionToken, TOKEN } from '../lib/class/store.ts'
import { DataError } from '../lib/load.ts'

const USAGE = `usage: npm run class [-- --host ADDR] [--local] [--port N] [--token T] [--session FILE] [--new] [--deck DIR] [--join DIR] [--quiet]
  --host ADDR     listen on this address (default: the laptop's LAN address)
  --local         listen on 127.0.0.1 only (a rehearsal: phones cannot join)
  --port N        port (default 4180)
  --token T       presenter token, 12+ letters, digits, - or _ (default: saved with the session, or new)
  --session FILE  session file to append to and resume (default exports/class/session-<date>.jsonl)
  --new           start a new session file for today instead of resuming
  --deck DIR      built deck (default dist/lecture/ if present, else dist/)
  --join DIR      built join page (default dist/join/ if present, else a built-in page)
  --quiet         no QR code in the terminal
  --export        write the session's anonymous CSV beside its file and exit (no server)`

function die(message: string): never {
  console.error(`class: ${message}`)
  process.exit(1)
}

let values: ReturnType<typeof parse>['values']
function parse() {
  return parseArgs({
    options: {
      host: { type: 'string' },
      local: { type: 'boolean', default: false },
      port: { type: 'string', default: '4180' },
      token: { type: 'string' },
      session: { type: 'string' },
      new: { type: 'boolean', default: false },
      deck: { type: 'string' },
      join: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      export: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  })
}
try {
  values = parse().values
}
catch (e) {
  die(`${(e as Error).message.split('\n')[0]}\n${USAGE}`)
}
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}

const root = process.cwd()
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  die(`--port must be a whole number from 0 to 65535, not “${values.port}”`)
if (values.token !== undefined && !TOKEN.test(values.token))
  die('--token must be 12 to 128 letters, digits, - or _ (a short token is easy to guess from the room)')
if (values.local && values.host)
  die('give --local or --host, not both')

// ── Address ───────────────────────────────────────────────────────────────
let host = '127.0.0.1'
let others: string[] = []
if (values.local) {
  host = '127.0.0.1'
}
else if (values.host) {
  host = values.host
}
else if (!values.export) {
  const lan = pickLanAddress(networkInterfaces())
  others = lan.others
  if (!lan.address)
    die('this computer has no network address that phones could reach. Join the classroom Wi-Fi (or start a hotspot) and run again, or rehearse alone with --local')
  host = lan.address!
}

// ── Folders ───────────────────────────────────────────────────────────────
const firstDir = (...dirs: string[]) => dirs.map(d => resolve(root, d)).find(d => existsSync(join(d, 'index.html')))
const deckDir = values.deck ? resolve(root, values.deck) : firstDir('dist/lecture', 'dist')
const joinDir = values.join ? resolve(root, values.join) : firstDir('dist/join')
if (values.deck && !existsSync(join(deckDir!, 'index.html')))
  die(`--deck ${values.deck}: no index.html there; build the deck first`)
if (values.join && !existsSync(join(joinDir!, 'index.html')))
  die(`--join ${values.join}: no index.html there; build the join page first`)

// ── Bank, session, token ──────────────────────────────────────────────────
let bank
try {
  bank = loadClassBank(root)
}
catch (e) {
  if (e instanceof DataError)
    die(`the question bank or the ledger has errors; fix them (npm run check lists them too):\n${e.message}`)
  throw e
}
const sessionFile = values.session ? resolve(root, values.session) : defaultSessionFile(root, new Date(), values.new)
const csvPath = `${sessionFile.replace(/\.jsonl$/, '')}.csv`
const rel = (p: string) => relative(root, p) || '.'

if (values.export) {
  // Read the session file (never writing to it) and write its CSV.
  if (!existsSync(sessionFile))
    die(`no session file ${rel(sessionFile)}; name one with --session`)
  const parsed = parseSession(readFileSync(sessionFile, 'utf8'), rel(sessionFile))
  const session = new ClassSession({ questions: bank.questions, ledger: bank.ledger, classIds: bank.classIds, salt: parsed.salt ?? 'none' })
  for (const r of parsed.records) session.replay(r)
  for (const n of [...parsed.notices, ...session.notices]) console.log(`notice: ${n}`)
  writeFileSync(csvPath, sessionCsv(session.allTallies()))
  console.log(`class: wrote ${rel(csvPath)} (${session.allTallies().length} question(s) with answers)`)
  process.exit(0)
}
const { token, from } = sessionToken(sessionFile, values.token)

// ── Start ─────────────────────────────────────────────────────────────────
let server: ClassServer
try {
  server = await startClassServer({ bank, token, sessionFile, deckDir, joinDir, host, port, log: line => console.log(line) })
}
catch (e) {
  const err = e as NodeJS.ErrnoException
  if (err.code === 'EADDRINUSE')
    die(`port ${port} is already in use on ${host}. Stop the other server, or pass another port: npm run class -- --port ${port + 1}`)
  if (err.code === 'EADDRNOTAVAIL')
    die(`this computer has no address ${host}. ${others.length ? `Its addresses: ${others.join(', ')}.` : ''} Pass one of them with --host, or leave --host out`)
  if (err.code === 'EACCES')
    die(`not allowed to listen on port ${port} (ports below 1024 need administrator rights); pass --port 4180`)
  die(err.message)
}

let stopping = false
async function stop() {
  if (stopping)
    return
  stopping = true
  try {
    writeFileSync(csvPath, server.csv())
    console.log(`\nclass: wrote ${rel(csvPath)}`)
  }
  catch (e) {
    console.error(`\nclass: could not write ${rel(csvPath)}: ${(e as Error).message}`)
  }
  await server.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

const lines = [
  '',
  `Classroom server on ${server.origin}${host === '127.0.0.1' ? '  (local only: phones cannot reach it)' : ''}`,
  '',
  `  Students join:  ${server.joinUrl}`,
]
console.log(lines.join('\n'))
if (!values.quiet)
  console.log(await QRCode.toString(server.joinUrl, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }))
console.log([
  `  Presenter:      ${server.presenterUrl}`,
  `                  (keep this link to yourself: it opens the deck with the notes and answers; token ${from === 'given' ? 'from --token' : from === 'saved' ? `kept in ${rel(sessionFile)}.token` : `saved in ${rel(sessionFile)}.token`})`,
  '',
  `  Deck:           ${deckDir ? rel(deckDir) : 'none built (npm run build); the presenter gets a page saying so'}`,
  `  Join page:      ${joinDir ? rel(joinDir) : 'not built (phones get a page asking to build the kit: run npm run build)'}`,
  `  Session file:   ${rel(sessionFile)}${server.file?.resumed ? ' (resumed: earlier answers kept)' : ' (new)'}`,
  `  QR code (SVG):  ${server.origin}/api/class/qr.svg`,
  ...(others.length ? [`  Other addresses of this computer (use --host if phones cannot reach the one above): ${others.join(', ')}`] : []),
  '',
  ...server.notices.map(n => `notice: ${n}`),
  'Ctrl+C stops the server and writes the anonymous CSV of the session.',
].join('\n'))

