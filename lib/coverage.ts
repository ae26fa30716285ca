/**
 * Fact coverage of the question bank: which ledger entries each question
 * tests, and which entries that should be tested are not.
 *
 * Every entry whose status is `documented`, `reported` or `quotation` must be
 * cited (in `facts`) by at least one question, or be listed with a reason in
 * `quizzes/untested.yaml`. Interpretation entries are welcome in questions
 * (mostly classify ones) but not required.
 *
 * Pure: takes data, never touches the file system. `scripts/coverage-facts.ts`
 * loads the files and prints the result.
 */
import { z } from 'zod'
import { Id } from './ledger/schema.ts'
import type { Fact, Status } from './ledger/schema.ts'

/** Statuses whose entries every bank must test (or list as deliberately untested). */
export const MUST_TEST: readonly Status[] = ['documented', 'reported', 'quotation']

/** One line of `quizzes/untested.yaml`: a ledger id left untested on purpose, and why. */
export interface UntestedEntry {
  id: string
  reason: string
}

/** Schema of `quizzes/untested.yaml`: a list of `{ id, reason }`, each id once. Load it with `loadYaml` for file:line errors. */
export const UntestedFile = z.array(z.object({
  id: Id,
  reason: z.string().trim().min(1, 'say why this entry is not tested'),
}).strict()).superRefine((list, ctx) => {
  const seen = new Map<string, number>()
  list.forEach((u, i) => {
    if (seen.has(u.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `\`${u.id}\` is already listed (entry ${seen.get(u.id)! + 1})` })
    else
      seen.set(u.id, i)
  })
})

/** The part of a question coverage needs. */
export interface CitingQuestion {
  id: string
  facts: readonly string[]
}

/** The part of a quiz file coverage needs. */
export interface CitingQuiz {
  questions: readonly CitingQuestion[]
}

/** One ledger entry and the questions that cite it, in bank order. */
export interface CoverageRow {
  id: string
  status: Status
  questions: string[]
}

export interface Coverage {
  /** Every ledger entry, in ledger order. */
  rows: CoverageRow[]
  /** Ids of documented, reported or quotation entries that no question cites and `untested` does not list. */
  uncovered: string[]
  /** The untested entries whose id is in the ledger, in file order. */
  untested: UntestedEntry[]
  /** Untested ids that are not in the ledger (a typo, or a retired id). */
  unknownUntested: string[]
  /** Untested ids that some question cites after all (harmless, but the list is then stale). */
  untestedButCited: string[]
}

/**
 * Coverage of `facts` by the questions of `quizzes`, allowing for the
 * entries listed in `untested`. Quizzes are read in the order given.
 */
export function factCoverage(
  facts: readonly Pick<Fact, 'id' | 'status'>[],
  quizzes: readonly CitingQuiz[],
  untested: readonly UntestedEntry[],
): Coverage {
  const citedBy = new Map<string, string[]>()
  for (const quiz of quizzes) {
    for (const q of quiz.questions) {
      for (const id of new Set(q.facts)) {
        const list = citedBy.get(id) ?? []
        list.push(q.id)
        citedBy.set(id, list)
      }
    }
  }

  const known = new Set(facts.map(f => f.id))
  const listed = new Set(untested.map(u => u.id))
  const rows = facts.map(f => ({ id: f.id, status: f.status, questions: citedBy.get(f.id) ?? [] }))

  return {
    rows,
    uncovered: rows
      .filter(r => MUST_TEST.includes(r.status) && r.questions.length === 0 && !listed.has(r.id))
      .map(r => r.id),
    untested: untested.filter(u => known.has(u.id)),
    unknownUntested: untested.filter(u => !known.has(u.id)).map(u => u.id),
    untestedButCited: untested.filter(u => known.has(u.id) && citedBy.has(u.id)).map(u => u.id),
  }
}

/** The one-line summary the coverage script prints last. */
export function coverageSummary(c: Coverage): string {
  const covered = c.rows.filter(r => r.questions.length > 0).length
  return `${c.rows.length} entries, ${covered} covered, ${c.untested.length} deliberately untested (listed with reasons), ${c.uncovered.length} uncovered`
}

/** Whether the coverage passes: nothing uncovered and no unknown untested id. */
export function coverageOk(c: Coverage): boolean {
  return c.uncovered.length === 0 && c.unknownUntested.length === 0
}
