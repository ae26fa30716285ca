/** The question bank and ledger as the e2e tests need them: read from disk through lib/. */
import type { Ledger, Question } from '../../lib/quiz/index.ts'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { progressKey } from '../../lib/quiz/progress.ts'
import { deckId } from '../../lib/vite/content.ts'
import { loadQuizzes, loadSources } from '../../lib/content.ts'
import { correctResponse, optionText } from '../../lib/quiz/index.ts'

const root = resolve(import.meta.dirname, '../..')
const sources = loadSources(root)
export const ledger: Ledger = new Map(sources.facts.map(f => [f.id, f]))
export const banks = Object.fromEntries(loadQuizzes(root, sources.facts).map(q => [q.stem, q.quiz]))

export function questionAt(src: string, n: number): Question {
  return banks[src].questions[n - 1]
}
export const answerOf = (q: Question) => correctResponse(q, ledger)

/** The self-study deck's progress key, as the deck derives it from its title (lib/vite/content.ts `deckId`). */
export const PROGRESS_KEY = progressKey(deckId(String(parseYaml(readFileSync(resolve(root, 'slides.md'), 'utf8').split(/^---$/m)[1]).title), ''))
export const textOf = (q: Question, i: number) => q.type === 'single' || q.type === 'multiple' ? optionText(q.options[i], ledger) : ''
