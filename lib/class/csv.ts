/**
 * The session as an anonymous CSV: one row per question and choice with its
 * count, and whether that choice is right. No row holds anything about a
 * device or a student; every text in it comes from the bank, none from a
 * student. RFC 4180: comma-separated, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break; UTF-8 with a byte-order mark
 * so that spreadsheet programs read the curly quotes and dashes right.
 */
import type { Question } from '../quiz/schema.ts'
import type { Tally } from './per-type.ts'

export const CSV_HEADER = ['question', 'stem', 'choice', 'count', 'correct'] as const

/** One CSV field, quoted when needed. */
export function csvField(v: string | number): string {
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The rows of one question: a row per choice (per cell for a grid, per bin for a histogram), then how many answered and how many were fully right. */
export function tallyRows(q: Pick<Question, 'id' | 'stem'>, t: Tally): (string | number)[][] {
  const yes = (b: boolean) => b ? 'yes' : 'no'
  const rows: (string | number)[][] = []
  switch (t.kind) {
    case 'choices':
      for (const c of t.choices)
        rows.push([q.id, q.stem, t.lettered ? `${c.key}. ${c.label}` : c.label, c.count, yes(c.correct)])
      break
    case 'grid':
      t.rows.forEach((row, i) => t.cols.forEach((col, j) => {
        rows.push([q.id, q.stem, `${row} → ${col}`, t.counts[i][j], yes(t.correct[i][j])])
      }))
      break
    case 'histogram':
      for (const b of t.bins)
        rows.push([q.id, q.stem, `${b.label} ${t.unit}`, b.count, yes(b.accepted)])
      break
  }
  rows.push([q.id, q.stem, '(answered)', t.answered, ''])
  rows.push([q.id, q.stem, '(fully right)', t.right, ''])
  return rows
}

/** The whole session as CSV text. */
export function sessionCsv(entries: readonly { question: Pick<Question, 'id' | 'stem'>, tally: Tally }[]): string {
  const lines = [CSV_HEADER as readonly (string | number)[], ...entries.flatMap(e => tallyRows(e.question, e.tally))]
  return `\uFEFF${lines.map(r => r.map(csvField).join(',')).join('\r\n')}\r\n`
}
