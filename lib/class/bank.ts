/**
 * The question bank and the ledger, as the classroom server uses them:
 * loaded from `quizzes/` and `sources/` with the kit's own schemas and
 * ledger checks (lib/content.ts), so a broken bank stops the server with
 * every problem as `file:line field: message`, as `npm run check` does.
 */
import type { Ledger } from '../quiz/derive.ts'
import type { Question } from '../quiz/schema.ts'
import { loadQuizzes, loadSources } from '../content.ts'

export interface ClassBank {
  questions: ReadonlyMap<string, Question>
  ledger: Ledger
  /** The class questions, when the bank marks any with `class: true`; `undefined` means every question may be opened. */
  classIds: ReadonlySet<string> | undefined
}

/** Whether a question is marked for class (`class: true`). Read loosely, so the server works before and after the schema has the field. */
export function isClassQuestion(q: Question): boolean {
  return (q as unknown as Record<string, unknown>).class === true
}

/** The bank from already loaded questions and facts. */
export function classBank(questions: readonly Question[], ledger: Ledger): ClassBank {
  const marked = questions.filter(isClassQuestion).map(q => q.id)
  return {
    questions: new Map(questions.map(q => [q.id, q])),
    ledger,
    classIds: marked.length ? new Set(marked) : undefined,
  }
}

/** Load and validate the bank and ledger of the kit at `root`. Throws `DataError` listing every problem. */
export function loadClassBank(root: string): ClassBank {
  const content = loadSources(root)
  const quizzes = loadQuizzes(root, content.facts)
  return classBank(quizzes.flatMap(e => e.quiz.questions), new Map(content.facts.map(f => [f.id, f])))
}
