import { defineAppSetup } from '@slidev/types'
import { watchSlidevA11y } from '../lib/a11y-patches.ts'

/** Keeps Slidev's own controls free of WCAG faults as they render (see lib/a11y-patches.ts). */
export default defineAppSetup(() => {
  if (typeof document === 'undefined')
    return
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => watchSlidevA11y(document), { once: true })
  else
    watchSlidevA11y(document)
})
