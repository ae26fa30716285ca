/**
 * What the question types share: the fields every question has (as schema
 * builders, so no module imports zod at run time), the option of a choice
 * question, and the ledger checks that several types run on their parts
 * (citations, figures restated from the ledger). Pure.
 */
import type { z } from 'zod'
import type { Fact } from '../../ledger/schema.ts'
import type { Ledger, RestatesMap } from '../derive.ts'
import type { CitingPart, Path, Report, Zod } from './define.ts'
import { restatedTruth } from '../derive.ts'

/** Stable identifiers: lower-case words joined by hyphens (as in `lib/ledger/schema.ts`). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The schema pieces every type builds on, made from the zod namespace passed in. */
export function sharedFields(z: Zod) {
  const Id = z.string().regex(ID_PATTERN, 'must be lower-case words joined by hyphens')
  /** Non-empty text. */
  const Text = z.string().trim().min(1, 'must not be empty')
  /**
   * Feedback for a wrong answer: the misconception it targets, in one or two
   * sentences ("Confuses the embassy, which only verifies identity, with …").
   */
  const Why = z.string().trim().min(1, 'explain the misconception this wrong answer targets')
  /**
   * The ledger facts the figures of a text restate: each key is a figure as
   * the text writes it (`early 2014`, `"39,000"`, `eight`), each value the
   * ledger id (or ids) it restates. Every figure written with digits must sit
   * inside a key. The check derives from the ledger whether the text is
   * right: every restated value matches → true; any differs → false. See
   * `lib/quiz/figures.ts`.
   */
  const Restates = z.record(z.string().trim().min(1), z.union([Id, z.array(Id).min(1)]))
  /**
   * `judged: true` marks an answer that the ledger cannot decide by its
   * figures (a judgement by the question's author), so a reviewer can list
   * them all with `grep -n "judged: true" quizzes/`. Default: false.
   */
  const Judged = z.boolean().optional()

  /** Fields shared by every question type. */
  const base = {
    /** Stable id, lower-case words joined by hyphens, e.g. `q03-travel-documents`. Unique across the bank; saved progress is keyed by it. */
    id: Id,
    /** The question as the learner reads it. */
    stem: Text,
    /** Ledger ids this question tests, at least one. The UI renders a citation marker for each. */
    facts: z.array(Id).min(1, 'cite at least one ledger fact'),
    /** Shown after checking: why the answer is right, naming the source. */
    explanation: Text,
    /**
     * Asked in class: the lecture deck (`lecture.md`) keeps this question, for
     * its discussion value; the self-study deck keeps every question. Choose
     * one or two per module. Default: `false`.
     */
    class: z.boolean().optional(),
  }

  /** One choice of a `single` or `multiple` question. */
  const Option = z.object({
    /** What the learner reads. Default: the formatted value of `fact` (then `fact` is required). */
    text: Text.optional(),
    /** Whether choosing this option is right. Default: `false`. */
    correct: z.boolean().default(false),
    /** Optional ledger id this option stands for; must also be listed in the question's `facts`. Default: none. */
    fact: Id.optional(),
    /** Required on every wrong option (checked by the validator): the misconception it targets. Default: none. */
    why: Why.optional(),
    /** The facts its figures restate, when they are not all `fact`'s. Default: `fact`. */
    restates: Restates.optional(),
    /** Its correctness is a judgement the ledger cannot decide. Default: false. */
    judged: Judged,
  }).strict().refine(o => o.text !== undefined || o.fact !== undefined, {
    message: 'give `text`, or a `fact` whose value is shown',
    path: ['text'],
  })

  return { Id, Text, Why, Restates, Judged, base, Option }
}

/** The schema pieces every type builds on. */
export type SharedFields = ReturnType<typeof sharedFields>

/** One choice of a `single` or `multiple` question. */
export type Option = z.output<SharedFields['Option']>

// ─── Checks several types share ─────────────────────────────────────────────

/** A question as the shared checks read it. */
export interface CheckedQuestion {
  id: string
  facts: readonly string[]
}

/** The cited facts that exist. */
export function citedFacts(q: CheckedQuestion, ledger: Ledger): Fact[] {
  return q.facts.flatMap(id => ledger.get(id) ?? [])
}

/** The fact a figure falls back to when `restates` does not name one: the part's own, else the question's only cited fact. */
export function fallbackFacts(own: string | undefined, q: CheckedQuestion): string[] {
  if (own !== undefined)
    return [own]
  return q.facts.length === 1 ? [q.facts[0]] : []
}

/** Each `fact` and `restates` of a list of parts, e.g. the options of a choice question. */
export function citingParts(key: string, parts: readonly { fact?: string, restates?: RestatesMap }[]): CitingPart[] {
  return parts.map((p, k) => ({ at: [key, k], fact: p.fact, restates: p.restates }))
}

/**
 * Every cited id is in the ledger; every part's fact and `restates` id is in
 * the ledger and listed in `facts`.
 */
export function checkCitations(q: CheckedQuestion, parts: readonly CitingPart[], ledger: Ledger, report: Report): void {
  if (q.facts.length === 0)
    report(['facts'], 'cite at least one ledger fact')
  q.facts.forEach((id, j) => {
    if (!ledger.has(id))
      report(['facts', j], `unknown ledger fact \`${id}\``)
  })
  for (const p of parts) {
    if (p.fact === undefined)
      continue
    const at = p.factAt ?? [...p.at, 'fact']
    if (!ledger.has(p.fact))
      report(at, p.missing?.(p.fact) ?? `unknown ledger fact \`${p.fact}\``)
    else if (!q.facts.includes(p.fact))
      report(at, `fact \`${p.fact}\` is not listed in the question's \`facts\``)
  }
  for (const p of parts) {
    for (const [key, value] of Object.entries(p.restates ?? {})) {
      for (const id of typeof value === 'string' ? [value] : value) {
        if (!ledger.has(id))
          report([...p.at, 'restates', key], `unknown ledger fact \`${id}\``)
        else if (!q.facts.includes(id))
          report([...p.at, 'restates', key], `fact \`${id}\` is not listed in the question's \`facts\``)
      }
    }
  }
}

/**
 * Report what keeps a text's figures from being checked: a figure no fact is
 * named for, a `restates` key missing from the text. `how` tells the teacher
 * where to add the fact.
 */
export function reportRestating(r: ReturnType<typeof restatedTruth>, at: Path, restatesAt: Path, how: string, report: Report): void {
  for (const figure of r.unrestated)
    report(at, `the figure “${figure}” names no fact it restates: ${how}`)
  for (const { key, why } of r.badKeys)
    report([...restatesAt, key], `the \`restates\` key “${key}” ${why}`)
}

/** A part written as true (an ordering item, a pair, a statement): its texts by field, and what they restate. */
export interface FigurePart {
  texts: Record<string, string>
  fact?: string
  restates?: RestatesMap
}

/**
 * A part is written as true, so every figure it holds must agree with the
 * ledger. A pair's left and right are read together, so a `restates` key may
 * sit on either side.
 */
export function checkPartFigures(q: CheckedQuestion, key: string, parts: readonly FigurePart[], ledger: Ledger, report: Report): void {
  parts.forEach((p, k) => {
    const fields = Object.entries(p.texts)
    const joined = fields.map(([, t]) => t).join('\n')
    const fieldOf = (needle: string) => fields.find(([, t]) => t.toLowerCase().includes(needle.toLowerCase()))?.[0] ?? fields[0][0]
    const r = restatedTruth(joined, p.restates, fallbackFacts(p.fact, q), ledger)
    for (const figure of r.unrestated)
      report([key, k, fieldOf(figure)], `the figure “${figure}” names no fact it restates: add it to the part's \`restates\``)
    for (const { key: bad, why } of r.badKeys)
      report([key, k, 'restates', bad], `the \`restates\` key “${bad}” ${why}`)
    const t = r.truth
    if (t.kind === 'false')
      report([key, k, fieldOf(t.why.match(/^“([^”]*)”/)?.[1] ?? '')], `disagrees with ledger: ${t.why}`)
    else if (t.kind === 'undecided' && r.restatedIds.length > 0)
      report([key, k, fieldOf(t.why.match(/^“([^”]*)”/)?.[1] ?? '')], `the ledger cannot confirm this figure (${t.why}): restate a more precise fact in \`restates\``)
  })
}

/** Texts that must differ, or the question is ambiguous: reports each repeat at `[key, k, field]`. */
export function checkDistinct(texts: readonly string[], normalise: (t: string) => string, at: (k: number) => Path, message: (first: number) => string, report: Report): void {
  const first = new Map<string, number>()
  texts.forEach((t, k) => {
    const n = normalise(t)
    if (first.has(n))
      report(at(k), message(first.get(n)!))
    else
      first.set(n, k)
  })
}

/** Whether `r` is an integer index into a list of `length`. */
export function isIndex(r: unknown, length: number): r is number {
  return Number.isInteger(r) && (r as number) >= 0 && (r as number) < length
}

/** Whether `r` is a permutation of `0 … length − 1`. */
export function isPermutation(r: unknown, length: number): r is number[] {
  return Array.isArray(r) && r.length === length && r.every(i => isIndex(i, length)) && new Set(r).size === length
}

/** The `why` of a wrong part, as a feedback list. */
export function whyOf(note: string | undefined): string[] {
  return note ? [note] : []
}
