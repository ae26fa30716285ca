import type { DataIssue } from '../lib/load.ts'
import type { Kit } from '../lib/content.ts'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { definePreparserSetup } from '@slidev/types'
import { errorHtml, publish, stop } from '../lib/authoring.ts'
import { citationFor } from '../lib/cite.ts'
import { readKit } from '../lib/content.ts'
import type { DeckPath } from '../lib/generate.ts'
import { EMPTY_SLIDE, expandMarkers, MARKER, pageIssues } from '../lib/generate.ts'
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

function dataOf(kit: Kit) {
  return {
    quizzes: Object.fromEntries(kit.quizzes.map(q => [q.stem, q.quiz])),
    ledger: new Map(kit.content.facts.map(f => [f.id, f])),
    references: new Map(kit.content.references.map(r => [r.id, r])),
    counts: { references: kit.content.references.length, glossary: kit.content.glossary.length },
  }
}

/** Which deck file `lines` are (Slidev does not say): the one with the same text. */
function fileOf(kit: Kit, lines: readonly string[]): string {
  const text = lines.join('\n')
  return kit.pages.find(p => p.text.replace(/\r\n/g, '\n') === text)?.file ?? '(a Markdown file imported by the deck)'
}

/**
 * Dev server: put an error box where each broken marker or component is, so
 * the deck keeps working and shows what to fix. A marker of a bank whose
 * file has errors gets a box listing them.
 */
function markErrors(lines: string[], file: string, kit: Kit): void {
  const text = lines.join('\n')
  const boxes: { start: number, end: number, issues: DataIssue[] }[] = pageIssues(text, file, kit.pageData)
    .map(i => ({ start: i.start, end: i.end, issues: [i] }))
  let offset = 0
  for (const line of lines) {
    const m = line.match(MARKER)
    if (m?.[1] === 'quiz' && m[2] && kit.banks.broken.has(m[2]) && !boxes.some(b => b.start === offset))
      boxes.push({ start: offset, end: offset + line.length, issues: kit.issues.filter(i => i.file.endsWith(`/${m[2]}.yaml`)) })
    offset += line.length + 1
  }
  if (!boxes.length)
    return
  let out = text
  for (const b of boxes.sort((x, y) => y.start - x.start))
    out = out.slice(0, b.start) + errorHtml(b.issues) + out.slice(b.end)
  lines.splice(0, lines.length, ...out.split('\n'))
}

/**
 * The kit's Markdown pre-processing:
 * 1. checks the whole kit first (lib/content.ts `readKit`: the data files,
 *    and every marker and component reference of every page). Any problem
 *    stops `slidev build` and `slidev export`, printed as `file:line field:
 *    message` (lib/authoring.ts). In `slidev` (dev) the problems are printed
 *    and shown in Vite's overlay, and an error box takes the place of each
 *    broken marker or component. Nothing here throws into Slidev, which would
 *    drop the page without a word;
 * 2. expands `<!-- kit:… -->` markers into slides generated from the data
 *    (quiz questions, answer key, sources, glossary; see lib/generate.ts);
 * 3. puts each quiz's answer, explanation and sources into its slide's
 *    speaker notes, so the presenter sees them from the start while the
 *    audience sees them only after the presenter's click;
 * 4. marks generated slides `preload: false`, so they mount only while on
 *    screen (their code is fetched a step ahead);
 * 5. drops the answer-key appendix (an import with `answerKey: true`) when
 *    KIT_ANSWER_KEY=off or the headmatter says `answerKey: false`;
 * 6. in the lecture deck (`deck: lecture` in the headmatter), keeps only the
 *    class questions and drops the slides marked `lecture: false`, which are
 *    left to self-study.
 */
export default definePreparserSetup(({ headmatter, mode }) => {
  const dev = mode === 'dev'
  let kit: Kit | undefined
  let data: ReturnType<typeof dataOf> | undefined
  const withKey = answerKeyWanted(headmatter ?? {})
  const path = deckPath(headmatter ?? {})
  let pending: ReturnType<typeof quizRefs> = []

  /** The kit, read once per parse of the deck; problems stop a build here, before anything is written. */
  function get() {
    if (!kit) {
      kit = readKit(root)
      data = dataOf(kit)
      if (dev)
        publish(kit.issues)
      else if (kit.issues.length)
        stop(kit.issues)
    }
    return { kit, data: data! }
  }

  /** A bug in the kit itself (not an authoring mistake): say so, and never let Slidev swallow it. */
  function internal(e: unknown, where: string): undefined {
    const message = `${where}: ${(e as Error)?.stack ?? e}`
    if (!dev)
      stop([{ file: 'setup/preparser.ts', line: 1, field: '(internal error)', message }])
    publish([...(kit?.issues ?? []), { file: 'setup/preparser.ts', line: 1, field: '(internal error)', message: (e as Error)?.message ?? String(e) }])
    return undefined
  }

  return [{
    name: 'kit',
    transformRawLines(lines) {
      try {
        const { kit, data: d } = get()
        if (dev)
          markErrors(lines, fileOf(kit, lines), kit)
        if (!lines.some(l => l.includes('kit:')))
          return
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
      catch (e) {
        internal(e, 'expanding the kit markers')
      }
    },
    async transformSlide(content, frontmatter) {
      try {
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
      }
      catch (e) {
        internal(e, 'reading a slide')
      }
      return undefined
    },
    async transformNote(note) {
      if (!pending.length)
        return undefined
      try {
        const { data: d } = get()
        const extra = presenterNotes(pending, d.quizzes, d.ledger, d.references)
        pending = []
        return note ? `${note}\n\n${extra}` : extra
      }
      catch (e) {
        pending = []
        return internal(e, 'writing the presenter notes')
      }
    },
  }]
})
