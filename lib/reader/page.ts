/**
 * The reading view's HTML documents: one per module page and an index.
 *
 * Each is a complete, static page: its CSS inline, the one body font
 * preloaded, and one deferred module script that turns the quiz and diagram
 * placeholders into live quizzes and drawn diagrams as they come near the
 * screen. Text paints before any script runs, and reads without one.
 *
 * Pure: the plan, the data and the asset names in, HTML strings out.
 */
import type { GlossaryEntry, Reference } from '../ledger/schema.ts'
import type { Question as QuizQuestion, QuizFile } from '../quiz/schema.ts'
import type { LedgerData } from './ledger.ts'
import type { Block, ReaderSlide, ReadingPage, ReadingPlan } from './plan.ts'
import { formatCount } from '../format.ts'
import { esc, ReaderError } from './html.ts'
import { glossaryHtml, referenceIds, referenceItems } from './ledger.ts'
import { pageFile } from './links.ts'
import { renderInline, renderSlideBody, splitTitle, stripComments } from './markdown.ts'

export interface ReaderData extends LedgerData {
  /** The references in their file order (the article, then footnotes 1–18). */
  referenceList: readonly Reference[]
  glossary: readonly GlossaryEntry[]
  quizzes: Readonly<Record<string, QuizFile>>
  /** The deck's title, e.g. "Repatriation as Leverage". */
  deckTitle: string
  /** The deck's description (headmatter `info`), for the index page. */
  description?: string
}

export interface ReaderAssets {
  /** The stylesheet, inlined into every page. */
  css: string
  /** The deferred module script, relative to the reading folder. */
  script: string
  /** Font files to preload, relative to the reading folder. */
  preload: readonly string[]
  /** The deck's favicon, relative to the reading folder. Default: `../favicon.svg`. */
  favicon?: string
}

/** A link to slide `no` of the deck, relative to the reading folder. */
export const deckHref = (no: number) => `../#/${no}`

function deckLink(no: number, last = no): string {
  const label = last > no ? `Slides ${no}–${last}` : `Slide ${no}`
  return `<a class="rd-deck" href="${deckHref(no)}">${label}<span class="kit-sr-only"> in the deck</span></a>`
}

function head(id: string, title: string, level: 2 | 3, no: number, last = no): string {
  return `<header class="rd-sh"><h${level} id="${id}-h">${title}</h${level}>${deckLink(no, last)}</header>`
}

/** A quiz question's place: its stem (so the page reads without script) until the live quiz mounts there. */
function questionHtml(bank: string, q: { no: number, n: number, title: string }, question: QuizQuestion): string {
  const id = `slide-${q.no}`
  return [
    `<article class="rd-q" id="${id}" aria-labelledby="${id}-h">`,
    head(id, esc(q.title), 3, q.no),
    `<div class="rd-island" data-bank="${esc(bank)}" data-question="${q.n}" data-quiz="${esc(question.id)}">`,
    `<p class="rd-island-stem">${esc(question.stem)}</p>`,
    `<p class="rd-island-wait kit-muted">Loading the question…</p>`,
    `<noscript><p>This question needs JavaScript. You can answer it on <a href="${deckHref(q.no)}">slide ${q.no} of the deck</a>.</p></noscript>`,
    '</div>',
    '</article>',
  ].join('\n')
}

interface Rendered {
  html: string
  cited: Set<string>
}

function blockHtml(b: Block, page: ReadingPage, data: ReaderData, ctx: { resultsNote: string }): Rendered {
  const where = (no: number) => `${page.file}, slide ${no}`
  switch (b.kind) {
    case 'teaching': {
      const id = `slide-${b.slide.no}`
      const body = renderSlideBody(splitTitle(stripComments(b.slide.content)).body, data, where(b.slide.no))
      return {
        html: `<section class="rd-section" id="${id}" aria-labelledby="${id}-h">\n${head(id, renderInline(b.title), 2, b.slide.no)}\n${body.html}</section>`,
        cited: body.cited,
      }
    }
    case 'check': {
      const quiz = data.quizzes[b.bank]
      if (!quiz)
        throw new ReaderError(where(b.questions[0].no), `<Quiz bank="${b.bank}">: there is no quizzes/${b.bank}.yaml`)
      const id = `check-${b.bank}`
      const cited = new Set<string>()
      const items = b.questions.map((q) => {
        const question = quiz.questions[q.n - 1]
        if (!question)
          throw new ReaderError(where(q.no), `<Quiz bank="${b.bank}" :question="${q.n}">: the bank has ${quiz.questions.length} questions`)
        question.facts.forEach(f => cited.add(f))
        return questionHtml(b.bank, q, question)
      })
      const n = b.questions.length
      return {
        html: [
          `<section class="rd-section rd-check" id="${id}" aria-labelledby="${id}-h">`,
          `<h2 id="${id}-h">${esc(b.title)}</h2>`,
          `<p class="rd-lead">${n === 1 ? 'One question' : `${formatCount(n).replace(/^./, c => c.toUpperCase())} questions`} on this module. ${ctx.resultsNote}</p>`,
          ...items,
          '</section>',
        ].join('\n'),
        cited,
      }
    }
    case 'sources':
    case 'glossary': {
      const [first, ...more] = b.slides
      const id = `slide-${first}`
      const anchors = more.map(no => `<span id="slide-${no}"></span>`).join('')
      const list = b.kind === 'sources'
        ? `<ol class="rd-refs">\n${referenceItems(data.referenceList)}\n</ol>`
        : glossaryHtml(data.glossary)
      return {
        html: `<section class="rd-section rd-${b.kind}" id="${id}" aria-labelledby="${id}-h">${anchors}\n${head(id, esc(b.title), 2, first, b.slides.at(-1))}\n${list}\n</section>`,
        cited: new Set(),
      }
    }
    case 'results': {
      const id = `slide-${b.no}`
      return {
        html: [
          `<section class="rd-section rd-results" id="${id}" aria-labelledby="${id}-h">`,
          head(id, esc(b.title), 2, b.no),
          '<p>The answers you check on these pages and in the deck are kept together, in this browser only. The deck\'s results slide shows your score for each module and lists every question to review, with a link to the slide that teaches it.</p>',
          `<p><a class="rd-button" href="${deckHref(b.no)}">See your results in the deck</a></p>`,
          '</section>',
        ].join('\n'),
        cited: new Set(),
      }
    }
  }
}

/** The references behind `cited`, in the file's order (the article first). */
function citedReferences(cited: ReadonlySet<string>, data: ReaderData): Reference[] {
  const ids = new Set<string>()
  for (const id of cited) {
    const f = data.ledger.get(id)
    if (f)
      referenceIds(f).forEach(r => ids.add(r))
  }
  return data.referenceList.filter(r => ids.has(r.id))
}

function document(opts: { title: string, description: string, body: string, assets: ReaderAssets }): string {
  const { assets } = opts
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<meta name="description" content="${esc(opts.description)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${esc(assets.favicon ?? '../favicon.svg')}" type="image/svg+xml">
${assets.preload.map(f => `<link rel="preload" href="${esc(f)}" as="font" type="font/woff2" crossorigin>`).join('\n')}
<script>try{var s=localStorage.getItem('slidev-color-schema')}catch(e){}if(s==='dark'||(s!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches))document.documentElement.classList.add('dark')</script>
<style>${assets.css}</style>
<script type="module" src="${esc(assets.script)}"></script>
</head>
<body>
<a class="rd-skip" href="#main">Skip to the text</a>
${opts.body}
</body>
</html>
`
}

function topBar(deckNo: number, home = true): string {
  return `<header class="rd-bar"><nav aria-label="Unit">${home ? '<a href="index.html">All modules</a>' : ''}<a href="${deckHref(deckNo)}">Open the slides</a></nav></header>`
}

/** Where the whole unit's sources are listed (the page with the generated Sources slides), if anywhere. */
function fullSourcesHref(plan: ReadingPlan, here: ReadingPage): string | undefined {
  for (const p of plan.pages) {
    const b = p.blocks.find(x => x.kind === 'sources')
    if (b && b.kind === 'sources')
      return p === here ? `#slide-${b.slides[0]}` : `${pageFile(p.stem)}#slide-${b.slides[0]}`
  }
  return undefined
}

/** One module as a reading page. */
export function renderPage(page: ReadingPage, plan: ReadingPlan, data: ReaderData, assets: ReaderAssets): string {
  const resultsNo = plan.pages.flatMap(p => p.blocks).find(b => b.kind === 'results')
  const resultsNote = resultsNo?.kind === 'results'
    ? `Your answers are kept in this browser and count on the deck's <a href="${deckHref(resultsNo.no)}">results slide</a>.`
    : 'Your answers are kept in this browser.'
  const first = page.slides[0]
  const cited = new Set<string>()
  const parts: string[] = []

  // The head stands for the first slide when that slide names the module; else the slide has its own section.
  parts.push(`<header class="rd-head"${page.intro ? ` id="slide-${page.intro.no}"` : ''}><p class="rd-kicker">${esc(data.deckTitle)} · reading view</p><h1>${renderInline(page.title)}</h1></header>`)
  if (page.intro) {
    const body = renderSlideBody(splitTitle(stripComments(page.intro.content)).body, data, `${page.file}, slide ${page.intro.no}`, 1)
    body.cited.forEach(id => cited.add(id))
    parts.push(`<div class="rd-intro">\n${body.html}</div>`)
  }
  for (const b of page.blocks) {
    const r = blockHtml(b, page, data, { resultsNote })
    r.cited.forEach(id => cited.add(id))
    parts.push(r.html)
  }
  const hasFullList = page.blocks.some(b => b.kind === 'sources')
  if (!hasFullList) {
    const refs = citedReferences(cited, data)
    const all = fullSourcesHref(plan, page)
    parts.push([
      '<section class="rd-section rd-sources" id="sources" aria-labelledby="sources-h">',
      '<h2 id="sources-h">Sources on this page</h2>',
      `<p class="rd-lead">A marker such as [7] points to footnote 7 of the article; ¶8 means paragraph 8 of the article, which has no footnote there.${all ? ` <a href="${all}">All the unit's sources</a> are listed in Module 10.` : ''}</p>`,
      `<ol class="rd-refs">\n${referenceItems(refs)}\n</ol>`,
      '</section>',
    ].join('\n'))
  }

  const i = plan.pages.indexOf(page)
  const prev = plan.pages[i - 1]
  const next = plan.pages[i + 1]
  const pager = [
    prev ? `<a class="rd-prev" rel="prev" href="${pageFile(prev.stem)}"><span class="rd-pager-dir">Previous</span> ${renderInline(prev.title)}</a>` : '<a class="rd-prev" href="index.html"><span class="rd-pager-dir">Back to</span> All modules</a>',
    next ? `<a class="rd-next" rel="next" href="${pageFile(next.stem)}"><span class="rd-pager-dir">Next</span> ${renderInline(next.title)}</a>` : '',
  ].join('')
  const last = page.slides.at(-1)!
  const body = [
    topBar(first),
    `<main id="main" class="rd">\n${parts.join('\n')}\n</main>`,
    `<nav class="rd-pager" aria-label="Modules">${pager}</nav>`,
    `<footer class="rd-foot"><p>The same text as ${last > first ? `slides ${first}–${last}` : `slide ${first}`} of the deck, one column to read on any screen.</p></footer>`,
  ].join('\n')
  return document({
    title: `${plainTitle(page.title)} · ${data.deckTitle}`,
    description: `${plainTitle(page.title)}: a module of ${data.deckTitle}, as one page to read, with its quizzes and sources.`,
    body,
    assets,
  })
}

/** A Markdown title as plain text (for <title>). */
function plainTitle(title: string): string {
  return title.replace(/[`*_]/g, '')
}

function countLine(page: ReadingPage): string {
  const teaching = page.blocks.filter(b => b.kind === 'teaching').length + (page.intro ? 1 : 0)
  const questions = page.blocks.reduce((n, b) => n + (b.kind === 'check' ? b.questions.length : 0), 0)
  const parts = [`${formatCount(teaching)} slide${teaching === 1 ? '' : 's'}`]
  if (questions)
    parts.push(`${formatCount(questions)} quiz question${questions === 1 ? '' : 's'}`)
  if (page.blocks.some(b => b.kind === 'sources'))
    parts.push('all sources')
  if (page.blocks.some(b => b.kind === 'glossary'))
    parts.push('the glossary')
  return parts.join(', ')
}

/** The index: the deck's title slide, then every module with a link to its page. */
export function renderIndex(plan: ReadingPlan, data: ReaderData, assets: ReaderAssets): string {
  const [title, ...rest] = plan.index as [ReaderSlide | undefined, ...ReaderSlide[]]
  const parts: string[] = []
  const h1 = title ? splitTitle(stripComments(title.content)).title ?? data.deckTitle : data.deckTitle
  parts.push(`<header class="rd-head" id="slide-${title?.no ?? 1}"><p class="rd-kicker">Reading view</p><h1>${renderInline(h1)}</h1></header>`)
  if (title) {
    const body = renderSlideBody(splitTitle(stripComments(title.content)).body, data, `${title.file}, slide ${title.no}`, 1)
    parts.push(`<div class="rd-intro">\n${body.html}</div>`)
  }
  for (const s of rest) {
    const id = `slide-${s.no}`
    const { title: t, body } = splitTitle(stripComments(s.content))
    const r = renderSlideBody(body, data, `${s.file}, slide ${s.no}`)
    parts.push(`<section class="rd-section" id="${id}" aria-labelledby="${id}-h">\n${head(id, renderInline(t ?? `Slide ${s.no}`), 2, s.no)}\n${r.html}</section>`)
  }
  parts.push([
    '<section class="rd-section" id="modules" aria-labelledby="modules-h">',
    '<h2 id="modules-h">The modules</h2>',
    '<p class="rd-lead">Each module is one page with the text, diagrams and quizzes of its slides. Your quiz answers are kept in this browser and shared with the deck.</p>',
    '<ol class="rd-modules">',
    ...plan.pages.map(p => `<li><a href="${pageFile(p.stem)}">${renderInline(p.title)}</a><span class="rd-modules-count">${esc(countLine(p))}</span></li>`),
    '</ol>',
    '</section>',
  ].join('\n'))
  const body = [
    topBar(title?.no ?? 1, false),
    `<main id="main" class="rd">\n${parts.join('\n')}\n</main>`,
    `<footer class="rd-foot"><p>${esc(data.description ?? '')}</p></footer>`,
  ].join('\n')
  return document({ title: `${data.deckTitle} · reading view`, description: data.description ?? data.deckTitle, body, assets })
}

/** Every page of the reading view: file name (inside the reading folder) → HTML. */
export function renderReader(plan: ReadingPlan, data: ReaderData, assets: ReaderAssets): Map<string, string> {
  const out = new Map<string, string>()
  out.set(pageFile(''), renderIndex(plan, data, assets))
  for (const p of plan.pages)
    out.set(pageFile(p.stem), renderPage(p, plan, data, assets))
  return out
}
