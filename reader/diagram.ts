/**
 * Draws a diagram of the reading view with the bundled Mermaid (never a
 * CDN) and the kit's own theme (setup/mermaid.ts), in place of the text
 * that stood for it. Diagrams are drawn one at a time, as Mermaid needs.
 *
 * On a narrow screen a left-to-right flowchart (and its subgraphs) is drawn
 * top to bottom, so it fits the column at a readable size; a diagram that
 * still cannot fit without shrinking its text below 70 % keeps that size and
 * scrolls sideways in its own region, focusable so keys scroll it too
 * (the rules are in lib/reader/diagram.ts).
 */
// Mermaid's pre-bundled build: the same API, and a second faster to bundle (reader/mermaid.d.ts).
import mermaid from 'mermaid/dist/mermaid.esm.min.mjs'
import { forColumn, scrollWidth } from '../lib/reader/diagram.ts'
import setupMermaid from '../setup/mermaid.ts'

let queue: Promise<unknown> = Promise.resolve()
let drawn = 0
let initialised = false

function fit(fig: HTMLElement, canvas: HTMLElement): void {
  const svg = canvas.querySelector('svg')
  const natural = svg?.viewBox.baseVal?.width
  if (!svg || !natural)
    return
  const width = scrollWidth(natural, canvas.clientWidth)
  if (width === undefined)
    return
  svg.style.maxWidth = 'none'
  svg.style.width = `${width}px`
  canvas.tabIndex = 0
  canvas.setAttribute('role', 'region')
  canvas.setAttribute('aria-label', `${fig.querySelector('.rd-diagram-title')?.textContent ?? 'Diagram'} (scrolls sideways)`)
  const hint = document.createElement('p')
  hint.className = 'rd-diagram-hint'
  hint.textContent = 'Wider than the screen: scroll it sideways.'
  canvas.after(hint)
}

async function draw(fig: HTMLElement): Promise<void> {
  const src = fig.querySelector<HTMLTemplateElement>('template.rd-diagram-src')
  const canvas = fig.querySelector<HTMLElement>('.rd-diagram-canvas')
  if (!src || !canvas)
    throw new Error('a diagram placeholder lacks its source or canvas')
  if (!initialised) {
    mermaid.initialize({ startOnLoad: false, ...(await setupMermaid()) })
    initialised = true
  }
  const { svg } = await mermaid.render(`rd-mermaid-${++drawn}`, forColumn(src.content.textContent ?? '', canvas.clientWidth))
  canvas.innerHTML = svg
  fig.dataset.drawn = ''
  fit(fig, canvas)
}

export function drawDiagram(fig: HTMLElement): Promise<void> {
  const next = queue.then(() => draw(fig))
  queue = next.catch(() => {})
  return next
}
