/**
 * Vite plugin: serves the unit plan and the presenter's pace to components as
 * `virtual:kit-plan`:
 *
 * - `plan`: the unit plan (lib/plan.ts), read from the lecture deck's slides
 *   and the question banks: the same figures in every deck, in `npm run
 *   plan` and in the README;
 * - `pace`: for the deck being served, each slide's section (module, final
 *   review …) and each section's minutes from the speaker notes.
 *
 * `setup/vite-plugins.ts` supplies the slides (Slidev's parser lives there,
 * not in lib/). A change to a page or a bank rebuilds both in dev.
 */
import type { Plugin } from 'vite'
import type { ParsedSlide } from '../plan.ts'
import { loadQuizzes, loadSources } from '../content.ts'
import { paceOf, toPlanSlide, unitPlan } from '../plan.ts'

export const PLAN_ID = 'virtual:kit-plan'

export interface KitPlanOptions {
  /** Project root holding `quizzes/` and `sources/`. */
  root: string
  /** The slides of the deck being served or built. */
  current: () => readonly ParsedSlide[]
  /** The slides of the lecture deck (`lecture.md`). */
  lecture: () => Promise<readonly ParsedSlide[]>
}

export function kitPlan(opts: KitPlanOptions): Plugin {
  const resolved = `\0${PLAN_ID}`
  return {
    name: 'kit-plan',
    resolveId(id) {
      return id === PLAN_ID ? resolved : undefined
    },
    async load(id) {
      if (id !== resolved)
        return undefined
      const sources = loadSources(opts.root)
      const banks = Object.fromEntries(loadQuizzes(opts.root, sources.facts).map(q => [q.stem, q.quiz]))
      const titles = Object.fromEntries(Object.values(banks).map(b => [b.module, b.title]))
      const lecture = (await opts.lecture()).map((s, i) => toPlanSlide(s, i, opts.root))
      const plan = unitPlan(lecture, banks)
      if (plan.problems.length)
        this.warn(`unit plan: ${plan.problems.join('; ')}`)
      const pace = paceOf(opts.current().map((s, i) => toPlanSlide(s, i, opts.root)), titles)
      return [
        `export const plan = ${JSON.stringify(plan)}`,
        `export const pace = ${JSON.stringify(pace)}`,
      ].join('\n')
    },
    handleHotUpdate(ctx) {
      if (!/\.md$|[/\\]quizzes[/\\][^/\\]+\.ya?ml$/.test(ctx.file))
        return undefined
      const mod = ctx.server.moduleGraph.getModuleById(resolved)
      if (mod)
        ctx.server.moduleGraph.invalidateModule(mod)
      return undefined
    },
  }
}
