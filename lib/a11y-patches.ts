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
