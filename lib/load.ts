/**
 * Load a YAML data file and validate it against a zod schema, reporting every
 * problem as `file:line field: message` so that a teacher editing the ledger
 * by hand can find the mistake at once.
 *
 * What a hand-edited file can get wrong, and what each gives:
 * - bytes that are not UTF-8 (Latin-1, UTF-16 with or without a BOM): one
 *   line naming the encoding to save it in (`decodeText`);
 * - a file that is empty or holds only comments, or holds a list where
 *   fields were expected (or the reverse): one line saying what it should hold;
 * - YAML syntax, duplicate keys, several documents in one file;
 * - tags such as `!include` (YAML has no include: the value would silently
 *   become a plain string);
 * - control characters (a vertical tab pasted from Word, a form feed …) in
 *   any value or key: they break the QTI and GIFT exports;
 * - schema problems, each at the line of its field. In a file that is a list
 *   (the ledger, references, glossary) every entry is checked on its own, so
 *   one bad entry does not hide the others (`validateYaml`).
 *
 * Anchors and aliases (`&name`, `*name`) and merge keys (`<<: *name`) work as
 * YAML defines them; only an exponential "alias bomb" is refused.
 *
 * Pure: takes the text (or bytes) and the file name, never touches the file system.
 */
import type { Node as YamlNode } from 'yaml'
import type { z } from 'zod'
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import { closest, didYouMean } from './suggest.ts'

/** One problem in a data file. */
export interface DataIssue {
  file: string
  /** 1-based line of the offending node (or its nearest existing parent). */
  line: number
  /** Dotted path of the field, e.g. `[3].value.kind` → `3.value.kind`; `(file)` for the whole file. */
  field: string
  message: string
}

/** Thrown when a data file is malformed; `message` lists every issue, one per line. */
export class DataError extends Error {
  constructor(public readonly issues: DataIssue[]) {
    super(issues.map(formatIssue).join('\n'))
    this.name = 'DataError'
  }
}

export function formatIssue(i: DataIssue): string {
  return `${i.file}:${i.line} ${i.field}: ${i.message}`
}

// ─── Encoding ────────────────────────────────────────────────────────────────

const SAVE_AS_UTF8 = 'save it as UTF-8 (in most editors: "Save as…", encoding "UTF-8")'

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence; -1 when all is valid. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]
    const need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1
    if (need < 0)
      return i
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length || (b[i + k] & 0xC0) !== 0x80)
        return i
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    if ((c === 0xE0 && b[i + 1] < 0xA0) || (c === 0xED && b[i + 1] > 0x9F) || (c === 0xF0 && b[i + 1] < 0x90) || (c === 0xF4 && b[i + 1] > 0x8F))
      return i
    i += need + 1
  }
  return -1
}

/** Whether the bytes look like UTF-16 without a byte-order mark: many NUL bytes, all at even or all at odd offsets. */
function looksLikeUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512)
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i++) {
    if (b[i] === 0)
      i % 2 === 0 ? even++ : odd++
  }
  return (even + odd) * 4 >= n && (even === 0 || odd === 0)
}

/**
 * The text of a data file, which must be UTF-8 (a UTF-8 byte-order mark is
 * allowed and dropped). Throws a `DataError` naming the encoding problem and,
 * for a stray byte, its line.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const fail = (line: number, message: string): never => {
    throw new DataError([{ file, line, field: '(encoding)', message }])
  }
  if ((bytes[0] === 0xFF && bytes[1] === 0xFE) || (bytes[0] === 0xFE && bytes[1] === 0xFF))
    fail(1, `the file is saved as UTF-16 (it starts with a UTF-16 byte-order mark); ${SAVE_AS_UTF8}`)
  if (bytes.length >= 2 && looksLikeUtf16(bytes))
    fail(1, `the file is saved as UTF-16 (every other byte is zero); ${SAVE_AS_UTF8}`)
  const body = bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF ? bytes.subarray(3) : bytes
  const bad = firstInvalidUtf8(body)
  if (bad >= 0) {
    let line = 1
    for (let i = 0; i < bad; i++) {
      if (body[i] === 0x0A)
        line++
    }
    const hex = body[bad].toString(16).toUpperCase().padStart(2, '0')
    fail(line, `the file is not valid UTF-8: byte 0x${hex} on this line is probably a letter such as é or ü saved in Latin-1 or Windows-1252; ${SAVE_AS_UTF8}`)
  }
  return new TextDecoder('utf-8').decode(body)
}

// ─── Control characters ─────────────────────────────────────────────────────

/** C0 controls except tab and line feed, DEL, and the C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g // raw text may hold CR line ends

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'a NUL character (U+0000)',
  0x08: 'a backspace (U+0008)',
  0x0B: 'a vertical tab (U+000B), which Word pastes for a manual line break',
  0x0C: 'a form feed (U+000C), a page break',
  0x0D: 'a carriage return (U+000D)',
  0x1B: 'an escape character (U+001B)',
  0x7F: 'a delete character (U+007F)',
  0x85: 'a next-line character (U+0085)',
}

/** The message for a text holding a control character, or undefined when it holds none. */
export function controlCharMessage(text: string): string | undefined {
  const m = CONTROL.exec(text)
  if (!m)
    return undefined
  const code = m[0].charCodeAt(0)
  const name = CONTROL_NAMES[code] ?? `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  return `contains ${name}; control characters break the QTI and GIFT exports: replace it with a space or a new line`
}

// ─── Parsing ────────────────────────────────────────────────────────────────

/** Tags YAML's core schema resolves by itself; any other tag is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map(t => `tag:yaml.org,2002:${t}`))

/**
 * Alias expansions allowed in one file. A plain alias counts once, so hundreds
 * of `*name` references load; an alias of a node full of aliases counts for
 * each, so an exponential "billion laughs" file is still refused.
 */
export const MAX_ALIAS_COUNT = 10_000

/** Parsed YAML with a way back from a path to its line. */
export interface LocatedYaml {
  data: unknown
  lineOf: (path: readonly PropertyKey[]) => number
  /** The file holds no data: empty, only comments, or a lone `---` or `null`. */
  empty: boolean
}

/** What `readYaml` found: the data (absent after a syntax error) and every problem of the text itself. */
export interface ReadYaml extends LocatedYaml {
  /** False when the text could not be parsed at all; `data` is then `undefined`. */
  parsed: boolean
  issues: DataIssue[]
}

type Path = readonly PropertyKey[]

/** Every scalar (values and keys) of a parsed document, with its path. Aliases are skipped: their anchor is visited where it is defined. */
function walk(node: unknown, path: Path, visit: (node: YamlNode, path: Path) => void): void {
  if (!isNode(node) || isAlias(node))
    return
  visit(node, path)
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair))
        continue
      const key = isScalar(pair.key) ? pair.key.value : pair.key
      if (isNode(pair.key))
        visit(pair.key, path)
      walk(pair.value, [...path, key as PropertyKey], visit)
    }
  }
  else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, [...path, i], visit))
  }
}

const fieldOf = (path: Path): string => path.length ? path.map(String).join('.') : '(file)'

/**
 * Parse YAML text without throwing: syntax errors, unknown tags, control
 * characters and runaway aliases come back as issues with their lines.
 */
export function readYaml(text: string, file: string): ReadYaml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true })
  const lineAt = (offset: number) => lineCounter.linePos(offset).line
  const lineOf = (path: Path): number => {
    // Walk down as far as the path exists; report the deepest node found.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true)
      if (isNode(node) && node.range)
        return lineAt(node.range[0])
    }
    return 1
  }
  const fail = (issues: DataIssue[]): ReadYaml => ({ data: undefined, lineOf, empty: false, parsed: false, issues })

  if (doc.errors.length) {
    // The first syntax error only: the parser's later ones are mostly its
    // own confusion after the first, and would send the teacher looking
    // for mistakes that are not there.
    const e = doc.errors[0]
    return fail([{
      file,
      line: lineAt(e.pos[0]),
      field: '(syntax)',
      message: e.code === 'MULTIPLE_DOCS'
        ? 'the file holds more than one YAML document (a second `---` line); keep one'
        : `${e.message.split('\n')[0]}${doc.errors.length > 1 ? ' (fix this first: the lines after it may read correctly once it is fixed)' : ''}`,
    }])
  }

  const issues: DataIssue[] = []
  for (const w of doc.warnings) {
    // Unresolved tags are reported by the walk below, at their node.
    if (w.code !== 'TAG_RESOLVE_FAILED')
      issues.push({ file, line: lineAt(w.pos[0]), field: '(syntax)', message: w.message.split('\n')[0] })
  }
  // Raw control characters, located by their own line; and escaped ones ("\v"), at their value.
  const reported = new Set<number>()
  walk(doc.contents, [], (node, path) => {
    if (node.tag && !CORE_TAGS.has(node.tag)) {
      const tag = node.tag.replace('tag:yaml.org,2002:', '!!')
      issues.push({ file, line: lineAt(node.range?.[0] ?? 0), field: fieldOf(path), message: `the YAML tag \`${tag}\` is not supported in the kit's data files (YAML cannot include another file, and a tagged value would be misread); remove the tag and write the value itself` })
    }
    if (!isScalar(node) || typeof node.value !== 'string')
      return
    const message = controlCharMessage(node.value)
    if (!message)
      return
    let line = lineAt(node.range?.[0] ?? 0)
    if (node.range) {
      // Point at the first raw control character inside this value; every one of them belongs to this issue.
      const [start, end] = node.range
      const raw = [...text.slice(start, end).matchAll(CONTROL_IN_TEXT)].map(m => start + m.index!)
      if (raw.length)
        line = lineAt(raw[0])
      raw.forEach(o => reported.add(o))
    }
    issues.push({ file, line, field: fieldOf(path), message })
  })
  for (const m of text.matchAll(CONTROL_IN_TEXT)) {
    if (!reported.has(m.index!))
      issues.push({ file, line: lineAt(m.index!), field: '(text)', message: controlCharMessage(m[0])! })
  }

  const contents = doc.contents
  const empty = contents === null || (isScalar(contents) && contents.value === null)
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  }
  catch (e) {
    if (!(e instanceof ReferenceError))
      throw e
    const alias = /(?:^|\s|[[{,:-])\*[^\s,\]}]+/m.exec(text)
    issues.push({ file, line: alias ? lineAt(alias.index) : 1, field: '(syntax)', message: `aliases (\`*name\`) expand to more than ${MAX_ALIAS_COUNT.toLocaleString('en')} values, which looks like an alias bomb; write the repeated parts out, or alias smaller parts` })
    return { data: undefined, lineOf, empty, parsed: false, issues }
  }
  issues.sort((a, b) => a.line - b.line)
  return { data, lineOf, empty, parsed: true, issues }
}

/** Parse YAML text; any problem of the text itself (syntax, tag, control character) throws a `DataError` with its line. */
export function parseYaml(text: string, file: string): LocatedYaml {
  const r = readYaml(text, file)
  if (r.issues.length)
    throw new DataError(r.issues)
  return { data: r.data, lineOf: r.lineOf, empty: r.empty }
}

// ─── Validating ─────────────────────────────────────────────────────────────

interface ZodDef { type?: string, element?: z.ZodType, shape?: Record<string, unknown> }
const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def

/** What a file for `schema` should hold, in words, for the empty-file and wrong-shape messages. */
function expected(schema: z.ZodType): string {
  const def = defOf(schema)
  if (def.type === 'array')
    return 'a list of entries, each starting with `- `'
  if (def.type === 'object' && def.shape) {
    const keys = Object.keys(def.shape).map(k => `\`${k}:\``)
    return `the fields ${keys.length > 1 ? `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}` : keys.join('')}`
  }
  return 'data'
}

function kindOf(data: unknown): string {
  if (Array.isArray(data))
    return 'a list'
  if (data !== null && typeof data === 'object')
    return 'fields (`name: value` lines)'
  if (typeof data === 'string')
    return 'a single line of text'
  return `a single value (${String(data)})`
}

/** The value at `path` in `data`, or `undefined`. */
function at(data: unknown, path: Path): unknown {
  let v = data
  for (const k of path) {
    if (v === null || typeof v !== 'object')
      return undefined
    v = (v as Record<PropertyKey, unknown>)[k]
  }
  return v
}

/** Zod's type names in a teacher's words. */
const WORDS: Record<string, string> = { string: 'text', number: 'a number', boolean: '`true` or `false`', array: 'a list', object: 'fields' }

/**
 * Zod's issues as `DataIssue`s: each at its field's line, in a teacher's
 * words where zod's are cryptic. A misspelt field name is one mistake, not
 * two: an unknown field close to a required field that is missing becomes
 * one "did you mean" message.
 */
function issuesOf(error: z.ZodError, data: unknown, file: string, lineOf: (p: Path) => number, prefix: Path = []): DataIssue[] {
  const missing = new Map<string, string[]>() // object path → required fields missing there
  for (const issue of error.issues) {
    if (issue.code === 'invalid_type' && issue.path.length && at(data, issue.path) === undefined) {
      const parent = fieldOf(issue.path.slice(0, -1))
      missing.set(parent, [...(missing.get(parent) ?? []), String(issue.path.at(-1))])
    }
  }
  const renamed = new Map<string, string>() // path of a missing field → the unknown key that is its typo
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys')
      continue
    for (const key of issue.keys) {
      const near = closest(key, missing.get(fieldOf(issue.path)) ?? [])
      if (near)
        renamed.set(fieldOf([...issue.path, near]), key)
    }
  }
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path]
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const meant = [...renamed].find(([, k]) => k === key)?.[0].split('.').at(-1)
        return {
          file,
          line: lineOf([...path, key]),
          field: fieldOf([...path, key]),
          message: meant
            ? `unknown field \`${key}\`; did you mean \`${meant}\`? (\`${meant}\` is required)`
            : `unknown field \`${key}\` (check its spelling; the fields are explained at the top of the file)`,
        }
      })
    }
    if (issue.code === 'invalid_type' && at(data, issue.path) === undefined) {
      if (renamed.has(fieldOf(issue.path)))
        return [] // reported as the misspelt field
      const want = WORDS[issue.expected] ?? issue.expected
      return [{ file, line: lineOf(path), field: fieldOf(path), message: `required, but missing (expected ${want})` }]
    }
    // A value outside a fixed list (an enum, or the `type`/`kind` of a union): name the choices, and the likely one.
    const choices = issue.code === 'invalid_value'
      ? issue.values
      : issue.code === 'invalid_union' && Array.isArray((issue as { options?: unknown }).options) ? (issue as unknown as { options: unknown[] }).options : undefined
    if (choices && choices.length > 1) {
      const given = at(data, issue.path)
      const options = choices.map(v => `\`${String(v)}\``)
      const near = typeof given === 'string' ? didYouMean(given, choices.map(String)) : ''
      return [{ file, line: lineOf(path), field: fieldOf(path), message: `${given === undefined ? 'required, but missing' : `\`${String(given)}\` is not allowed here`}: use one of ${options.join(', ')}${near}` }]
    }
    return [{ file, line: lineOf(path), field: fieldOf(path), message: issue.message }]
  })
}

/** The outcome of `validateYaml`. */
export interface Validated<T> extends LocatedYaml {
  /** The valid data: for a list, the entries that passed (see `rejected`); `undefined` when the file as a whole is unusable. */
  value: T | undefined
  /** For a list: indices of the entries that failed, with the raw entry (to tell which ids exist but are broken). */
  rejected: { index: number, raw: unknown }[]
  /** For a list: the index in the file of each entry of `value` (they differ once an entry is rejected). */
  indices: number[]
  issues: DataIssue[]
}

/**
 * Parse and validate `text` as `schema`, without throwing. A list schema is
 * checked entry by entry: `value` keeps the good entries and `rejected`
 * names the bad ones, so that a caller can go on with the rest.
 */
export interface ValidateOptions {
  /** An empty (or comment-only) file is valid and holds no entries, e.g. `quizzes/untested.yaml`. Default: it is an error. */
  allowEmpty?: boolean
  /** A list file must hold at least one entry (`[]` is an error, as an empty file is). Default: false. */
  nonEmpty?: boolean
}

export function validateYaml<S extends z.ZodType>(text: string, file: string, schema: S, options: ValidateOptions = {}): Validated<z.infer<S>> {
  const read = readYaml(text, file)
  const { lineOf, empty } = read
  // A value misread because of its tag is reported once, for the tag.
  const misread = new Set(read.issues.map(i => i.field))
  const out = (value: z.infer<S> | undefined, issues: DataIssue[], rejected: Validated<unknown>['rejected'] = [], indices?: number[]): Validated<z.infer<S>> =>
    ({ data: read.data, lineOf, empty, value, rejected, indices: indices ?? (Array.isArray(value) ? value.map((_, i) => i) : []), issues: [...read.issues, ...issues.filter(i => !misread.has(i.field))] })
  if (!read.parsed)
    return out(undefined, [])
  if (empty && options.allowEmpty) {
    const r = schema.safeParse(defOf(schema).type === 'array' ? [] : {})
    if (r.success)
      return out(r.data, [])
  }
  if (empty) {
    const what = text.trim() === '' ? 'the file is empty' : text.split('\n').every(l => /^\s*(?:#.*)?$/.test(l)) ? 'the file holds only comments' : 'the file holds no data'
    return out(undefined, [{ file, line: 1, field: '(file)', message: `${what}; it should hold ${expected(schema)}` }])
  }
  const data = read.data
  const def = defOf(schema)
  const wrongShape = def.type === 'array' ? !Array.isArray(data) : def.type === 'object' ? (data === null || typeof data !== 'object' || Array.isArray(data)) : false
  if (wrongShape)
    return out(undefined, [{ file, line: lineOf([]), field: '(file)', message: `the file should hold ${expected(schema)}, but it holds ${kindOf(data)}` }])

  if (def.type === 'array' && options.nonEmpty && (data as unknown[]).length === 0)
    return out(undefined, [{ file, line: lineOf([]), field: '(file)', message: `the file holds an empty list; it should hold ${expected(schema)}` }])
  if (def.type === 'array' && def.element) {
    const items = data as unknown[]
    const good: unknown[] = []
    const indices: number[] = []
    const rejected: Validated<unknown>['rejected'] = []
    const issues: DataIssue[] = []
    items.forEach((raw, index) => {
      const r = def.element!.safeParse(raw)
      if (r.success) {
        good.push(r.data)
        indices.push(index)
      }
      else {
        rejected.push({ index, raw })
        issues.push(...issuesOf(r.error, raw, file, lineOf, [index]))
      }
    })
    if (!issues.length) {
      // List-level rules (a minimum length …), once every entry is sound.
      const whole = schema.safeParse(good)
      if (!whole.success)
        return out(undefined, issuesOf(whole.error, good, file, lineOf))
      return out(whole.data, [], [], indices)
    }
    return out(good as z.infer<S>, issues, rejected, indices)
  }

  const r = schema.safeParse(data)
  return r.success ? out(r.data, []) : out(undefined, issuesOf(r.error, data, file, lineOf))
}

/** Parse and validate `text` as `schema`; throws `DataError` listing every issue. */
export function loadYaml<S extends z.ZodType>(text: string, file: string, schema: S, options?: ValidateOptions): z.infer<S> {
  const r = validateYaml(text, file, schema, options)
  if (r.issues.length || r.value === undefined)
    throw new DataError(r.issues)
  return r.value
}
