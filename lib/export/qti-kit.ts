/**
 * The pieces of QTI 3.0 that every question type writes with: XML nodes in
 * fast-xml-parser's ordered form, identifiers, response declarations,
 * response-processing rules and feedback. The types' own interactions live
 * in their modules (`lib/quiz/types/<type>.ts`, member `qti`); `qti.ts`
 * wraps them into items and the package.
 *
 * Pure, and imports nothing that imports the question-type registry.
 */
import { letter } from '../quiz/text.ts'
import { plainNumber } from './common.ts'

/** The identifier of the modal feedback every item shows: answer, explanation, sources. */
export const EXPLANATION = 'EXPLANATION'

/** The sentence added to an ordering question's prompt. */
export const ORDERING_PROMPT = 'Put the earliest event first.'

// ─── XML nodes ───────────────────────────────────────────────────────────────

/** A node in fast-xml-parser's ordered (`preserveOrder`) form. */
export type XmlNode = Record<string, unknown>
export type Attrs = Record<string, string | number | boolean | undefined>

/** An element with attributes and children. */
export function el(name: string, attrs: Attrs = {}, children: XmlNode[] = []): XmlNode {
  const node: XmlNode = { [name]: children }
  const set = Object.entries(attrs).filter(([, v]) => v !== undefined)
  if (set.length)
    node[':@'] = Object.fromEntries(set.map(([k, v]) => [`@_${k}`, String(v)]))
  return node
}

/** A text node. */
export function txt(s: string): XmlNode {
  return { '#text': s }
}

/** Text with its line breaks kept as `<br/>`. */
export function lines(s: string): XmlNode[] {
  return s.trim().split(/\r?\n/).flatMap((line, i) => i === 0 ? [txt(line)] : [el('br'), txt(line)])
}

/** Choice identifiers: `A`, `B` … for options; `TRUE`/`FALSE`; `I1` … for ordering items. */
export const choiceId = (i: number): string => letter(i)
export const itemId = (i: number): string => `I${i + 1}`
export const leftId = (i: number): string => `L${i + 1}`
export const rightId = (i: number): string => `R${i + 1}`
export const statementId = (i: number): string => `S${i + 1}`
export const wrongId = (partId: string): string => `WRONG_${partId}`
export const distractorId = (i: number): string => `DISTRACTOR_${i + 1}`

// ─── Response-processing pieces ──────────────────────────────────────────────

export const RESPONSE = 'RESPONSE'
export const variable = (id: string): XmlNode => el('qti-variable', { identifier: id })
export const baseValue = (baseType: string, value: string): XmlNode => el('qti-base-value', { 'base-type': baseType }, [txt(value)])
export const setOutcome = (id: string, value: XmlNode): XmlNode => el('qti-set-outcome-value', { identifier: id }, [value])
export const setScore = (n: number): XmlNode => setOutcome('SCORE', baseValue('float', plainNumber(n)))

/** if (condition) then … else … */
export function condition(test: XmlNode, then: XmlNode[], otherwise?: XmlNode[]): XmlNode {
  return el('qti-response-condition', {}, [
    el('qti-response-if', {}, [test, ...then]),
    ...(otherwise ? [el('qti-response-else', {}, otherwise)] : []),
  ])
}

/** FEEDBACK := FEEDBACK ∪ { identifier } */
export function addFeedback(identifier: string): XmlNode {
  return setOutcome('FEEDBACK', el('qti-multiple', {}, [variable('FEEDBACK'), baseValue('identifier', identifier)]))
}

/** SCORE := 1 if RESPONSE matches `correct`, else 0 (the `match_correct` template). */
export function matchCorrect(correct: XmlNode = el('qti-correct', { identifier: RESPONSE })): XmlNode {
  return condition(el('qti-match', {}, [variable(RESPONSE), correct]), [setScore(1)], [setScore(0)])
}

/** SCORE := mapResponse ÷ `divisor`, 0 when unanswered (the `map_response` template, normalised to 0–1). */
export function mapScore(divisor: number): XmlNode {
  return condition(
    el('qti-is-null', {}, [variable(RESPONSE)]),
    [setScore(0)],
    [setOutcome('SCORE', el('qti-divide', {}, [el('qti-map-response', { identifier: RESPONSE }), baseValue('float', plainNumber(divisor))]))],
  )
}

/** FEEDBACK := { chosen choices … } ∪ { EXPLANATION }, or just { EXPLANATION }. */
export function startFeedback(withResponse: boolean): XmlNode {
  return setOutcome('FEEDBACK', el('qti-multiple', {}, [
    ...(withResponse ? [variable(RESPONSE)] : []),
    baseValue('identifier', EXPLANATION),
  ]))
}

// ─── Declarations ────────────────────────────────────────────────────────────

export function responseDeclaration(cardinality: string, baseType: string, correct: string[], mapping?: XmlNode): XmlNode {
  return el('qti-response-declaration', { 'identifier': RESPONSE, cardinality, 'base-type': baseType }, [
    el('qti-correct-response', {}, correct.map(v => el('qti-value', {}, [txt(v)]))),
    ...(mapping ? [mapping] : []),
  ])
}

export function mappingOf(entries: [string, number][], bounds: { lower: number, upper: number }): XmlNode {
  return el('qti-mapping', { 'default-value': 0, 'lower-bound': bounds.lower, 'upper-bound': bounds.upper }, entries.map(([key, value]) =>
    el('qti-map-entry', { 'map-key': key, 'mapped-value': plainNumber(value) })))
}

export function outcomeDeclarations(): XmlNode[] {
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

export function inlineFeedback(identifier: string, text: string): XmlNode {
  return el('qti-feedback-inline', { 'outcome-identifier': 'FEEDBACK', identifier, 'show-hide': 'show' }, lines(text))
}

export function modalFeedback(identifier: string, title: string, body: XmlNode[]): XmlNode {
  return el('qti-modal-feedback', { 'outcome-identifier': 'FEEDBACK', identifier, 'show-hide': 'show', title }, [
    el('qti-content-body', {}, body),
  ])
}

/** What differs between question types. */
export interface ItemParts {
  /** The response declaration, or one per interaction (a `RESPONSE_1` … for each blank of a sentence). */
  response: XmlNode | XmlNode[]
  body: XmlNode[]
  processing: XmlNode[]
  feedback?: XmlNode[]
}

export function prompt(text: string): XmlNode {
  return el('qti-prompt', {}, lines(text))
}

/** For each wrongly matched part: FEEDBACK ∪ { WRONG_<part> }. */
export function wrongPairFeedback(pairs: { part: string, target: string }[]): XmlNode[] {
  return pairs.map(({ part, target }) => condition(
    el('qti-not', {}, [el('qti-contains', {}, [
      variable(RESPONSE),
      el('qti-multiple', {}, [baseValue('directedPair', `${part} ${target}`)]),
    ])]),
    [addFeedback(wrongId(part))],
  ))
}

export function matchInteraction(q: { stem: string }, maxAssociations: number, sources: XmlNode[], targets: XmlNode[]): XmlNode {
  return el('qti-match-interaction', { 'response-identifier': RESPONSE, 'shuffle': 'true', 'max-associations': maxAssociations }, [
    prompt(q.stem),
    el('qti-simple-match-set', {}, sources),
    el('qti-simple-match-set', {}, targets),
  ])
}

