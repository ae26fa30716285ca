/**
 * The PDF outline (bookmarks): one entry per module, its slides nested
 * under it. Written in the line format of @lillallol/outline-pdf:
 * `page|dashes|title`, a leading `-` on the page folds the entry.
 */

export interface OutlineSlide {
  /** Page in the PDF, from 1. */
  page: number
  title: string
  /** Which file the slide comes from; a new file starts a new module. */
  file: string
}

/** Characters the outline format cannot hold in a title. */
function clean(title: string): string {
  return title.replace(/\|/g, '/').replace(/\s+/g, ' ').trim() || '(untitled)'
}

export function moduleOutline(slides: readonly OutlineSlide[]): string {
  const lines: string[] = []
  let file: string | undefined
  let group: OutlineSlide[] = []
  const flush = () => {
    if (!group.length)
      return
    const [head, ...rest] = group
    lines.push(`${rest.length ? '-' : ''}${head.page}||${clean(head.title)}`)
    for (const s of rest)
      lines.push(`${s.page}|-|${clean(s.title)}`)
    group = []
  }
  for (const s of slides) {
    if (s.file !== file) {
      flush()
      file = s.file
    }
    group.push(s)
  }
  flush()
  return lines.join('\n')
}

/** Break `text` into lines no wider than `width`, as measured by `measure`. */
export function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = []
  for (const para of text.split('\n')) {
    if (!para.trim()) {
      out.push('')
      continue
    }
    let line = ''
    for (const word of para.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word
      if (measure(next) <= width || !line) {
        line = next
      }
      else {
        out.push(line)
        line = word
      }
    }
    out.push(line)
  }
  // Collapse runs of blank lines.
  return out.filter((l, i) => l !== '' || out[i - 1] !== '')
}

/** Speaker notes as plain text: Markdown emphasis and HTML removed, character references (the escaped data in quiz notes) decoded. */
export function plainNotes(note: string): string {
  return note
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!)
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
