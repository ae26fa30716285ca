// @vitest-environment happy-dom
/**
 * The reading view's pages, generated from the real deck and data
 * (lib/reader), checked against the lib functions the deck's components
 * call, and against the deck's own slide list and speaker notes.
 */
import type { Fact, Reference } from '../../lib/ledger/schema.ts'
import type { ReaderData } from '../../lib/reader/page.ts'
import type { ReaderSlide } from '../../lib/reader/plan.ts'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { citationFor, statusText } from '../../lib/cite.ts'
import { loadQuizzes, loadSources } from '../../lib/content.ts'
import { formatFact } from '../../lib/format.ts'
import { forColumn, scrollWidth } from '../../lib/reader/diagram.ts'
import { esc, ReaderError } from '../../lib/reader/html.ts'
import { readingHref } from '../../lib/reader/links.ts'
import { diagramLabels, parseProps, renderSlideBody, splitTitle, stripComments } from '../../lib/reader/markdown.ts'
import { renderPage, renderReader } from '../../lib/reader/page.ts'
import { pageStem, planReading, readingRanges, slideKind } from '../../lib/reader/plan.ts'
import { readDeck } from '../e2e/deck.ts'

const root = resolve(import.meta.dirname, '../..')
const sources = loadSources(root)
const quizzes = Object.fromEntries(loadQuizzes(root, sources.facts).map(q => [q.stem, q.quiz]))
const ledger = new Map(sources.facts.map(f => [f.id, f]))
const refs = new Map<string, Reference>(sources.references.map(r => [r.id, r]))
const data: ReaderData = {
  ledger,
  references: refs,
  referenceList: sources.references,
  glossary: sources.glossary,
  quizzes,
  deckTitle: 'Repatriation as Leverage',
}
const assets = { css: 'body{}', script: 'assets/reader.js', preload: ['assets/font.woff2'] }
const deck = await readDeck()
const slides: ReaderSlide[] = deck.map(s => ({ no: s.no, file: s.file, content: s.content! }))
const plan = planReading(slides, quizzes)
const pages = renderReader(plan, data, assets)
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html')
const docs = new Map([...pages].map(([f, h]) => [f, parse(h)]))
const fold = (t: string) => t.replace(/\s+/g, ' ').trim()

/** Component tags in a slide's Markdown, in order, with their props. */
function tags(content: string, name: string) {
  return [...stripComments(content).matchAll(new RegExp(`<${name}\\b([^<>]*?)\\s*/>`, 'g'))].map(m => parseProps(m[1], 'test'))
}
const fact = (id: unknown): Fact => ledger.get(String(id))!
const label = (f: Fact) => citationFor(f, refs).label

/** Every teaching slide of every reading page, with the element that shows it. */
const teaching = plan.pages.flatMap((p) => {
  const doc = docs.get(`${p.stem}.html`)!
  const own = [...(p.intro ? [p.intro] : []), ...p.blocks.flatMap(b => b.kind === 'teaching' ? [b.slide] : [])]
  return own.map(s => ({ page: p, slide: s, el: (s === p.intro ? doc.querySelector('.rd-intro') : doc.getElementById(`slide-${s.no}`))! }))
})

describe('the reading view of the real deck', () => {
  it('has an index and one page per module, without the answer key', () => {
    const modules = [...new Set(deck.map(s => pageStem(s.file)).filter(Boolean))] as string[]
    const keyModules = modules.filter(m => deck.some(s => pageStem(s.file) === m && s.answerKey))
    expect(keyModules.length).toBeGreaterThan(0)
    expect([...pages.keys()].sort()).toEqual(['index.html', ...modules.filter(m => !keyModules.includes(m)).map(m => `${m}.html`)].sort())
    for (const html of pages.values())
      expect(html).not.toMatch(/<AnswerKey|Answer key/)
  })

  it('shows every teaching slide, each with its title and a link to that slide in the deck', () => {
    expect(teaching.length).toBeGreaterThan(60)
    for (const { slide, el, page } of teaching) {
      expect(el, `${page.file} slide ${slide.no}`).toBeTruthy()
      const title = splitTitle(stripComments(slide.content)).title!
      if (slide === page.intro)
        expect(fold(docs.get(`${page.stem}.html`)!.querySelector('h1')!.textContent!)).toBe(fold(title.replace(/[`*_]/g, '')))
      else
        expect(el.querySelector('h2')!.textContent, `slide ${slide.no}`).toBe(title.replace(/[`*_]/g, ''))
      if (slide !== page.intro)
        expect(el.querySelector('a.rd-deck')!.getAttribute('href')).toBe(`../#/${slide.no}`)
    }
  })

  it('renders every <Fact> as the text lib/format.ts gives, with the marker lib/cite.ts gives', () => {
    let n = 0
    for (const { slide, el } of teaching) {
      const want = tags(slide.content, 'Fact')
      const got = [...el.querySelectorAll('span.kit-fact')]
      expect(got.length, `slide ${slide.no}`).toBe(want.length)
      want.forEach((p, i) => {
        const f = fact(p.id)
        expect(got[i].getAttribute('data-fact')).toBe(f.id)
        expect(got[i].textContent, `slide ${slide.no} <Fact id="${f.id}">`).toBe(formatFact(f, { unit: p.unit !== false }) + (p.cite === false ? '' : label(f)))
        n++
      })
    }
    expect(n).toBeGreaterThan(90)
  })

  it('renders every <Status>, <Cite> and <Quote> as the lib functions word them', () => {
    for (const { slide, el } of teaching) {
      const statuses = tags(slide.content, 'Status')
      const quotes = tags(slide.content, 'Quote')
      // A quote carries its own status badge; a <Fact> its own marker.
      const badges = [...el.querySelectorAll('.kit-status')].filter(b => !b.closest('.kit-quote'))
      expect(badges.length, `slide ${slide.no}`).toBe(statuses.length)
      statuses.forEach((p, i) => {
        const f = fact(p.id)
        expect(badges[i].getAttribute('data-status')).toBe(f.status)
        expect(fold(badges[i].textContent!)).toMatch(new RegExp(`^\\S ${statusText(f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
        expect(badges[i].querySelector('[aria-hidden="true"]')).toBeTruthy()
      })
      const cites = tags(slide.content, 'Cite')
      const markers = [...el.querySelectorAll('a.rd-cite')].filter(a => !a.closest('.kit-fact, .kit-quote'))
      expect(markers.map(a => a.textContent), `slide ${slide.no}`).toEqual(cites.map(p => label(fact(p.id))))
      for (const a of markers)
        expect(a.getAttribute('aria-label')).toBe(citationFor(fact(a.getAttribute('data-cite')), refs).ariaLabel)
      const figs = [...el.querySelectorAll('figure.kit-quote')]
      expect(figs.length).toBe(quotes.length)
      quotes.forEach((p, i) => {
        const f = fact(p.id)
        if (f.value.kind !== 'quotation')
          throw new Error(`${f.id} is not a quotation`)
        expect(figs[i].querySelector('blockquote')!.textContent).toBe(`“${f.value.text}”`)
        expect(fold(figs[i].querySelector('figcaption')!.textContent!)).toBe(fold(`— ${f.value.speaker} ${label(f)} ${figs[i].querySelector('.kit-status')!.textContent}`))
        expect(figs[i].querySelector('.kit-status')!.textContent).toContain(statusText(f))
      })
    }
  })

  it('leaves every speaker note out', () => {
    for (const [file, doc] of docs) {
      const text = fold(doc.body.textContent!)
      expect(text, file).not.toMatch(/\bSay:|Likely question|Minutes:|Note for the lecturer/)
    }
    let sentences = 0
    for (const p of plan.pages) {
      const text = fold(docs.get(`${p.stem}.html`)!.body.textContent!)
      for (const s of deck.filter(d => p.slides.includes(d.no))) {
        for (const sentence of fold(s.note).split(/(?<=[.?!])\s+/).filter(x => x.length >= 50)) {
          expect(text, `${p.file} slide ${s.no}: a note sentence shows`).not.toContain(sentence)
          sentences++
        }
      }
    }
    expect(sentences).toBeGreaterThan(300)
  })

  it('never skips a heading level', () => {
    for (const [file, doc] of docs) {
      let last = 0
      for (const h of doc.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
        const level = Number(h.tagName[1])
        expect(level, `${file}: <${h.tagName}> ${h.textContent} after h${last}`).toBeLessThanOrEqual(last + 1)
        last = level
      }
    }
  })

  it('leaves no component, Vue expression, comment or UnoCSS layout class in the HTML', () => {
    for (const [file, html] of pages) {
      const body = html.slice(html.indexOf('<body'))
      expect(body, file).not.toMatch(/<\/?[A-Z][A-Za-z]*\b/)
      expect(body, file).not.toContain('{{')
      expect(body, file).not.toContain('<!--')
      expect(body, file).not.toMatch(/class="(?:[^"]*\s)?(?:grid|grid-cols-\d|gap-[\w-]+|mt-\d+|text-sm)[\s"]/)
    }
  })

  it('gives each page unique ids, and every in-page link a target', () => {
    for (const [file, doc] of docs) {
      const ids = [...doc.querySelectorAll('[id]')].map(e => e.id)
      expect(new Set(ids).size, file).toBe(ids.length)
      for (const a of doc.querySelectorAll('a[href^="#"]'))
        expect(doc.getElementById(a.getAttribute('href')!.slice(1)), `${file} ${a.getAttribute('href')}`).toBeTruthy()
      for (const el of doc.querySelectorAll('[aria-labelledby]'))
        expect(doc.getElementById(el.getAttribute('aria-labelledby')!), `${file} aria-labelledby`).toBeTruthy()
    }
  })

  it('has a place for every slide the deck links to, and links between pages that exist', () => {
    const ranges = readingRanges(slides)
    let linked = 0
    for (const s of deck) {
      const href = readingHref(ranges, s.no)
      if (s.answerKey) {
        expect(href, `answer-key slide ${s.no}`).toBeUndefined()
        continue
      }
      expect(href, `slide ${s.no}`).toBeDefined()
      const [file, anchor] = href!.replace(/^read\//, '').split('#')
      const doc = docs.get(file)
      expect(doc, href).toBeTruthy()
      if (anchor)
        expect(doc!.getElementById(anchor), href).toBeTruthy()
      linked++
    }
    expect(linked).toBeGreaterThan(150)
    for (const [file, doc] of docs) {
      for (const a of [...doc.querySelectorAll('a[href*=".html"]')].filter(a => !a.getAttribute('href')!.includes('://'))) {
        const [target, anchor] = a.getAttribute('href')!.split('#')
        expect(docs.has(target), `${file} → ${target}`).toBe(true)
        if (anchor)
          expect(docs.get(target)!.getElementById(anchor), `${file} → ${a.getAttribute('href')}`).toBeTruthy()
      }
    }
  })

  it('holds a placeholder with the stem, and no answer, for every quiz question of every module', () => {
    const asked = deck.filter(s => s.quiz && !s.answerKey)
    expect(asked.length).toBeGreaterThan(90)
    for (const s of asked) {
      const page = plan.pages.find(p => p.slides.includes(s.no))!
      const el = docs.get(`${page.stem}.html`)!.getElementById(`slide-${s.no}`)!
      const q = quizzes[s.quiz!.src].questions[s.quiz!.question - 1]
      const island = el.querySelector('.rd-island')!
      expect(island.getAttribute('data-bank')).toBe(s.quiz!.src)
      expect(island.getAttribute('data-question')).toBe(String(s.quiz!.question))
      expect(island.querySelector('.rd-island-stem')!.textContent).toBe(q.stem)
      expect(island.textContent).not.toContain(q.explanation.slice(0, 40))
      expect(el.querySelector('a.rd-deck')!.getAttribute('href')).toBe(`../#/${s.no}`)
    }
  })

  it('lists, on each page, the sources its markers and quizzes cite', () => {
    for (const p of plan.pages) {
      const doc = docs.get(`${p.stem}.html`)!
      const listed = new Set([...doc.querySelectorAll('.rd-refs li')].map(li => li.id))
      for (const a of doc.querySelectorAll('a.rd-cite'))
        expect(listed.has(a.getAttribute('href')!.slice(1)), `${p.file}: ${a.textContent}`).toBe(true)
      // The quizzes' own markers appear only once they mount: their facts' sources are listed already.
      for (const b of p.blocks.filter(b => b.kind === 'check')) {
        for (const q of (b.kind === 'check' ? b.questions : []).map(x => quizzes[(b as { bank: string }).bank].questions[x.n - 1])) {
          for (const id of q.facts) {
            const f = fact(id)
            const first = citationFor(f, refs).label.match(/\d+/)
            const anchor = citationFor(f, refs).label.startsWith('¶') ? 'ref-article' : `ref-fn${first![0]}`
            expect(listed.has(anchor), `${p.file} ${q.id} ${id}`).toBe(true)
          }
        }
      }
    }
  })

  it('shows the whole reference list and glossary where the deck has them', () => {
    const withSources = plan.pages.filter(p => p.blocks.some(b => b.kind === 'sources'))
    expect(withSources).toHaveLength(1)
    const doc = docs.get(`${withSources[0].stem}.html`)!
    expect([...doc.querySelectorAll('.rd-sources .rd-refs li, section.rd-sources li')].length).toBe(sources.references.length)
    expect(doc.querySelectorAll('.rd-glossary .kit-term').length).toBe(sources.glossary.length)
  })

  it('links the results slide to the deck', () => {
    const results = deck.find(s => /<QuizSummary/.test(s.content!))!
    const page = plan.pages.find(p => p.slides.includes(results.no))!
    const section = docs.get(`${page.stem}.html`)!.getElementById(`slide-${results.no}`)!
    expect(section.querySelector('a.rd-button')!.getAttribute('href')).toBe(`../#/${results.no}`)
  })
})

describe('rendering rules', () => {
  const where = 'pages/99-test.md, slide 7'
  const one = (id: string, extra: Partial<Fact> = {}): Fact => ({
    id,
    claim: 'A claim <b>with</b> markup & "quotes".',
    value: { kind: 'name', value: '<img src=x onerror=alert(1)>' },
    status: 'reported',
    outlet: '<Outlet & Co>',
    source: { section: 'canada', paragraph: 20, footnotes: [3] },
    ...extra,
  })
  const evil: ReaderData = {
    ...data,
    ledger: new Map([
      ['evil', one('evil')],
      ['said', one('said', { status: 'quotation', value: { kind: 'quotation', text: '</blockquote><script>x()</script>', speaker: 'A "speaker"' } })],
    ]),
    references: new Map([['fn3', { id: 'fn3', footnote: 3, title: '"><script>bad()</script>', url: 'https://example.org/?a=1&b="2"', availability: 'public' }]]),
    referenceList: [{ id: 'fn3', footnote: 3, title: '"><script>bad()</script>', url: 'https://example.org/?a=1&b="2"', availability: 'public' }],
  }

  it('escapes every value that comes from the data', () => {
    const { html } = renderSlideBody('- <Fact id="evil" /> <Status id="evil" />\n\n<Quote id="said" />', evil, where)
    expect(html).not.toMatch(/<img|<script|<\/blockquote><script/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('Reported by &lt;Outlet &amp; Co&gt;')
    expect(html).toContain('A &quot;speaker&quot;')
    const doc = parse(`<body>${html}</body>`)
    expect(doc.querySelector('.kit-fact')!.textContent).toBe('<img src=x onerror=alert(1)>[3]')
    const page = renderPage({ stem: '99-test', file: 'pages/99-test.md', title: 'Module 99 · <Test>', slides: [7], blocks: [{ kind: 'teaching', title: 'T', slide: { no: 7, file: 'pages/99-test.md', content: '# T\n\n<Cite id="evil" />' } }] }, { index: [], pages: [] }, evil, assets)
    expect(page).not.toMatch(/<script>bad|<script>x/)
    expect(page).toContain('&quot;&gt;&lt;script&gt;bad()&lt;/script&gt;')
    expect(page).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"')
    expect(esc('<a href="x">\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;')
  })

  it('stops with the file and slide on what it cannot show', () => {
    const bad = (md: string) => () => renderSlideBody(md, data, where)
    expect(bad('<Glossary :page="1" />')).toThrow(ReaderError)
    expect(bad('<Glossary :page="1" />')).toThrow(/pages\/99-test\.md, slide 7: .*<Glossary>/)
    expect(bad('<Fact id="no-such-fact" />')).toThrow(/slide 7: <Fact id="no-such-fact">: no such entry/)
    expect(bad('<Fact id="us-removal-inventory-2021" :colour="red" />')).toThrow(/not a plain value/)
    expect(bad('<Fact id="us-removal-inventory-2021" size="2" />')).toThrow(/unknown prop/)
    expect(bad('<Quote id="us-removal-inventory-2021" />')).toThrow(/needs a quotation entry/)
    expect(bad('Text {{ $slidev.nav.currentPage }}')).toThrow(/static text only/)
    expect(bad('<MyWidget>inside</MyWidget>')).toThrow(/cannot show this component/)
  })

  it('drops notes and slide layout, keeps the kit\'s own classes, and shifts headings under the slide title', () => {
    const { html } = renderSlideBody('<!-- a hidden note -->\n\n<div class="grid grid-cols-2 gap-8 mt-4">\n<div class="kit-note mt-4">\n\n## Sub\n\n### Part\n\nText\n\n</div>\n</div>', data, where)
    expect(html).not.toContain('hidden note')
    expect(html).toContain('<div>\n<div class="kit-note">')
    expect(html).toContain('<h3>Sub</h3>')
    expect(html).toContain('<h4>Part</h4>')
    expect(renderSlideBody('### Only\n\n#### Below', data, where, 1).html).toBe('<h2>Only</h2>\n<h3>Below</h3>\n')
  })

  it('turns a Mermaid block into a figure: its accTitle and accDescr as text, its source inert', () => {
    const src = 'flowchart LR\n  accTitle: The cycle\n  accDescr: A goes to <B>.\n  A["x"] --> B'
    const { html } = renderSlideBody(`\`\`\`mermaid\n${src}\n\`\`\``, data, where)
    const fig = parse(`<body>${html}</body>`).querySelector('figure[data-diagram]')!
    expect(fig.querySelector('figcaption')!.textContent).toBe('The cycle')
    expect(fig.querySelector('.rd-diagram-desc')!.textContent).toBe('A goes to <B>.')
    expect((fig.querySelector('template') as HTMLTemplateElement).content.textContent!.trim()).toBe(src)
    expect(diagramLabels('pie\n  title x')).toEqual({ title: undefined, description: undefined })
  })

  it('reads slide titles and kinds as the generator writes them', () => {
    expect(splitTitle('# Check · Module 4 · Question 2 of 9\n\n<Quiz bank="04-united-states" :question="2" />').title).toBe('Check · Module 4 · Question 2 of 9')
    expect(splitTitle('```mermaid\n# not a title\n```').title).toBeUndefined()
    expect(slideKind('# Q\n\n<Quiz bank="04-x" :question="3" />')).toEqual({ kind: 'quiz', bank: '04-x', n: 3 })
    expect(slideKind('# Sources · page 2 of 3\n\n<Sources :page="2" />')).toEqual({ kind: 'sources' })
    expect(slideKind('# R\n\n<QuizSummary />')).toEqual({ kind: 'results' })
    expect(slideKind('# Key\n\n<AnswerKey bank="x" :from="1" :to="2" />')).toEqual({ kind: 'answer-key' })
    expect(slideKind('# Text\n\nSee <Quiz bank="x" :question="1" /> below')).toEqual({ kind: 'teaching' })
  })

  it('maps slides to reading pages in ranges, and to anchors', () => {
    const s = (no: number, file: string, content = '# T') => ({ no, file, content })
    const ranges = readingRanges([s(1, 'slides.md'), s(2, 'pages/01-a.md'), s(3, 'pages/01-a.md'), s(4, 'pages/02-b.md'), s(5, 'pages/03-key.md', '<AnswerKey bank="x" />'), s(6, '/abs/pages/04-c.md')])
    expect(ranges).toEqual([[1, 1, ''], [2, 3, '01-a'], [4, 4, '02-b'], [6, 6, '04-c']])
    expect(readingHref(ranges, 1)).toBe('read/index.html')
    expect(readingHref(ranges, 3)).toBe('read/01-a.html#slide-3')
    expect(readingHref(ranges, 5)).toBeUndefined()
    expect(readingHref(ranges, 99)).toBeUndefined()
  })

  it('draws left-to-right flowcharts top to bottom on a narrow column only, and scrolls what still cannot fit', () => {
    const lr = 'flowchart LR\n  subgraph S\n    direction LR\n    A --> B\n  end'
    expect(forColumn(lr, 358)).toBe('flowchart TB\n  subgraph S\n    direction TB\n    A --> B\n  end')
    expect(forColumn(lr, 700)).toBe(lr)
    expect(forColumn('sequenceDiagram\n  A->>B: LR', 358)).toBe('sequenceDiagram\n  A->>B: LR')
    expect(scrollWidth(480, 358)).toBeUndefined()
    expect(scrollWidth(1000, 358)).toBe(700)
  })
})
