import { describe, expect, it } from 'vitest'
import type { Fact, Reference } from '../../lib/ledger/schema.ts'
import type { QuizFile } from '../../lib/quiz/schema.ts'
import { citationFor, describeReference } from '../../lib/cite.ts'
import { ANSWER_KEY_CHARS, ANSWER_KEY_PER_PAGE, EMPTY_SLIDE, expandMarkers, keyPages } from '../../lib/generate.ts'
import { pageCount, pageOf } from '../../lib/paginate.ts'
import { plainNotes } from '../../lib/pdf/outline.ts'
import { presenterNotes, quizRefs } from '../../lib/quiz/notes.ts'

const q = (id: string) => ({
  id, type: 'truefalse' as const, stem: `Stem ${id}?`, facts: ['a'], explanation: `Because of ${id}.`, answer: true, why: 'w',
})
const bank = (module: number, n: number): QuizFile => ({ module, title: `Module ${module}`, questions: Array.from({ length: n }, (_, i) => q(`q${module}-${i + 1}`)) })
const data = { quizzes: { '03-x': bank(3, 3), '04-y': bank(4, ANSWER_KEY_PER_PAGE + 1) }, references: 19, glossary: 12 }

describe('expandMarkers', () => {
  it('turns a quiz marker into one slide per question, separated as Slidev expects', () => {
    const lines = ['# Before', '', '---', '', '<!-- kit:quiz 03-x -->', '', '---', '', '# After']
    expandMarkers(lines, data)
    const text = lines.join('\n')
    expect(text.match(/<Quiz bank="03-x" :question="\d" \/>/g)).toEqual([
      '<Quiz bank="03-x" :question="1" />',
      '<Quiz bank="03-x" :question="2" />',
      '<Quiz bank="03-x" :question="3" />',
    ])
    // Every generated slide starts after a separator followed by a blank line (so no frontmatter is mistaken).
    expect(text.split(/\n---\n/)).toHaveLength(5)
    expect(text).toContain('# Check · Module 3 · Question 3 of 3')
    // A true/false question takes a minute (lib/plan.ts, questionMinutes).
    expect(text).toContain('Minutes: 1')
  })

  it('keeps only the class questions in the lecture, and leaves an empty marker to be dropped', () => {
    const asked = { ...bank(3, 3), questions: bank(3, 3).questions.map((x, i) => i === 1 ? { ...x, class: true } : x) }
    const lines = ['<!-- kit:quiz 03-x -->']
    expandMarkers(lines, { ...data, path: 'lecture', quizzes: { '03-x': asked } })
    const text = lines.join('\n')
    expect(text.match(/<Quiz [^>]+>/g)).toEqual(['<Quiz bank="03-x" :question="2" />'])
    expect(text).toContain('# Class question · Module 3\n')
    // One minute to answer, two to discuss.
    expect(text).toContain('Minutes: 3')
    const none = ['<!-- kit:quiz 04-y -->']
    expandMarkers(none, { ...data, path: 'lecture' })
    expect(none).toEqual([EMPTY_SLIDE])
    // Self-study keeps every question, the class one included.
    const all = ['<!-- kit:quiz 03-x -->']
    expandMarkers(all, { ...data, quizzes: { '03-x': asked } })
    expect(all.join('\n').match(/<Quiz [^>]+>/g)).toHaveLength(3)
  })

  it('paginates the answer key, sources and glossary', () => {
    const key = ['<!-- kit:answer-key -->']
    expandMarkers(key, data)
    expect(key.join('\n').match(/<AnswerKey [^>]+>/g)).toEqual([
      '<AnswerKey bank="03-x" :from="1" :to="3" />',
      '<AnswerKey bank="04-y" :from="1" :to="4" />',
      '<AnswerKey bank="04-y" :from="5" :to="5" />',
    ])
    const src = ['<!-- kit:sources -->']
    expandMarkers(src, data)
    expect(src.join('\n').match(/<Sources :page="\d" \/>/g)).toHaveLength(3)
    const glo = ['<!-- kit:glossary -->']
    expandMarkers(glo, data)
    expect(glo.join('\n')).toContain('# Glossary\n')
  })

  it('packs answer-key pages by count and by length', () => {
    expect(keyPages([10, 10, 10, 10, 10])).toEqual([[1, 4], [5, 5]])
    expect(keyPages([ANSWER_KEY_CHARS - 10, 20, 20])).toEqual([[1, 1], [2, 3]])
    // A question longer than a page still gets a page of its own.
    expect(keyPages([ANSWER_KEY_CHARS * 2, 5])).toEqual([[1, 1], [2, 2]])
    expect(keyPages([])).toEqual([])
  })

  it('fails loudly on a marker naming a bank that does not exist', () => {
    expect(() => expandMarkers(['<!-- kit:quiz 99-nope -->'], data)).toThrow(/quizzes\/99-nope.yaml/)
  })
})

describe('presenter notes', () => {
  const fact: Fact = { id: 'a', claim: 'A claim.', value: { kind: 'number', value: 7 }, status: 'reported', outlet: 'Reuters', source: { section: 'united-states', paragraph: 12, footnotes: [7] } }
  const ref: Reference = { id: 'fn7', footnote: 7, title: 'Take back your immigrants', publisher: 'Reuters', date: '2015-09-11', url: 'https://example.org/x', availability: 'public' }
  it('finds quiz tags and writes the answer, explanation and sources', () => {
    const refs = quizRefs('# T\n\n<Quiz bank="03-x" :question="2" />')
    expect(refs).toEqual([{ src: '03-x', question: 2 }])
    const text = presenterNotes(refs, data.quizzes, new Map([['a', fact]]), new Map([['fn7', ref]]))
    expect(text).toContain('**Answer (q3-2):** True')
    expect(text).toContain('Because of q3-2.')
    // Data is escaped for Slidev's Markdown notes; the handout decodes it back.
    expect(text).toContain('&#91;7&#93; Reuters, 2015-09-11: Take back your immigrants')
    expect(plainNotes(text)).toContain('[7] Reuters, 2015-09-11: Take back your immigrants')
  })
  it('escapes the data, so HTML in an explanation, an option or a reference title never reaches the notes as markup', () => {
    const evil = '<img src=x onerror="window.__xss=1">'
    const quizzes = { '03-x': { ...data.quizzes['03-x'], questions: data.quizzes['03-x'].questions.map(q => ({ ...q, explanation: `${evil} **bold** [click]` })) } }
    const text = presenterNotes([{ src: '03-x', question: 2 }], quizzes, new Map([['a', fact]]), new Map([['fn7', { ...ref, title: evil }]]))
    expect(text).not.toMatch(/<img|\[click\]|\*\*bold/)
    expect(plainNotes(text)).toContain(`Explanation: ${evil} **bold** [click]`)
  })
})

describe('citations', () => {
  const base: Fact = { id: 'x', claim: 'Some claim.', value: { kind: 'name', value: 'X' }, status: 'documented', source: { section: 'canada', paragraph: 22, footnotes: [13, 14] } }
  const refs = new Map<string, Reference>([
    ['fn13', { id: 'fn13', footnote: 13, title: 'Not given in the source', availability: 'missing' }],
    ['fn14', { id: 'fn14', footnote: 14, title: 'Joint communiqué', publisher: 'Prime Minister of Canada', url: 'https://pm.gc.ca/x', availability: 'public' }],
  ])
  it('labels by footnote and says when a footnote has no text', () => {
    const c = citationFor(base, refs)
    expect(c.label).toBe('[13, 14]')
    expect(c.sources[0]).toBe('[13] Footnote text not given in the source')
    expect(c.sources[1]).toContain('Joint communiqué')
  })
  it('falls back to the paragraph when there is no footnote', () => {
    const c = citationFor({ ...base, source: { section: 'canada', paragraph: 18, footnotes: [] } }, refs)
    expect(c.label).toBe('¶18')
    expect(c.sources[0]).toContain('paragraph 18')
  })
  it('names FOI documents as available on request', () => {
    expect(describeReference({ id: 'fn2', footnote: 2, title: 'CBSA documents', availability: 'foi' })).toContain('released under FOI, available on request')
  })
})

describe('pagination', () => {
  it('splits lists and rejects page 0', () => {
    expect(pageCount(19, 7)).toBe(3)
    expect(pageCount(0, 7)).toBe(1)
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4])
    expect(() => pageOf([1], 0, 2)).toThrow(RangeError)
  })
})
