/**
 * Fixes for accessibility faults in Slidev's own controls (52.20), applied to
 * the DOM as Slidev renders it. Each is small, idempotent and leaves Vue's
 * element references intact (attributes only, no nodes moved).
 *
 * - Slidev's MenuButton puts a <button> inside a <button> (axe:
 *   nested-interactive). The inner one is made inert and its name moves to
 *   the outer one, which already opens the menu.
 * - The presenter's notes pane scrolls but cannot be focused (axe:
 *   scrollable-region-focusable): it becomes a focusable, named region.
 */
export function patchSlidevA11y(root: ParentNode): void {
  for (const inner of root.querySelectorAll<HTMLButtonElement>('button button')) {
    const outer = inner.parentElement?.closest('button')
    if (!outer || inner.hasAttribute('inert'))
      continue
    const name = inner.getAttribute('title') ?? inner.textContent?.trim() ?? ''
    if (name && !outer.hasAttribute('aria-label'))
      outer.setAttribute('aria-label', name)
    if (name && !outer.hasAttribute('title'))
      outer.setAttribute('title', name)
    inner.setAttribute('inert', '')
    inner.setAttribute('tabindex', '-1')
  }
  for (const note of root.querySelectorAll<HTMLElement>('.slidev-note')) {
    if (note.hasAttribute('tabindex'))
      continue
    note.setAttribute('tabindex', '0')
    note.setAttribute('role', 'region')
    note.setAttribute('aria-label', 'Speaker notes')
  }
}

/**
 * Applies {@link patchSlidevA11y} to the document now, then to whatever
 * Slidev adds later, once per animation frame and only within the parents
 * of the added nodes (a query from a node's parent still sees the node
 * itself, and the button it may sit in). Returns a function that stops it.
 */
export function watchSlidevA11y(doc: Document): () => void {
  const win = doc.defaultView
  if (!win || typeof win.MutationObserver === 'undefined')
    return () => {}
  const roots = new Set<ParentNode>()
  let frame = 0
  const flush = () => {
    frame = 0
    for (const r of roots) {
      if ((r as Node).isConnected)
        patchSlidevA11y(r)
    }
    roots.clear()
  }
  const observer = new win.MutationObserver((records) => {
    for (const rec of records) {
      for (const node of rec.addedNodes) {
        if (node.nodeType === 1)
          roots.add(node.parentElement ?? (node as Element))
      }
    }
    if (roots.size && !frame)
      frame = win.requestAnimationFrame(flush)
  })
  patchSlidevA11y(doc)
  observer.observe(doc.body, { childList: true, subtree: true })
  return () => {
    observer.disconnect()
    if (frame)
      win.cancelAnimationFrame(frame)
  }
}
