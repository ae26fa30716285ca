// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { patchSlidevA11y } from '../../lib/a11y-patches.ts'

describe('patchSlidevA11y', () => {
  it('unnests Slidev\'s menu buttons: the inner one goes inert, its name moves out', () => {
    document.body.innerHTML = '<div><button id="outer"><button id="inner" title="More Options"><span>More Options</span></button></button></div>'
    patchSlidevA11y(document)
    const outer = document.getElementById('outer')!
    const inner = document.getElementById('inner')!
    expect(outer.getAttribute('aria-label')).toBe('More Options')
    expect(inner.hasAttribute('inert')).toBe(true)
    expect(inner.getAttribute('tabindex')).toBe('-1')
  })

  it('makes the scrolling notes pane a focusable, named region, once', () => {
    document.body.innerHTML = '<div class="slidev-note">Notes</div>'
    patchSlidevA11y(document)
    patchSlidevA11y(document)
    const note = document.querySelector('.slidev-note')!
    expect(note.getAttribute('tabindex')).toBe('0')
    expect(note.getAttribute('role')).toBe('region')
    expect(note.getAttribute('aria-label')).toBe('Speaker notes')
  })

  it('leaves ordinary buttons alone', () => {
    document.body.innerHTML = '<button id="b">Check</button>'
    patchSlidevA11y(document)
    expect(document.getElementById('b')!.attributes).toHaveLength(1)
  })
})
