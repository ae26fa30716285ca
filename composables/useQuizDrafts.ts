/**
 * Answers a learner has chosen but not yet checked, kept in memory for the
 * life of the tab. Generated slides mount only while on screen (see
 * setup/preparser.ts), so without this, stepping back to re-read a slide
 * would wipe a half-made answer. Checked answers live in useQuizProgress
 * (localStorage) instead; drafts are not saved across reloads.
 */
export interface Draft {
  /** questionHash() of the question the draft was made for. */
  hash: string
  response: unknown
}

const drafts = new Map<string, Draft>()

/** Responses are JSON values; a copy keeps a draft apart from the form's reactive state. */
const copy = (v: unknown): unknown => v === undefined ? undefined : JSON.parse(JSON.stringify(v))

export function useQuizDrafts() {
  return {
    /** The draft for question `id`, if it was made for this version (`hash`) of it. */
    get(id: string, hash: string): unknown | undefined {
      const d = drafts.get(id)
      return d && d.hash === hash ? copy(d.response) : undefined
    },
    set(id: string, hash: string, response: unknown): void {
      drafts.set(id, { hash, response: copy(response) })
    },
    clear(id: string): void {
      drafts.delete(id)
    },
  }
}

/** Forget every draft (tests only). */
export function resetQuizDraftsForTests(): void {
  drafts.clear()
}
