import { defineAppSetup } from '@slidev/types'
import { patchSlidevA11y } from '../lib/a11y-patches.ts'

/** Keeps Slidev's own controls free of WCAG faults as they render (see lib/a11y-patches.ts). */
export default defineAppSetup(() => {
  if (typeof window === 'undefined' || typeof MutationObserver === 'undefined')
    return
  let queued = false
  const run = () => {
    queued = false
    patchSlidevA11y(document)
  }
  const observer = new MutationObserver(() => {
    if (!queued) {
      queued = true
      requestAnimationFrame(run)
    }
  })
  const start = () => {
    run()
    observer.observe(document.body, { childList: true, subtree: true })
  }
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', start, { once: true })
  else
    start()
})
