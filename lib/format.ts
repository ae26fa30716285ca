/**
 * Render ledger values as English text: 39,000; 300–800; 2008–2020;
 * autumn 2016; August 2022. Pure and deterministic (no locale of the
 * machine leaks in: the formatter is pinned to `en-GB` grouping).
 */
import type { Fact, Value } from './ledger/schema.ts'

const nf = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 })

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']

/** 39000 → "39,000". Years are never grouped (see `formatValue`). */
export function formatNumber(n: number): string {
  return nf.format(n)
}

/** Counts in running text, in English style: one to nine as words, 10 and up in digits. */
export function formatCount(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 9 ? WORDS[n] : formatNumber(n)
}

/** Format a value without its unit. */
export function formatValue(v: Value): string {
  switch (v.kind) {
    case 'number':
      return v.qualifier ? `${v.qualifier} ${formatCount(v.value)}` : formatCount(v.value)
    case 'range':
      return `${formatNumber(v.min)}–${formatNumber(v.max)}`
    case 'year':
      return String(v.value)
    case 'period':
      return v.to_part ? `${v.from} to ${v.to_part} ${v.to}` : `${v.from}–${v.to}`
    case 'date': {
      const parts: string[] = []
      if (v.part)
        parts.push(v.part === 'mid' ? 'mid-' : `${v.part} `)
      if (v.season)
        parts.push(v.season === 'christmas' ? 'Christmas ' : `${v.season} `)
      if (v.day && v.month)
        parts.push(`${v.day} `)
      if (v.month)
        parts.push(`${MONTHS[v.month - 1]} `)
      return `${parts.join('')}${v.year}`
    }
    case 'name':
    case 'text':
      return v.value
    case 'quotation':
      return `“${v.text}”`
  }
}

/** Format a fact's value with its unit where the unit reads naturally after it. */
export function formatFact(f: Pick<Fact, 'value' | 'unit'>, opts: { unit?: boolean } = {}): string {
  const base = formatValue(f.value)
  const withUnit = opts.unit ?? true
  if (withUnit && f.unit && (f.value.kind === 'number' || f.value.kind === 'range'))
    return `${base} ${f.unit}`
  return base
}

/**
 * The numbers a value stands for, for comparing with a figure typed in a
 * slide or a quiz: a number, both ends of a range or period, a year.
 */
export function numbersOf(v: Value): number[] {
  switch (v.kind) {
    case 'number': case 'year': return [v.value]
    case 'range': return [v.min, v.max]
    case 'period': return [v.from, v.to]
    case 'date': return [v.year, ...(v.day ? [v.day] : [])]
    default: return []
  }
}

/** A sortable key for a dated value (year, then month or season, then day). `undefined` for undated kinds. */
export function dateKey(v: Value): number | undefined {
  const seasonMonth = { spring: 4, summer: 7, autumn: 10, winter: 1, christmas: 12 } as const
  const partMonth = { early: 2, mid: 6, late: 10 } as const
  switch (v.kind) {
    case 'year': return v.value * 10000 + 600
    case 'period': return v.from * 10000 + 100
    case 'date': {
      const m = v.month ?? (v.season ? seasonMonth[v.season] : v.part ? partMonth[v.part] : 6)
      return v.year * 10000 + m * 100 + (v.day ?? (v.season === 'christmas' ? 25 : 0))
    }
    default: return undefined
  }
}
