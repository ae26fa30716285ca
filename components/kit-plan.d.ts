declare module 'virtual:kit-plan' {
  import type { Pace, UnitPlan } from '../lib/plan.ts'

  /** The unit plan: lecture sessions, class and self-study questions (lib/plan.ts). */
  export const plan: UnitPlan
  /** The deck being shown: each slide's section and each section's minutes. */
  export const pace: Pace
}
