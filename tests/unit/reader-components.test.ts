// @vitest-environment happy-dom
/**
 * The reading view and the deck show the same words: for every ledger
 * component in every module, the Vue component the deck mounts and the
 * HTML the reading view writes have the same text. Runs on the real ledger,
 * references and glossary (the component tests' small fixture stands in
 * for `virtual:kit-content` everywhere else).
 */
import type { Component } from 'vue'
import type { Reference } from '../../lib/ledger/schema.ts'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import Cite from '../../components/Cite.vue'
import Fact from '../../components/Fact.vue'
import Glossary from '../../components/Glossary.vue'
import Quote from '../../components/Quote.vue'
import Sources from '../../components/Sources.vue'
import Status from '../../components/Status.vue'
import { loadSources } from '../../lib/content.ts'
import { factHtml, glossaryHtml, quoteHtml, referenceItems, statusHtml, citeHtml } from '../../lib/reader/ledger.ts'
import { parseProps, stripComments } from '../../lib/reader/markdown.ts'
import { GLOSSARY_PER_PAGE, pageCount, SOURCES_PER_PAGE } from '../../lib/paginate.ts'

vi.mock('virtual:kit-content', async () => {
  const { loadSources } = await import('../../lib/content.ts')
  const s = loadSources(resolve(import.meta.dirname, '../..'))
  return {
    facts: Object.fromEntries(s.facts.map(f => [f.id, f])),
    references: Object.fromEntries(s.references.map(r => [r.id, r])),
    glossary: s.glossary,
  }
})

const root = resolve(import.meta.dirname, '../..')
const sources = loadSources(root)
const data = {
  ledger: new Map(sources.facts.map(f => [f.id, f])),
  references: new Map<string, Reference>(sources.references.map(r => [r.id, r])),
}
const fold = (t: string) => t.replace(/\s+/g, ' ').trim()
const textOf = (html: string) => {
  const el = document.createElement('div')
  el.innerHTML = html
  return el
}
const mountIt = (c: Component, props: Record<string, unknown>) =>
  mount(c, { props, global: { components: { Cite, Status }, stubs: { RouterLink: RouterLinkStub } } })

/** Every ledger component used in pages/*.md and slides.md, with its props. */
const used = ['slides.md', ...readdirSync(resolve(root, 'pages')).filter(f => f.endsWith('.md')).map(f => `pages/${f}`)].flatMap((file) => {
  const md = stripComments(readFileSync(resolve(root, file), 'utf8'))
  return [...md.matchAll(/<(Fact|Cite|Status|Quote)\b([^<>]*?)\s*\/>/g)].map(m => ({ file, name: m[1], props: parseProps(m[2], file) }))
})

describe('the reading view words each ledger component as the deck does', () => {
  it('covers every kind', () => {
    expect(new Set(used.map(u => u.name))).toEqual(new Set(['Fact', 'Cite', 'Status', 'Quote']))
    expect(used.length).toBeGreaterThan(200)
  })

  it('<Fact>: value, unit and marker', () => {
    for (const u of used.filter(u => u.name === 'Fact')) {
      const f = data.ledger.get(String(u.props.id))!
      const w = mountIt(Fact, u.props)
      const ours = textOf(factHtml(f, data, { unit: u.props.unit !== false, cite: u.props.cite !== false }))
      // The deck's marker carries a tooltip with the claim; the reading view lists sources instead.
      const deckText = w.find('.kit-fact').element.cloneNode(true) as HTMLElement
      deckText.querySelectorAll('[role=tooltip]').forEach(t => t.remove())
      expect(fold(ours.textContent!), `${u.file} <Fact id="${f.id}">`).toBe(fold(deckText.textContent!))
      w.unmount()
    }
  })

  it('<Cite>: the marker and its accessible name', () => {
    for (const u of used.filter(u => u.name === 'Cite')) {
      const f = data.ledger.get(String(u.props.id))!
      const w = mountIt(Cite, u.props)
      const link = w.find('.kit-cite-label')
      const ours = textOf(citeHtml(f, data)).querySelector('a')!
      expect(ours.textContent, `${u.file} <Cite id="${f.id}">`).toBe(link.text())
      expect(ours.getAttribute('aria-label')).toBe(link.attributes('aria-label'))
      w.unmount()
    }
  })

  it('<Status>: icon and label', () => {
    for (const u of used.filter(u => u.name === 'Status')) {
      const f = data.ledger.get(String(u.props.id))!
      const w = mountIt(Status, u.props)
      const ours = textOf(statusHtml(f)).firstElementChild!
      expect(ours.textContent, `${u.file} <Status id="${f.id}">`).toBe(w.text())
      expect(ours.querySelector('[aria-hidden="true"]')!.textContent).toBe(w.find('[aria-hidden="true"]').text())
      w.unmount()
    }
  })

  it('<Quote>: words, speaker, marker and status', () => {
    for (const u of used.filter(u => u.name === 'Quote')) {
      const f = data.ledger.get(String(u.props.id))!
      const w = mountIt(Quote, u.props)
      const deck = w.element.cloneNode(true) as HTMLElement
      deck.querySelectorAll('[role=tooltip]').forEach(t => t.remove())
      const ours = textOf(quoteHtml(f, data)!)
      expect(fold(ours.querySelector('blockquote')!.textContent!), `${u.file} <Quote id="${f.id}">`).toBe(fold(deck.querySelector('blockquote')!.textContent!))
      expect(fold(ours.querySelector('figcaption')!.textContent!)).toBe(fold(deck.querySelector('figcaption')!.textContent!))
      w.unmount()
    }
  })

  it('the Sources slides and the reading view list the same references', () => {
    const deck: string[] = []
    for (let page = 1; page <= pageCount(sources.references.length, SOURCES_PER_PAGE); page++) {
      const w = mountIt(Sources, { page })
      deck.push(...w.findAll('li').map(li => `${fold(li.find('.kit-ref-text').text())} | ${li.find('a').exists() ? li.find('a').attributes('href') : ''}`))
      w.unmount()
    }
    const ours = [...textOf(`<ol>${referenceItems(sources.references)}</ol>`).querySelectorAll('li')]
      .map(li => `${fold(li.querySelector('.kit-ref-text')!.textContent!)} | ${li.querySelector('a')?.getAttribute('href') ?? ''}`)
    expect(ours).toEqual(deck)
    expect(ours).toHaveLength(sources.references.length)
  })

  it('the Glossary slides and the reading view list the same terms in the same order', () => {
    const deck: string[] = []
    for (let page = 1; page <= pageCount(sources.glossary.length, GLOSSARY_PER_PAGE); page++) {
      const w = mountIt(Glossary, { page })
      deck.push(...w.findAll('.kit-term').map(t => fold(t.text())))
      w.unmount()
    }
    const ours = [...textOf(glossaryHtml(sources.glossary)).querySelectorAll('.kit-term')].map(t => fold(t.textContent!))
    expect(ours).toEqual(deck)
    expect(ours).toHaveLength(sources.glossary.length)
  })
})
