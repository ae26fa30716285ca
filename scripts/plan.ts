/**
 * `npm run plan`: the unit plan, from the data. For each part of the lecture
 * (`lecture.md`), session by session: its minutes (from the speaker notes),
 * its class questions; and beside them the questions each module has for
 * self-study (the whole bank, in `slides.md`). Then the totals.
 *
 * Exits 1 when a lecture slide has no `Minutes: N` line, when a session runs
 * over the period, or when a module has no class question, so a maintainer
 * sees at once that the plan no longer holds.
 *
 *   npm run plan            the table
 *   npm run plan -- --json  the plan as JSON
 */
import { loadQuizzes, loadSources } from '../lib/content.ts'
import { formatPlan, unitPlan } from '../lib/plan.ts'
import { readDeck } from '../tests/e2e/deck.ts'

const root = process.cwd()
const sources = loadSources(root)
const banks = Object.fromEntries(loadQuizzes(root, sources.facts).map(q => [q.stem, q.quiz]))
const plan = unitPlan(await readDeck('lecture.md'), banks)

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(plan, null, 2))
}
else {
  console.log(formatPlan(plan))
}

const problems = [...plan.problems]
for (const s of plan.sessions) {
  if (s.minutes > plan.period)
    problems.push(`lecture session ${s.n} runs ${s.minutes} minutes, over the ${plan.period}-minute period`)
}
const asked = new Set(plan.sessions.flatMap(s => s.rows.filter(r => r.classQuestions > 0).map(r => r.section.module)))
for (const b of Object.values(banks)) {
  if (b.module <= 10 && !asked.has(b.module))
    problems.push(`module ${b.module} has no class question in the lecture (mark one with \`class: true\` in its bank)`)
}
for (const p of problems)
  console.error(`plan: ${p}`)
if (problems.length)
  process.exit(1)
