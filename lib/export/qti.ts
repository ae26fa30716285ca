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
import type {
  ClassifyQuestion,
  MatchingQuestion,
  MultipleQuestion,
  NumericQuestion,
  OrderingQuestion,
  Question,
  SingleQuestion,
  TrueFalseQuestion,
} from '../quiz/schema.ts'
import type { BankModule, ExportContext } from './common.ts'
import { zipSync } from 'fflate'
import { XMLBuilder } from 'fast-xml-parser'
import { acceptedInterval, optionText } from '../quiz/derive.ts'
import { correctResponse, describeAnswer } from '../quiz/grade.ts'
import { startingOrder } from '../quiz/shuffle.ts'
import { letter } from '../quiz/text.ts'
import {
  acceptedOrders,
  categoryChoices,
  classifiedStatements,
  COURSE_TITLE,
  ExportError,
  plainNumber,
  RIGHT_FEEDBACK,
  sortModules,
  sourcesOf,
  trueFalseRightFeedback,
} from './common.ts'

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
/** Identifier of the modal feedback every item shows after a response: answer, explanation, sources. */
export const EXPLANATION = 'EXPLANATION'
/** The sentence after an ordering question's stem. */
export const ORDERING_PROMPT = 'Put the earliest event first.'
/** Zip entry dates, fixed so that the same bank gives the same bytes. */
const ZIP_DATE = new Date('2022-08-08T00:00:00Z')

// ─── XML nodes ───────────────────────────────────────────────────────────────

/** A node in fast-xml-parser's ordered (`preserveOrder`) form. */
export type XmlNode = Record<string, unknown>
type Attrs = Record<string, string | number | boolean | undefined>

/** An element with attributes and children. */
function el(name: string, attrs: Attrs = {}, children: XmlNode[] = []): XmlNode {
  const node: XmlNode = { [name]: children }
  const set = Object.entries(attrs).filter(([, v]) => v !== undefined)
  if (set.length)
    node[':@'] = Object.fromEntries(set.map(([k, v]) => [`@_${k}`, String(v)]))
  return node
}

/** A text node. */
function txt(s: string): XmlNode {
  return { '#text': s }
}

/** Text with its line breaks kept as `<br/>`. */
function lines(s: string): XmlNode[] {
  return s.trim().split(/\r?\n/).flatMap((line, i) => i === 0 ? [txt(line)] : [el('br'), txt(line)])
}

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

/** Choice identifiers: `A`, `B` … for options; `TRUE`/`FALSE`; `I1` … for ordering items. */
export const choiceId = (i: number): string => letter(i)
export const itemId = (i: number): string => `I${i + 1}`
export const leftId = (i: number): string => `L${i + 1}`
export const rightId = (i: number): string => `R${i + 1}`
export const statementId = (i: number): string => `S${i + 1}`
export const wrongId = (partId: string): string => `WRONG_${partId}`
export const distractorId = (i: number): string => `DISTRACTOR_${i + 1}`

/** Where an item lives in the package: `items/<module slug>/<identifier>.xml`. */
export function itemPath(m: BankModule, q: Question): string {
  return `items/${m.slug}/${qtiIdentifier(q.id)}.xml`
}

// ─── Response-processing pieces ──────────────────────────────────────────────

const RESPONSE = 'RESPONSE'
const variable = (id: string): XmlNode => el('qti-variable', { identifier: id })
const baseValue = (baseType: string, value: string): XmlNode => el('qti-base-value', { 'base-type': baseType }, [txt(value)])
const setOutcome = (id: string, value: XmlNode): XmlNode => el('qti-set-outcome-value', { identifier: id }, [value])
const setScore = (n: number): XmlNode => setOutcome('SCORE', baseValue('float', plainNumber(n)))

/** if (condition) then … else … */
function condition(test: XmlNode, then: XmlNode[], otherwise?: XmlNode[]): XmlNode {
  return el('qti-response-condition', {}, [
    el('qti-response-if', {}, [test, ...then]),
    ...(otherwise ? [el('qti-response-else', {}, otherwise)] : []),
  ])
}

/** FEEDBACK := FEEDBACK ∪ { identifier } */
function addFeedback(identifier: string): XmlNode {
  return setOutcome('FEEDBACK', el('qti-multiple', {}, [variable('FEEDBACK'), baseValue('identifier', identifier)]))
}

/** SCORE := 1 if RESPONSE matches `correct`, else 0 (the `match_correct` template). */
function matchCorrect(correct: XmlNode = el('qti-correct', { identifier: RESPONSE })): XmlNode {
  return condition(el('qti-match', {}, [variable(RESPONSE), correct]), [setScore(1)], [setScore(0)])
}

/** SCORE := mapResponse ÷ `divisor`, 0 when unanswered (the `map_response` template, normalised to 0–1). */
function mapScore(divisor: number): XmlNode {
  return condition(
    el('qti-is-null', {}, [variable(RESPONSE)]),
    [setScore(0)],
    [setOutcome('SCORE', el('qti-divide', {}, [el('qti-map-response', { identifier: RESPONSE }), baseValue('float', plainNumber(divisor))]))],
  )
}

/** FEEDBACK := { chosen choices … } ∪ { EXPLANATION }, or just { EXPLANATION }. */
function startFeedback(withResponse: boolean): XmlNode {
  return setOutcome('FEEDBACK', el('qti-multiple', {}, [
    ...(withResponse ? [variable(RESPONSE)] : []),
    baseValue('identifier', EXPLANATION),
  ]))
}

// ─── Declarations ────────────────────────────────────────────────────────────

function responseDeclaration(cardinality: string, baseType: string, correct: string[], mapping?: XmlNode): XmlNode {
  return el('qti-response-declaration', { 'identifier': RESPONSE, cardinality, 'base-type': baseType }, [
    el('qti-correct-response', {}, correct.map(v => el('qti-value', {}, [txt(v)]))),
    ...(mapping ? [mapping] : []),
  ])
}

function mappingOf(entries: [string, number][], bounds: { lower: number, upper: number }): XmlNode {
  return el('qti-mapping', { 'default-value': 0, 'lower-bound': bounds.lower, 'upper-bound': bounds.upper }, entries.map(([key, value]) =>
    el('qti-map-entry', { 'map-key': key, 'mapped-value': plainNumber(value) })))
}

function outcomeDeclarations(): XmlNode[] {
  const float = (id: string, value: string, extra: Attrs = {}) => el('qti-outcome-declaration', { identifier: id, 'cardinality': 'single', 'base-type': 'float', ...extra }, [
    el('qti-default-value', {}, [el('qti-value', {}, [txt(value)])]),
  ])
  return [
    float('SCORE', '0', { 'normal-maximum': 1, 'normal-minimum': 0 }),
    float('MAXSCORE', '1'),
    el('qti-outcome-declaration', { 'identifier': 'FEEDBACK', 'cardinality': 'multiple', 'base-type': 'identifier' }),
  ]
}

// ─── Feedback ────────────────────────────────────────────────────────────────

function inlineFeedback(identifier: string, text: string): XmlNode {
  return el('qti-feedback-inline', { 'outcome-identifier': 'FEEDBACK', identifier, 'show-hide': 'show' }, lines(text))
}

function modalFeedback(identifier: string, title: string, body: XmlNode[]): XmlNode {
  return el('qti-modal-feedback', { 'outcome-identifier': 'FEEDBACK', identifier, 'show-hide': 'show', title }, [
    el('qti-content-body', {}, body),
  ])
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

// ─── Items ───────────────────────────────────────────────────────────────────

/** What differs between question types. */
interface ItemParts {
  response: XmlNode
  body: XmlNode[]
  processing: XmlNode[]
  feedback?: XmlNode[]
}

function partsOf(q: Question, ctx: ExportContext): ItemParts {
  switch (q.type) {
    case 'single': return choiceParts(q, ctx, 1)
    case 'multiple': return choiceParts(q, ctx, 0)
    case 'truefalse': return trueFalseParts(q)
    case 'numeric': return numericParts(q, ctx)
    case 'ordering': return orderingParts(q, ctx)
    case 'matching': return matchingParts(q)
    case 'classify': return classifyParts(q, ctx)
  }
}

function prompt(text: string): XmlNode {
  return el('qti-prompt', {}, lines(text))
}

function choiceParts(q: SingleQuestion | MultipleQuestion, ctx: ExportContext, maxChoices: 0 | 1): ItemParts {
  const right = q.options.flatMap((o, i) => o.correct ? [choiceId(i)] : [])
  const choices = q.options.map((o, i) => {
    const note = o.why ?? (o.correct ? RIGHT_FEEDBACK : undefined)
    return el('qti-simple-choice', { identifier: choiceId(i) }, [
      ...lines(optionText(o, ctx.ledger)),
      ...(note ? [inlineFeedback(choiceId(i), note)] : []),
    ])
  })
  // Shuffled by the player: the bank often lists the right option first.
  const interaction = el('qti-choice-interaction', {
    'response-identifier': RESPONSE,
    'shuffle': 'true',
    'max-choices': maxChoices,
    'min-choices': maxChoices === 1 ? 1 : undefined,
  }, [prompt(q.stem), ...choices])
  if (q.type === 'single') {
    return {
      response: responseDeclaration('single', 'identifier', right),
      body: [interaction],
      processing: [matchCorrect(), startFeedback(true)],
    }
  }
  // Multiple: each right choice +1, each wrong one −(number right): one wrong pick cancels the credit, as in the GIFT export.
  const n = right.length
  const entries = q.options.map((o, i): [string, number] => [choiceId(i), o.correct ? 1 : -n])
  return {
    response: responseDeclaration('multiple', 'identifier', right, mappingOf(entries, { lower: 0, upper: n })),
    body: [interaction],
    processing: [mapScore(n), startFeedback(true)],
  }
}

function trueFalseParts(q: TrueFalseQuestion): ItemParts {
  const choice = (value: boolean) => {
    const id = value ? 'TRUE' : 'FALSE'
    return el('qti-simple-choice', { identifier: id }, [
      txt(value ? 'True' : 'False'),
      inlineFeedback(id, value === q.answer ? trueFalseRightFeedback(q) : q.why),
    ])
  }
  return {
    response: responseDeclaration('single', 'identifier', [q.answer ? 'TRUE' : 'FALSE']),
    body: [el('qti-choice-interaction', { 'response-identifier': RESPONSE, 'shuffle': 'false', 'max-choices': 1, 'min-choices': 1 }, [
      prompt(q.stem),
      choice(true),
      choice(false),
    ])],
    processing: [matchCorrect(), startFeedback(true)],
  }
}

function numericParts(q: NumericQuestion, ctx: ExportContext): ItemParts {
  const interval = acceptedInterval(q, ctx.ledger)
  const truth = correctResponse(q, ctx.ledger)
  if (!interval || typeof truth !== 'number')
    throw new ExportError(`${q.id}: the answer fact is missing from the ledger`)
  const [lo, hi] = interval.map(n => plainNumber(n))
  const response = variable(RESPONSE)
  return {
    response: responseDeclaration('single', 'float', [plainNumber(truth)]),
    body: [
      el('p', {}, lines(q.stem)),
      el('p', {}, [
        el('qti-text-entry-interaction', {
          'response-identifier': RESPONSE,
          'expected-length': Math.max(6, hi.length + 2),
          'pattern-mask': '^[+-]?[0-9]+([.][0-9]+)?$',
          'data-patternmask-message': 'Type digits only, without thousands separators, e.g. 1500.',
        }),
        txt(` ${q.unit}`),
      ]),
    ],
    processing: [
      condition(el('qti-and', {}, [
        el('qti-gte', {}, [response, baseValue('float', lo)]),
        el('qti-lte', {}, [response, baseValue('float', hi)]),
      ]), [setScore(1)], [setScore(0)]),
      startFeedback(false),
      ...q.distractors.map((d, k) => condition(
        el('qti-equal', { 'tolerance-mode': 'exact' }, [response, baseValue('float', plainNumber(d.value))]),
        [addFeedback(distractorId(k))],
      )),
    ],
    feedback: q.distractors.map((d, k) => modalFeedback(distractorId(k), 'A common wrong figure', [el('p', {}, lines(d.why))])),
  }
}

function orderingParts(q: OrderingQuestion, ctx: ExportContext): ItemParts {
  const correct = (correctResponse(q, ctx.ledger) as number[]).map(itemId)
  const orders = acceptedOrders(q, ctx.ledger)
  const ordered = (order: number[]) => el('qti-ordered', {}, order.map(i => baseValue('identifier', itemId(i))))
  // Without ties the correct response is the only order; with ties, any accepted order scores.
  const scoring = !orders || orders.length === 1
    ? matchCorrect()
    : condition(
        el('qti-or', {}, orders.map(o => el('qti-match', {}, [variable(RESPONSE), ordered(o)]))),
        [setScore(1)],
        [setScore(0)],
      )
  return {
    response: responseDeclaration('ordered', 'identifier', correct),
    body: [el('qti-order-interaction', { 'response-identifier': RESPONSE, 'shuffle': 'true' }, [
      prompt(`${q.stem} ${ORDERING_PROMPT}`),
      // Written in the kit's starting order, never the answer order, for players that do not shuffle.
      ...startingOrder(q.items.length, q.id).map(i => el('qti-simple-choice', { identifier: itemId(i) }, lines(q.items[i].text))),
    ])],
    processing: [scoring, startFeedback(false)],
  }
}

/** For each wrongly matched part: FEEDBACK ∪ { WRONG_<part> }. */
function wrongPairFeedback(pairs: { part: string, target: string }[]): XmlNode[] {
  return pairs.map(({ part, target }) => condition(
    el('qti-not', {}, [el('qti-contains', {}, [
      variable(RESPONSE),
      el('qti-multiple', {}, [baseValue('directedPair', `${part} ${target}`)]),
    ])]),
    [addFeedback(wrongId(part))],
  ))
}

function matchInteraction(q: Question, maxAssociations: number, sources: XmlNode[], targets: XmlNode[]): XmlNode {
  return el('qti-match-interaction', { 'response-identifier': RESPONSE, 'shuffle': 'true', 'max-associations': maxAssociations }, [
    prompt(q.stem),
    el('qti-simple-match-set', {}, sources),
    el('qti-simple-match-set', {}, targets),
  ])
}

function matchingParts(q: MatchingQuestion): ItemParts {
  const n = q.pairs.length
  const pairs = q.pairs.map((_, i) => ({ part: leftId(i), target: rightId(i) }))
  const keys = pairs.map(p => `${p.part} ${p.target}`)
  return {
    response: responseDeclaration('multiple', 'directedPair', keys, mappingOf(keys.map(k => [k, 1]), { lower: 0, upper: n })),
    body: [matchInteraction(
      q,
      n,
      q.pairs.map((p, i) => el('qti-simple-associable-choice', { 'identifier': leftId(i), 'match-max': 1 }, lines(p.left))),
      q.pairs.map((p, i) => el('qti-simple-associable-choice', { 'identifier': rightId(i), 'match-max': 1 }, lines(p.right))),
    )],
    processing: [mapScore(n), startFeedback(false), ...wrongPairFeedback(pairs)],
    feedback: q.pairs.map((p, i) => modalFeedback(wrongId(leftId(i)), 'A match to review', [el('p', {}, [el('strong', {}, lines(p.left)), txt(': '), ...lines(p.why)])])),
  }
}

function classifyParts(q: ClassifyQuestion, ctx: ExportContext): ItemParts {
  const statements = classifiedStatements(q, ctx.ledger)
  const n = statements.length
  const pairs = statements.map((s, i) => ({ part: statementId(i), target: s.category as string }))
  const keys = pairs.map(p => `${p.part} ${p.target}`)
  return {
    response: responseDeclaration('multiple', 'directedPair', keys, mappingOf(keys.map(k => [k, 1]), { lower: 0, upper: n })),
    body: [matchInteraction(
      q,
      n,
      statements.map((s, i) => el('qti-simple-associable-choice', { 'identifier': statementId(i), 'match-max': 1 }, lines(s.text))),
      // Categories keep the kit's order; each may take every statement.
      categoryChoices(q).map(c => el('qti-simple-associable-choice', { 'identifier': c.category, 'match-max': n, 'fixed': 'true' }, [txt(c.label)])),
    )],
    processing: [mapScore(n), startFeedback(false), ...wrongPairFeedback(pairs)],
    feedback: statements.map((s, i) => modalFeedback(wrongId(statementId(i)), 'A statement to review', [el('p', {}, [el('strong', {}, lines(s.text)), txt(': '), ...lines(s.why)])])),
  }
}

/** One question as a QTI 3.0 `qti-assessment-item` document. */
export function qtiItem(q: Question, ctx: ExportContext, label?: string): string {
  const parts = partsOf(q, ctx)
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
    parts.response,
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
