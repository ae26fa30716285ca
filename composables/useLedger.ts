import type { Fact, Reference } from '../lib/ledger/schema.ts'
import { facts, glossary, references } from 'virtual:kit-content'
import { citationFor } from '../lib/cite.ts'

const refMap: ReadonlyMap<string, Reference> = new Map(Object.entries(references))

/**
 * Read access to the validated fact ledger, references and glossary that the
 * `kit-content` Vite plugin serves. An unknown id is reported on the console
 * (the e2e tests fail on console errors) and returns `undefined`.
 */
export function useLedger() {
  function fact(id: string): Fact | undefined {
    const f = facts[id]
    if (!f)
      console.error(`[kit] unknown fact id "${id}": add it to sources/facts.yaml or fix the slide`)
    return f
  }
  return {
    fact,
    citation: (id: string) => {
      const f = fact(id)
      return f ? citationFor(f, refMap) : undefined
    },
    references: Object.values(references),
    glossary,
  }
}
