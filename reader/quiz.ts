/**
 * A live quiz in the reading view: the kit's own quiz shell
 * (components/quiz/QuizCard.vue) with `touch` sizing, mounted over the
 * question's placeholder. Answers are saved through the same
 * composables/useQuizProgress.ts as the deck's, so a question checked here
 * shows as checked in the deck and on its results slide, and the other way
 * round. Citation markers after an explanation link to the page's own
 * sources list (ReaderCite).
 */
import type { Ledger } from '../lib/quiz/index.ts'
import { facts } from 'virtual:kit-content'
import { quizzes } from 'virtual:kit-quizzes'
import { createApp } from 'vue'
import { CITE_COMPONENT } from '../components/quiz/cite.ts'
import QuizCard from '../components/quiz/QuizCard.vue'
import { ReaderCite } from './ReaderCite.ts'

const ledger: Ledger = new Map(Object.entries(facts))
let mounted = 0

export async function mountQuiz(el: HTMLElement): Promise<void> {
  const { bank = '', question = '' } = el.dataset
  const q = quizzes[bank]?.questions[Number(question) - 1]
  if (!q)
    throw new Error(`no question ${question} in quizzes/${bank}.yaml`)
  const app = createApp(QuizCard, { question: q, ledger, touch: true })
  // Each question is its own app: give each its own id prefix, so labels and
  // fields never share an id across the page.
  app.config.idPrefix = `rq${++mounted}`
  app.provide(CITE_COMPONENT, ReaderCite)
  app.mount(el)
  el.classList.add('rd-island-live')
}
