/**
 * Load a YAML data file and validate it against a zod schema, reporting every
 * problem as `file:line field: message` so that a teacher editing the ledger
 * by hand can find the mistake at once.
 *
 * Pure: takes the text and the file name, never touches the file system.
 */
import type { z } from 'zod'
import { isNode, LineCounter, parseDocument } from 'yaml'

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

/** Parsed YAML with a way back from a path to its line. */
export interface LocatedYaml {
  data: unknown
  lineOf: (path: readonly PropertyKey[]) => number
}

/** Parse YAML text; syntax errors become a `DataError` with the line of the error. */
export function parseYaml(text: string, file: string): LocatedYaml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length) {
    throw new DataError(doc.errors.map(e => ({
      file,
      line: lineCounter.linePos(e.pos[0]).line,
      field: '(syntax)',
      message: e.message.split('\n')[0],
    })))
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    // Walk down as far as the path exists; report the deepest node found.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true)
      if (isNode(node) && node.range)
        return lineCounter.linePos(node.range[0]).line
      // A scalar key's value may be null: try the pair's key position.
    }
    return 1
  }
  return { data: doc.toJS(), lineOf }
}

/** Parse and validate `text` as `schema`; throws `DataError` listing every issue. */
export function loadYaml<S extends z.ZodType>(text: string, file: string, schema: S): z.infer<S> {
  const { data, lineOf } = parseYaml(text, file)
  const result = schema.safeParse(data ?? [])
  if (!result.success) {
    throw new DataError(result.error.issues.map(issue => ({
      file,
      line: lineOf(issue.path),
      field: issue.path.length ? issue.path.map(String).join('.') : '(file)',
      message: issue.message,
    })))
  }
  return result.data
}
