/**
 * Schemas for the fact ledger (`sources/facts.yaml`), the references
 * (`sources/references.yaml`) and the glossary (`sources/glossary.yaml`).
 *
 * Pure data validation: no Vue, no Slidev, no file system. `lib/load.ts`
 * turns a schema failure into a `file:line field` message.
 */
import { z } from 'zod'
import { SECTION_PARAGRAPHS, SECTIONS, STATUS_LABEL, STATUSES } from './labels.ts'

export { SECTION_PARAGRAPHS, SECTIONS, STATUS_LABEL, STATUSES }

/** Stable identifiers: lower-case words joined by hyphens, e.g. `us-removal-inventory-2021`. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')

/**
 * How well a statement is supported, in the words of the brief:
 * - `documented`: a documented figure, date, name or event (official records, FOI documents, public statements of fact).
 * - `reported`: reported by a named outlet (Reuters, ProPublica, The Globe and Mail …); `outlet` is required
 *   and must be a publisher in the references.
 * - `quotation`: words of a named person or a named document; `value.kind` must be `quotation`.
 * - `interpretation`: the author's (Safeguard Defenders') own reading, assessment or advocacy, or an
 *   unnamed person's assessment that the author adopts.
 *
 * The rules that need more than one entry (a named speaker, a known outlet)
 * are in `rules.ts`; `npm run check` applies them.
 */
export const Status = z.enum(STATUSES)
export type Status = z.infer<typeof Status>

const Season = z.enum(['spring', 'summer', 'autumn', 'winter', 'christmas'])
const Part = z.enum(['early', 'mid', 'late'])

/** A typed value. `kind` picks the shape; the formatter in `lib/format.ts` renders each for English. */
export const Value = z.discriminatedUnion('kind', [
  /** A count or amount. `approx: true` renders "about 39,000" / "nearly" etc. via `qualifier`. */
  z.object({
    kind: z.literal('number'),
    value: z.number(),
    /** Word the article uses for an approximate figure: "about", "nearly", "some", "over". Default: none. */
    qualifier: z.enum(['about', 'nearly', 'some', 'over', 'at least', 'no less than']).optional(),
  }).strict(),
  /** An inclusive range of numbers, e.g. 300–800 people a year. */
  z.object({ kind: z.literal('range'), min: z.number(), max: z.number() }).strict(),
  /** A calendar year. */
  z.object({ kind: z.literal('year'), value: z.number().int().min(1900).max(2100) }).strict(),
  /** A period between two years, inclusive, e.g. 2008–2020. `to_part` marks "early 2017". */
  z.object({
    kind: z.literal('period'),
    from: z.number().int().min(1900).max(2100),
    to: z.number().int().min(1900).max(2100),
    to_part: Part.optional(),
  }).strict(),
  /** A date with the precision the article gives: a year plus optional month, day, season or part. */
  z.object({
    kind: z.literal('date'),
    year: z.number().int().min(1900).max(2100),
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
    season: Season.optional(),
    part: Part.optional(),
  }).strict(),
  /** A person, body, place, programme or document name. */
  z.object({ kind: z.literal('name'), value: z.string().min(1) }).strict(),
  /** Words a named person or document said. `text` must appear verbatim in the article. */
  z.object({ kind: z.literal('quotation'), text: z.string().min(1), speaker: z.string().min(1) }).strict(),
  /** An event or statement with no single value; `value` is a short label in our own words. */
  z.object({ kind: z.literal('text'), value: z.string().min(1) }).strict(),
])
export type Value = z.infer<typeof Value>

/** The id of a reference of kind `context`: background from outside the article, e.g. `ctx-schengen`. */
export const ContextId = z.string().regex(/^ctx-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be the id of a `kind: context` reference, `ctx-…`')

/** Where in the article a fact comes from. */
export const SourceRef = z.object({
  /** Section of the article; see `SECTIONS`. */
  section: z.enum(Object.keys(SECTIONS) as [keyof typeof SECTIONS, ...(keyof typeof SECTIONS)[]]),
  /**
   * Body paragraph number, 1–38, counted from the first content line after the
   * "EN / 中文" language switcher. Omit only when `in_footnote` is given.
   */
  paragraph: z.number().int().min(1).max(38).optional(),
  /** The fact is stated in the text of this footnote (footnote 5 holds the Swiss paragraph). */
  in_footnote: z.number().int().min(1).max(18).optional(),
  /** Footnote markers that support the fact, e.g. `[7]`. Empty when the article gives none. */
  footnotes: z.array(z.number().int().min(1).max(18)).default([]),
}).strict().refine(s => s.paragraph !== undefined || s.in_footnote !== undefined, {
  message: 'give `paragraph` (1–38) or `in_footnote`',
  path: ['paragraph'],
})
export type SourceRef = z.infer<typeof SourceRef>


export const Fact = z.object({
  /** Stable id; slides and quizzes cite it. Never reuse a retired id. */
  id: Id,
  /** One sentence, in our own words, stating the fact. */
  claim: z.string().min(10),
  /** The typed value. */
  value: Value,
  /** Unit of a number or range, e.g. `people`, `people a year`, `agreements`. */
  unit: z.string().optional(),
  /** When the figure was true, e.g. `2021`, `Christmas 2021`. */
  as_of: z.string().optional(),
  status: Status,
  /** The outlet that reported it, required when `status: reported`; a publisher in references.yaml. */
  outlet: z.string().optional(),
  /** Where in the article it comes from. */
  source: SourceRef,
  /**
   * Background from outside the article that the entry also relies on (for
   * example the correct name of a body the article misspells): ids of
   * `kind: context` references. Default: none.
   */
  context: z.array(ContextId).min(1).optional(),
  /** Free note for teachers: caveats, why the status was chosen. */
  note: z.string().optional(),
}).strict().superRefine((f, ctx) => {
  if (f.status === 'reported' && !f.outlet)
    ctx.addIssue({ code: 'custom', path: ['outlet'], message: 'a `reported` fact must name its `outlet`' })
  if (f.status === 'quotation' && f.value.kind !== 'quotation')
    ctx.addIssue({ code: 'custom', path: ['value', 'kind'], message: 'a `quotation` fact must have `value.kind: quotation`' })
  if (f.value.kind === 'range' && f.value.min > f.value.max)
    ctx.addIssue({ code: 'custom', path: ['value', 'min'], message: '`min` is greater than `max`' })
  if (f.value.kind === 'period' && f.value.from > f.value.to)
    ctx.addIssue({ code: 'custom', path: ['value', 'from'], message: '`from` is after `to`' })
})
export type Fact = z.infer<typeof Fact>

export const FactsFile = z.array(Fact)

/**
 * What a reference is:
 * - `article`: the article itself;
 * - `footnote`: one of its footnotes, `fn1` … `fn18`;
 * - `context`: background from outside the article, `ctx-…`, cited only by a
 *   speaker-notes block headed "Outside the article", a glossary entry or a
 *   ledger entry's `context`.
 * Default: read from the id.
 */
export const ReferenceKind = z.enum(['article', 'footnote', 'context'])
export type ReferenceKind = z.infer<typeof ReferenceKind>

/** The kind an id implies: `article`, `fnN` → footnote, `ctx-…` → context. */
export function kindOfId(id: string): ReferenceKind {
  return id === 'article' ? 'article' : id.startsWith('ctx-') ? 'context' : 'footnote'
}

export const Reference = z.object({
  /** `article` for the article itself, `fn1` … `fn18` for its footnotes, `ctx-…` for outside background. */
  id: z.string().regex(/^(article|fn([1-9]|1[0-8])|ctx-[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'must be `article`, `fn1` … `fn18`, or `ctx-…`'),
  /** `article`, `footnote` or `context`. Default: read from the id. */
  kind: ReferenceKind.optional(),
  /** Footnote number, absent for the article. */
  footnote: z.number().int().min(1).max(18).optional(),
  /** Title of the cited work, or a description when it has none. */
  title: z.string().min(1),
  publisher: z.string().optional(),
  author: z.string().optional(),
  /** Publication date as ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, where known. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  /** Where to read it: an `http://` or `https://` address (or `mailto:`). Other schemes (`javascript:`, `data:`, `file:`) are refused: the deck makes this a link. */
  url: z.string().url('must be a web address such as https://example.org/page').refine(u => /^(?:https?:\/\/|mailto:)/i.test(u), 'must start with https:// or http:// (or mailto:); other kinds of link, such as javascript:, data: or file:, are not allowed').optional(),
  /**
   * How the source can be had when there is no URL:
   * - `foi`: released under FOI, available on request;
   * - `missing`: the footnote marker exists but the article gives no text ("not given in the source").
   */
  availability: z.enum(['public', 'foi', 'missing']).default('public'),
  note: z.string().optional(),
}).strict().superRefine((r, ctx) => {
  if (r.availability === 'public' && !r.url)
    ctx.addIssue({ code: 'custom', path: ['url'], message: 'a public reference needs a `url`' })
  if (r.kind !== undefined && r.kind !== kindOfId(r.id))
    ctx.addIssue({ code: 'custom', path: ['kind'], message: `\`${r.id}\` is a ${kindOfId(r.id)} reference, not \`${r.kind}\`` })
  if (kindOfId(r.id) === 'context') {
    if (!r.publisher)
      ctx.addIssue({ code: 'custom', path: ['publisher'], message: 'a `context` reference must name its `publisher`' })
    if (r.availability !== 'public')
      ctx.addIssue({ code: 'custom', path: ['availability'], message: 'a `context` reference must be public, with a `url`' })
    if (r.footnote !== undefined)
      ctx.addIssue({ code: 'custom', path: ['footnote'], message: 'a `context` reference is not a footnote of the article' })
  }
})
export type Reference = z.infer<typeof Reference>
export const ReferencesFile = z.array(Reference)

export const GlossaryEntry = z.object({
  /** The term or acronym as students meet it. */
  term: z.string().min(1),
  /** Expansion of an acronym, e.g. `Ministry of Public Security`. */
  expansion: z.string().optional(),
  /** Definition in our own words. */
  definition: z.string().min(10),
  /** Ledger ids that illustrate the term. */
  facts: z.array(Id).default([]),
  /**
   * `kind: context` references for a definition or expansion that goes beyond
   * the article; the definition then says so ("Outside the article: …").
   * Default: none.
   */
  context: z.array(ContextId).min(1).optional(),
}).strict()
export type GlossaryEntry = z.infer<typeof GlossaryEntry>
export const GlossaryFile = z.array(GlossaryEntry)

/**
 * `sources/retired.yaml`: ledger ids that were split or withdrawn. A retired
 * id is never used again, so a slide, a question or a teacher's own notes
 * that still cite it fail loudly instead of pointing at a different fact.
 */
export const RetiredEntry = z.object({
  /** The retired ledger id. */
  id: Id,
  /** The ids that replace it, if any. */
  replaced_by: z.array(Id).default([]),
  /** Why it was retired, in one sentence. */
  reason: z.string().trim().min(10),
}).strict()
export type RetiredEntry = z.infer<typeof RetiredEntry>
export const RetiredFile = z.array(RetiredEntry)
