/**
 * The reading view's citation marker for quiz explanations: the same label
 * as the deck's (lib/cite.ts), linking to the reference in the page's own
 * sources list (lib/reader/ledger.ts `refAnchor`), as the page's static
 * markers do.
 */
import type { FunctionalComponent } from 'vue'
import type { Reference } from '../lib/ledger/schema.ts'
import { facts, references } from 'virtual:kit-content'
import { h } from 'vue'
import { citationFor } from '../lib/cite.ts'
import { refAnchor } from '../lib/reader/ledger.ts'

const refs: ReadonlyMap<string, Reference> = new Map(Object.entries(references))

export const ReaderCite: FunctionalComponent<{ id: string }> = (props) => {
  const f = facts[props.id]
  if (!f) {
    console.error(`[kit] unknown fact id "${props.id}"`)
    return null
  }
  const c = citationFor(f, refs)
  return h('a', { 'class': 'kit-cite-label rd-cite', 'href': `#${refAnchor(f)}`, 'aria-label': c.ariaLabel, 'data-cite': f.id }, c.label)
}
ReaderCite.props = ['id']
