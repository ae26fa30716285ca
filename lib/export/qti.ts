/**
 * QTI 3.0 export of the question bank: one `qti-assessment-item` per
 * question and an IMS content-packaging manifest, zipped into
 * `qti/repatriation-leverage-qti3.zip` (resources of type `imsqti_item_xmlv3p0`).
 *
 * XML is built with fast-xml-parser's `XMLBuilder` (ordered nodes, escaping
 * done by the builder); the package is zipped with fflate's `zipSync`.
 *
 * | type        | interaction                                      | RESPONSE                          | SCORE (0–1)                                   |
 * |-------------|--------------------------------------------------|-----------------------------------|-----------------------------------------------|
 * | `single`    | `qti-choice-interaction` max-choices=1, shuffled | single identifier `A`, `B` …      | 1 if it matches the correct response          |
 * | `truefalse` | `qti-choice-interaction` max-choices=1           | single identifier `TRUE`/`FALSE`  | 1 if it matches the correct response          |
 * | `multiple`  | `qti-choice-interaction` max-choices=0, shuffled | multiple identifier               | mapping: right +1, wrong −(number right), ÷ number right, at least 0 |
 * | `numeric`   | `qti-text-entry-interaction`                     | single float                      | 1 if within the accepted interval (`qti-gte`/`qti-lte`) |
 * | `ordering`  | `qti-order-interaction`                          | ordered identifier `I1` …         | 1 if the order matches (any order of tied items) |
 * | `matching`  | `qti-match-interaction`, two `qti-simple-match-set`s | multiple directedPair `L1 R1` | mapping: +1 per right pair, ÷ number of pairs |
 * | `classify`  | `qti-match-interaction`, statements × categories | multiple directedPair `S1 fact`   | mapping: +1 per right statement, ÷ number of statements |
 *
 * The scoring of `single`, `truefalse` and `ordering` is the `match_correct`
 * template's, and that of `multiple`, `matching` and `classify` the
 * `map_response` template's (normalised to 0–1), written out as rules:
 * a template only sets SCORE, and every item also sets FEEDBACK. FEEDBACK
 * (multiple identifier) collects:
 *   - the chosen choices' identifiers → `qti-feedback-inline` in each choice
 *     (the option's `why`, or `Correct.`);
 *   - `EXPLANATION`, always → `qti-modal-feedback` with the answer, the
 *     explanation and the sources of the cited facts;
 *   - `WRONG_L1`, `WRONG_S2` … for each wrongly matched left or classified
 *     statement → `qti-modal-feedback` with its `why`;
 *   - `DISTRACTOR_1` … when a numeric answer is a listed common wrong figure.
 *
 * Pure: returns XML text and zip bytes.
 */
import type { Zippable } from 'fflate'
import type { Question } from '../quiz/schema.ts'
import type { BankModule, ExportContext } from './common.ts'
import type { XmlNode } from './qti-kit.ts'
import { zipSync } from 'fflate'
import { XMLBuilder } from 'fast-xml-parser'
import { describeAnswer } from '../quiz/grade.ts'
import { isUnsupported } from '../quiz/types/define.ts'
import { typeOf } from '../quiz/types/index.ts'
import { COURSE_TITLE, ExportError, sortModules, sourcesOf } from './common.ts'
import { el, EXPLANATION, lines, modalFeedback, outcomeDeclarations, txt } from './qti-kit.ts'

export { choiceId, distractorId, EXPLANATION, itemId, leftId, ORDERING_PROMPT, rightId, statementId, wrongId } from './qti-kit.ts'
export type { ItemParts, XmlNode } from './qti-kit.ts'

export const QTI_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0'
export const QTI_XSD = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd'
export const CP_NS = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1'
export const CP_XSD = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd'
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance'

/** The package, relative to `exports/`. */
export const QTI_ZIP = 'qti/repatriation-leverage-qti3.zip'
/** The manifest's identifier. */
export const PACKAGE_ID = 'repatriation-leverage-qti3'
/** Resource type of an item in the manifest. */
export const ITEM_RESOURCE_TYPE = 'imsqti_item_xmlv3p0'
/** Zip entry dates, fixed so that the same bank gives the same bytes. */
const ZIP_DATE = new Date('2022-08-08T00:00:00Z')

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
})

/**
 * An XML document from its root element. The builder's indentation leaves a
 * whitespace-only line before an element that follows text; such lines are
 * dropped (text nodes never hold a line break: `lines` makes them `<br/>`).
 */
export function xmlDocument(root: XmlNode): string {
  const xml = builder.build([el('?xml', { version: '1.0', encoding: 'UTF-8' }, [txt('')]), root])
  return `${xml.replace(/\n[ \t]*(?=\n)/g, '').trim()}\n`
}

// ─── Identifiers ─────────────────────────────────────────────────────────────

/**
 * A question id as a QTI identifier (an XML NCName, which may not start with
 * a digit): the id itself, or `Q-<id>` when it starts with a digit.
 */
export function qtiIdentifier(id: string): string {
  return /^[A-Za-z_]/.test(id) ? id : `Q-${id}`
}

/** Where an item lives in the package: `items/<module slug>/<identifier>.xml`. */
export function itemPath(m: BankModule, q: Question): string {
  return `items/${m.slug}/${qtiIdentifier(q.id)}.xml`
}

/** The modal feedback shown after every response: the answer, the explanation, the sources. */
function explanationFeedback(q: Question, ctx: ExportContext): XmlNode {
  const sources = sourcesOf(q, ctx)
  return modalFeedback(EXPLANATION, 'Explanation', [
    el('p', {}, [el('strong', {}, [txt('Answer:')]), txt(` ${describeAnswer(q, ctx.ledger)}`)]),
    el('p', {}, lines(q.explanation)),
    ...(sources.length
      ? [el('p', {}, [el('strong', {}, [txt('Sources:')])]), el('ul', {}, sources.map(s => el('li', {}, [txt(s)])))]
      : []),
  ])
}

/** One question as a QTI 3.0 `qti-assessment-item` document. */
export function qtiItem(q: Question, ctx: ExportContext, label?: string): string {
  const parts = typeOf(q).qti(q, ctx)
  if (isUnsupported(parts))
    throw new ExportError(`${q.id}: QTI cannot hold this ${q.type} question: ${parts.unsupported}`)
  return xmlDocument(el('qti-assessment-item', {
    'xmlns': QTI_NS,
    'xmlns:xsi': XSI_NS,
    'xsi:schemaLocation': `${QTI_NS} ${QTI_XSD}`,
    'identifier': qtiIdentifier(q.id),
    'title': q.id,
    label,
    'adaptive': 'false',
    'time-dependent': 'false',
    'xml:lang': 'en',
    'tool-name': 'repatriation-leverage-kit',
  }, [
    ...[parts.response].flat(),
    ...outcomeDeclarations(),
    el('qti-item-body', {}, parts.body),
    el('qti-response-processing', {}, parts.processing),
    ...(parts.feedback ?? []),
    explanationFeedback(q, ctx),
  ]))
}

// ─── Package ─────────────────────────────────────────────────────────────────

/** One manifest resource: an item's identifier and file. */
export interface QtiResource {
  identifier: string
  href: string
}

/** `imsmanifest.xml` for the items. */
export function qtiManifest(resources: readonly QtiResource[]): string {
  return xmlDocument(el('manifest', {
    'xmlns': CP_NS,
    'xmlns:xsi': XSI_NS,
    'xsi:schemaLocation': `${CP_NS} ${CP_XSD}`,
    'identifier': PACKAGE_ID,
  }, [
    el('metadata', {}, [
      el('schema', {}, [txt('QTI Package')]),
      el('schemaversion', {}, [txt('3.0.0')]),
    ]),
    el('organizations'),
    el('resources', {}, resources.map(r => el('resource', { identifier: r.identifier, type: ITEM_RESOURCE_TYPE, href: r.href }, [
      el('file', { href: r.href }),
    ]))),
  ]))
}

/** The package's files (path → XML), manifest first. */
export function qtiFiles(modules: readonly BankModule[], ctx: ExportContext): Map<string, string> {
  const items = sortModules(modules).flatMap(m => m.quiz.questions.map(q => ({
    path: itemPath(m, q),
    identifier: qtiIdentifier(q.id),
    xml: qtiItem(q, ctx, `${COURSE_TITLE}: module ${m.quiz.module}, ${m.quiz.title}`),
  })))
  const files = new Map<string, string>([['imsmanifest.xml', qtiManifest(items.map(i => ({ identifier: i.identifier, href: i.path })))]])
  for (const i of items)
    files.set(i.path, i.xml)
  return files
}

/** The zipped package. */
export function qtiPackage(modules: readonly BankModule[], ctx: ExportContext): Uint8Array {
  const enc = new TextEncoder()
  const entries: Zippable = {}
  for (const [path, xml] of qtiFiles(modules, ctx))
    entries[path] = [enc.encode(xml), { mtime: ZIP_DATE }]
  return zipSync(entries, { level: 9 })
}
