/**
 * A small fixture ledger and quiz builders for the quiz-engine tests. The
 * facts are invented for testing and only loosely follow the real ledger.
 */
import { Fact } from '../../../lib/ledger/schema.ts'
import { Question, QuizFile } from '../../../lib/quiz/schema.ts'

const src = { section: 'united-states', paragraph: 3 } as const

const rawFacts = [
  { id: 'mps-exit-entry-administration', claim: 'Only the Exit and Entry Administration of the MPS issues the travel documents.', value: { kind: 'name', value: 'The Exit and Entry Administration of the MPS' }, status: 'documented', source: src },
  { id: 'us-removal-inventory-2021', claim: 'About 39,000 Chinese nationals had final removal orders in the US.', value: { kind: 'number', value: 39000, qualifier: 'about' }, unit: 'people', as_of: '2021', status: 'documented', source: src },
  { id: 'us-removals-per-year', claim: 'Between 300 and 800 people a year were removed to China.', value: { kind: 'range', min: 300, max: 800 }, unit: 'people a year', status: 'reported', outlet: 'Reuters', source: src },
  { id: 'embassy-verification', claim: 'The embassy only verifies the identity of a national.', value: { kind: 'text', value: 'verifies identity' }, status: 'documented', source: src },
  { id: 'ca-readmission-talks-start', claim: 'Canada and China began readmission talks in autumn 2016.', value: { kind: 'date', year: 2016, season: 'autumn' }, status: 'documented', source: src },
  { id: 'ca-deal-drafted', claim: 'A draft deal was circulated in May 2019.', value: { kind: 'date', year: 2019, month: 5 }, status: 'reported', outlet: 'The Globe and Mail', source: src },
  { id: 'ca-visit-2019', claim: 'A delegation visited Ottawa in May 2019.', value: { kind: 'date', year: 2019, month: 5 }, status: 'documented', source: src },
  { id: 'suspension-2022', claim: 'China suspended cooperation on repatriation in August 2022.', value: { kind: 'date', year: 2022, month: 8 }, status: 'documented', source: src },
  { id: 'liu-dong', claim: 'Liu Dong directed the Fox Hunt operation.', value: { kind: 'name', value: 'Liu Dong' }, status: 'reported', outlet: 'ProPublica', source: src },
  { id: 'sky-net-launch', claim: 'Sky Net was launched in 2015.', value: { kind: 'year', value: 2015 }, status: 'documented', source: src },
  { id: 'fox-hunt-quote', claim: 'An official described the returns as a success.', value: { kind: 'quotation', text: 'a great success', speaker: 'An MPS official' }, status: 'quotation', source: src },
  { id: 'sky-net-illegal-means', claim: 'The author reads Sky Net as relying on illegal means abroad.', value: { kind: 'text', value: 'relies on illegal means' }, status: 'interpretation', source: src },
  { id: 'leverage-reading', claim: 'The author argues repatriation is used as leverage.', value: { kind: 'text', value: 'repatriation as leverage' }, status: 'interpretation', source: src },
]

/** The fixture ledger, keyed by id. */
export const ledger: Map<string, Fact> = new Map(rawFacts.map(f => [f.id, Fact.parse(f)]))

/** Parse a question object, filling in defaults, as a quiz file would. */
export function q<T extends Question = Question>(raw: Record<string, unknown>): T {
  return Question.parse(raw) as T
}

/** A quiz with the given questions. */
export function quiz(questions: Record<string, unknown>[], module = 3): QuizFile {
  return QuizFile.parse({ module, title: 'How repatriation works', questions })
}

export const single = {
  id: 'q03-travel-documents',
  type: 'single',
  stem: 'Which body alone can issue the travel documents China requires before a removal?',
  facts: ['mps-exit-entry-administration', 'embassy-verification'],
  explanation: 'Only the Exit and Entry Administration of the MPS issues them (article, para. 3).',
  options: [
    { text: 'The Chinese embassy in Washington', why: 'Confuses the embassy, which only verifies identity, with the issuing body.', fact: 'embassy-verification' },
    { text: 'The Exit and Entry Administration of the MPS', correct: true, fact: 'mps-exit-entry-administration' },
    { text: 'US Immigration and Customs Enforcement', why: 'ICE requests the documents; it cannot issue Chinese ones.' },
  ],
}

export const multiple = {
  id: 'q03-documented-facts',
  type: 'multiple',
  stem: 'Which of these are documented in the article?',
  facts: ['us-removal-inventory-2021', 'sky-net-launch'],
  explanation: 'Both figures come from official records.',
  options: [
    { text: 'About 39,000 people had final removal orders in 2021', correct: true, fact: 'us-removal-inventory-2021' },
    { text: 'Sky Net began in 2015', correct: true, fact: 'sky-net-launch' },
    { text: 'Removals doubled every year', why: 'No such trend is given.' },
    { text: 'Every removal needs a court order', why: 'Confuses the order with the travel document.' },
  ],
}

export const truefalse = {
  id: 'q03-embassy-issues',
  type: 'truefalse',
  stem: 'The Chinese embassy issues the travel documents.',
  facts: ['mps-exit-entry-administration'],
  explanation: 'Only the MPS administration does.',
  answer: false,
  why: 'The embassy only verifies identity.',
  // No figure decides it: the key is the question author's judgement.
  judged: true,
}

export const numeric = {
  id: 'q03-inventory',
  type: 'numeric',
  stem: 'How many Chinese nationals had final removal orders in the US in 2021?',
  facts: ['us-removal-inventory-2021'],
  explanation: 'About 39,000 (ICE figures).',
  answer: { fact: 'us-removal-inventory-2021' },
  tolerance: 500,
  unit: 'people',
  distractors: [{ value: 40000, why: 'Rounded up too far: the article says about 39,000.' }],
}

export const ordering = {
  id: 'q07-canada-timeline',
  type: 'ordering',
  stem: 'Put these events in order.',
  facts: ['ca-readmission-talks-start', 'ca-deal-drafted', 'ca-visit-2019', 'suspension-2022'],
  explanation: 'Talks began in 2016; the draft and the visit were both May 2019; the suspension came in August 2022.',
  items: [
    { text: 'Readmission talks start', fact: 'ca-readmission-talks-start' },
    { text: 'A draft deal circulates', fact: 'ca-deal-drafted' },
    { text: 'A delegation visits Ottawa', fact: 'ca-visit-2019' },
    { text: 'China suspends cooperation', fact: 'suspension-2022' },
  ],
}

export const matching = {
  id: 'q05-actors',
  type: 'matching',
  stem: 'Match each actor to their role.',
  facts: ['liu-dong', 'mps-exit-entry-administration', 'embassy-verification'],
  explanation: 'See the Fox Hunt section.',
  pairs: [
    { left: 'Liu Dong', right: 'Director of Fox Hunt', fact: 'liu-dong', why: 'Liu Dong led Fox Hunt; he did not issue documents.' },
    { left: 'Exit and Entry Administration', right: 'Issues travel documents', fact: 'mps-exit-entry-administration', why: 'The administration, not the embassy, issues them.' },
    { left: 'Chinese embassy', right: 'Verifies identity', fact: 'embassy-verification', why: 'The embassy only verifies identity.' },
  ],
}

export const classify = {
  id: 'q05-fact-or-reading',
  type: 'classify',
  stem: 'Documented fact or interpretation?',
  facts: ['sky-net-illegal-means', 'liu-dong', 'fox-hunt-quote'],
  explanation: 'The ledger marks each statement’s status.',
  statements: [
    { text: 'Sky Net relies on illegal means abroad.', fact: 'sky-net-illegal-means', why: 'This is the author’s reading, not a record.' },
    { text: 'Liu Dong directed Fox Hunt.', fact: 'liu-dong', why: 'ProPublica reported it: a sourced fact.' },
    { text: 'An official called the returns “a great success”.', fact: 'fox-hunt-quote', why: 'An attributed quotation is a fact about what was said.' },
  ],
}

/** A deep copy with changes, for building failing variants of a fixture. */
export function variant<T>(base: T, change: (copy: T) => void): T {
  const copy = structuredClone(base)
  change(copy)
  return copy
}
