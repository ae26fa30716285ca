import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { definePreparserSetup } from '@slidev/types'
import { loadQuizzes, loadSources } from '../lib/content.ts'
import { citationFor } from '../lib/cite.ts'
import type { DeckPath } from '../lib/generate.ts'
import { EMPTY_SLIDE, expandMarkers } from '../lib/generate.ts'
import { describeAnswer } from '../lib/quiz/grade.ts'
import { presenterNotes, quizRefs } from '../lib/quiz/notes.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** `off`, `no`, `false` or `0` in KIT_ANSWER_KEY (or `answerKey: false` in the headmatter) leaves the answer key out. */
export function answerKeyWanted(headmatter: Record<string, unknown>, env = process.env): boolean {
  const v = env.KIT_ANSWER_KEY
  if (v !== undefined && v !== '')
    return !/^(?:off|no|false|0)$/i.test(v)
  return headmatter.answerKey !== false
}

/** The path a deck takes through the unit: `deck: lecture` in the entry's headmatter makes the lecture (see lib/plan.ts). */
export function deckPath(headmatter: Record<string, unknown>): DeckPath {
  return headmatter.deck === 'lecture' ? 'lecture' : 'self-study'
}

function load() {
  const sources = loadSources(root)
  return {
    quizzes: Object.fromEntries(loadQuizzes(root, sources.facts).map(q => [q.stem, q.quiz])),
    ledger: new Map(sources.facts.map(f => [f.id, f])),
    references: new Map(sources.references.map(r => [r.id, r])),
    counts: { references: sources.references.length, glossary: sources.glossary.length },
  }
}

/**
 * The kit's Markdown pre-processing:
 * 1. expands `<!-- kit:… -->` markers into slides generated from the data
 *    (quiz questions, answer key, sources, glossary; see lib/generate.ts);
 * 2. puts each quiz's answer, explanation and sources into its slide's
 *    speaker notes, so the presenter sees them from the start while the
 *    audience sees them only after the presenter's click;
 * 3. marks generated slides `preload: false`, so they mount only while on
 *    screen (their code is fetched a step ahead);
 * 4. drops the answer-key appendix (an import with `answerKey: true`) when
 *    KIT_ANSWER_KEY=off or the headmatter says `answerKey: false`;
 * 5. in the lecture deck (`deck: lecture` in the headmatter), keeps only the
 *    class questions and drops the slides marked `lecture: false`, which are
 *    left to self-study.
 */
export default definePreparserSetup(({ headmatter }) => {
  let data: ReturnType<typeof load> | undefined
  const get = () => (data ??= load())
  const withKey = answerKeyWanted(headmatter ?? {})
  const path = deckPath(headmatter ?? {})
  let pending: ReturnType<typeof quizRefs> = []
  return [{
    name: 'kit',
    transformRawLines(lines) {
      if (lines.some(l => l.includes('kit:'))) {
        const d = get()
        expandMarkers(lines, {
          path,
          quizzes: d.quizzes,
          references: d.counts.references,
          glossary: d.counts.glossary,
          // What the answer key prints for a question, so its pages fit their slides.
          keyLength: q => q.stem.length + q.explanation.length + describeAnswer(q, d.ledger).length
            + q.facts.reduce((n, id) => n + (d.ledger.get(id) ? citationFor(d.ledger.get(id)!, d.references).label.length + 2 : 0), 0) + 40,
        })
      }
    },
    async transformSlide(content, frontmatter) {
      if (frontmatter?.answerKey === true && !withKey)
        frontmatter.disabled = true
      if (frontmatter && path === 'lecture' && frontmatter.lecture === false)
        frontmatter.disabled = true
      // A marker with nothing to show on this path (a bank without class questions, in the lecture).
      if (frontmatter && content.trim() === EMPTY_SLIDE)
        frontmatter.disabled = true
      // Generated slides mount only while on screen, not three seconds after
      // start: kept mounted, a hundred quiz and key slides would make the DOM
      // twice a plain deck's and every later step slower. Their code is
      // fetched a step ahead (composables/usePrefetchNeighbours.ts).
      if (frontmatter && /<(Quiz|AnswerKey|Sources|Glossary|QuizSummary)\b/.test(content))
        frontmatter.preload ??= false
      pending = quizRefs(content)
      return undefined
    },
    async transformNote(note) {
      if (!pending.length)
        return undefined
      const d = get()
      const extra = presenterNotes(pending, d.quizzes, d.ledger, d.references)
      pending = []
      return note ? `${note}\n\n${extra}` : extra
    },
  }]
})
