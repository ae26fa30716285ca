import type { Block, Line, Measure, Style } from '../../lib/pdf/flow.ts'
import { describe, expect, it } from 'vitest'
import { flow, linesHeight, wrapRuns } from '../../lib/pdf/flow.ts'
import { notesLayout } from '../../lib/pdf/handout.ts'
import { outlineText, plainNotes, sectionOutline } from '../../lib/pdf/outline.ts'
import { printed } from '../../lib/pdf/pages.ts'

/** One unit of width per character, whatever the style. */
const measure: Measure = t => t.length
const body: Style = { font: 'regular', size: 10 }
const bold: Style = { font: 'bold', size: 10 }
const text = (l: Line) => l.segments.map(s => s.text).join('')

describe('wrapRuns', () => {
  it('breaks at spaces within the width, keeping each run\'s style', () => {
    const lines = wrapRuns([{ text: 'Answer: ', style: bold }, { text: 'the Exit and Entry Administration', style: body }], 20, measure, 12)
    expect(lines.map(text)).toEqual(['Answer: the Exit and', 'Entry Administration'])
    expect(lines[0].segments.map(s => [s.text, s.style.font, s.x])).toEqual([['Answer: ', 'bold', 0], ['the Exit and', 'regular', 8]])
    expect(lines.every(l => l.leading === 12)).toBe(true)
  })

  it('indents the lines after the first, starts a line at \\n, and never splits a word', () => {
    const lines = wrapRuns([{ text: 'one two three four\nfive extraordinarily', style: body }], 10, measure, 10, 2)
    expect(lines.map(text)).toEqual(['one two', 'three', 'four', 'five', 'extraordinarily'])
    expect(lines.slice(1).every(l => l.segments[0].x === 2)).toBe(true)
  })
})

describe('flow', () => {
  const b = (height: number, more: Partial<Block<string>> = {}): Block<string> => ({ height, data: more.data ?? `${height}`, ...more })

  it('fills a frame, then the next, dropping the space above a block at the top of a frame', () => {
    const placed = flow([b(40), b(40, { spaceBefore: 5 }), b(30, { spaceBefore: 5 })], 100)
    expect(placed.map(p => [p.frame, p.y])).toEqual([[0, 0], [0, 45], [1, 0]])
  })

  it('keeps a heading with the block after it', () => {
    const placed = flow([b(80), b(10, { keepWithNext: true, data: 'heading' }), b(20)], 100)
    expect(placed.map(p => [p.block.data, p.frame])).toEqual([['80', 0], ['heading', 1], ['20', 1]])
  })

  it('breaks a block longer than a frame at its allowed breaks', () => {
    const placed = flow([b(30), b(150, { breaks: [50, 100] })], 100)
    expect(placed.map(p => [p.frame, p.from, p.to])).toEqual([[0, 0, 30], [0, 0, 50], [1, 50, 150]])
  })

  it('puts at most `maxPerFrame` counted blocks in a frame', () => {
    const placed = flow([b(10, { counted: true }), b(10, { counted: true }), b(10), b(10, { counted: true })], 100, 2)
    expect(placed.map(p => p.frame)).toEqual([0, 0, 0, 1])
  })
})

describe('notesLayout', () => {
  const notes = 'Say: the suspension was one of several responses.\n\nLikely question: why? Answer: because.\n\nMinutes: 2.'

  it('puts what fits beside the slide and runs the rest on below, losing no word', () => {
    const { beside, below } = notesLayout(notes, measure, 20, 60, 3, body, 10)
    expect(linesHeight(beside)).toBeLessThanOrEqual(30)
    expect(below.length).toBeGreaterThan(0)
    const words = (ls: Line[]) => ls.map(text).join(' ').split(/\s+/).filter(Boolean)
    expect([...words(beside), ...words(below)]).toEqual(notes.split(/\s+/))
  })

  it('keeps short notes beside the slide', () => {
    const { beside, below } = notesLayout('Minutes: 0.', measure, 20, 60, 3, body, 10)
    expect(beside.map(text)).toEqual(['Minutes: 0.'])
    expect(below).toEqual([])
  })
})

describe('outline and print selection', () => {
  const s = (no: number, file: string, title: string) => ({ no, file, title, note: '' })

  it('bookmarks each part under its own title, its pages nested', () => {
    const slides = [s(1, 'slides.md', 'Repatriation as Leverage'), s(2, 'pages/01-orientation.md', 'How to use this kit'), s(3, 'pages/01-orientation.md', 'Agenda'), s(4, 'pages/02-august-2022.md', 'Module 2 · August 2022')]
    const entries = sectionOutline(slides, [1, 2, 3, 4], { 1: 'Orientation' })
    expect(entries.map(e => e.title)).toEqual(['Repatriation as Leverage', 'Module 1 · Orientation', 'Module 2 · August 2022'])
    expect(outlineText(entries)).toBe([
      '1||Repatriation as Leverage',
      '-2||Module 1 · Orientation',
      '2|-|How to use this kit',
      '3|-|Agenda',
      '4||Module 2 · August 2022',
    ].join('\n'))
  })

  it('leaves the learner\'s results and the answer-key slides off paper', () => {
    expect(printed({ content: '# Your results\n\n<QuizSummary />' })).toBe(false)
    expect(printed({ content: '# Answer key', answerKey: true })).toBe(false)
    expect(printed({ content: '# Agenda\n\n<UnitPlan />' })).toBe(true)
  })

  it('prints notes as paragraphs, without Markdown', () => {
    expect(plainNotes('Say: **this**\nand `that`.\n\nMinutes: 1.')).toBe('Say: this and that.\n\nMinutes: 1.')
  })
})
