// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { patchSlidevA11y, watchSlidevA11y } from '../../lib/a11y-patches.ts'

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

describe('watchSlidevA11y', () => {
  const nextFrame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))

  it('patches what is there at once, and what Slidev adds later by the next frame', async () => {
    document.body.innerHTML = '<div class="slidev-note" id="n1">Notes</div><nav id="nav"></nav>'
    const stop = watchSlidevA11y(document)
    expect(document.getElementById('n1')!.getAttribute('role')).toBe('region')
    // A menu button rendered later, and an inner button put into an outer one that already exists.
    document.getElementById('nav')!.innerHTML = '<button id="o1"><button id="i1" title="Menu">☰</button></button><button id="o2"></button>'
    await nextFrame()
    expect(document.getElementById('i1')!.hasAttribute('inert')).toBe(true)
    expect(document.getElementById('o1')!.getAttribute('aria-label')).toBe('Menu')
    const inner = document.createElement('button')
    inner.title = 'Settings'
    document.getElementById('o2')!.append(inner)
    await nextFrame()
    expect(inner.hasAttribute('inert')).toBe(true)
    expect(document.getElementById('o2')!.getAttribute('aria-label')).toBe('Settings')
    stop()
  })

  it('stops when asked', async () => {
    document.body.innerHTML = ''
    const stop = watchSlidevA11y(document)
    stop()
    document.body.innerHTML = '<div class="slidev-note" id="n2">Notes</div>'
    await nextFrame()
    expect(document.getElementById('n2')!.hasAttribute('role')).toBe(false)
  })
})
