import type { GIFTQuestion, Matching, MultipleChoice, Numerical, NumericalChoice, NumericalFormat, ShortAnswer, TrueFalse } from 'gift-pegjs'
import type { ExportContext } from '../../../lib/export/common.ts'
import type { Fact, Reference } from '../../../lib/ledger/schema.ts'
import type { Question } from '../../../lib/quiz/schema.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'gift-pegjs'
import { describe, expect, it } from 'vitest'
import { citationFor } from '../../../lib/cite.ts'
import { listBanks, loadSources } from '../../../lib/content.ts'
import { exportContext, slugOf } from '../../../lib/export/common.ts'
import type { BankModule } from '../../../lib/export/common.ts'
import { escapeGift, giftFiles, giftQuestion, GIFT_ALL, matchLeft, normaliseSpace, ORDERING_HINT } from '../../../lib/export/gift.ts'
import { Fact as FactSchema, STATUS_LABEL } from '../../../lib/ledger/schema.ts'
import { acceptedInterval, itemKeys, numericTruth, optionText } from '../../../lib/quiz/derive.ts'
import { loadQuizFile, validateQuiz } from '../../../lib/quiz/validate.ts'
import { blankKind, clozePieces } from '../../../lib/quiz/types/cloze.ts'
import { isUnsupported } from '../../../lib/quiz/types/define.ts'
import { typeOf } from '../../../lib/quiz/types/index.ts'
import { BINARY_LABEL, QuizFile } from '../../../lib/quiz/schema.ts'
import { classify, ledger as baseLedger, matching, multiple, numeric, ordering, single, truefalse, variant } from '../quiz/fixtures.ts'

// ─── Fixtures ────────────────────────────────────────────────────────────────

/** The quiz-engine fixture ledger, plus a fact resting on two footnotes. */
const footnoted: Fact = FactSchema.parse({
  id: 'fox-hunt-returns',
  claim: 'Fox Hunt returned 1,841 people in 2014–2015, according to Reuters.',
  value: { kind: 'number', value: 1841 },
  unit: 'people',
  as_of: '2014–2015',
  status: 'reported',
  outlet: 'Reuters',
  source: { section: 'fox-hunt-sky-net', paragraph: 14, footnotes: [7, 8] },
})
const ledger = new Map([...baseLedger, [footnoted.id, footnoted]])
const references: Map<string, Reference> = new Map([
  ['fn7', { id: 'fn7', footnote: 7, title: 'China’s “Fox Hunt”: {a} #list = 1: ~2', publisher: 'Reuters', date: '2015-09-11', url: 'https://example.org/fox', availability: 'public' }],
  ['fn8', { id: 'fn8', footnote: 8, title: 'Missing', availability: 'missing' }],
])
const ctx: ExportContext = { ledger, references }

/** Every special character of GIFT, in the places a teacher might type them. */
const SPECIAL = 'a~b=c#d{e}f:g\\h'

const stress = [
  // single: special characters everywhere; the correct option shows its ledger value.
  variant(single, (c) => {
    c.id = 'q03-special-single'
    c.stem = `Which body issues {travel} documents: #1 = the MPS ~ or the embassy \\ ICE? ${SPECIAL}`
    delete (c.options[1] as { text?: string }).text
    c.options[0].why = `Confuses {embassy} with #issuer: = ~ \\ ${SPECIAL}`
    c.options[2].text = `ICE: requests = issues? ${SPECIAL}`
    c.explanation = `Line one: {MPS}.\nLine two = #2 ~ ${SPECIAL}`
  }),
  // multiple: three right options share 100 %.
  variant(multiple, (c) => {
    c.id = 'q03-three-right'
    c.options[2] = { text: 'Liu Dong directed Fox Hunt', correct: true, fact: 'liu-dong' }
    c.facts = ['us-removal-inventory-2021', 'sky-net-launch', 'liu-dong']
  }),
  // truefalse, answer true, citing a footnoted fact.
  { ...truefalse, id: 'q03-returns-true', stem: 'Fox Hunt returned 1,841 people in 2014–2015.', facts: ['fox-hunt-returns'], answer: true, why: 'The figure is Reuters’: 1,841.' },
  // numeric: a single figure with tolerance and a distractor (the fixture) …
  numeric,
  // … a range fact widened by the tolerance, no distractors …
  { ...numeric, id: 'q03-removals-range', facts: ['us-removals-per-year'], answer: { fact: 'us-removals-per-year' }, tolerance: 50, unit: 'people a year', distractors: [] },
  // … and an explicit accepted range.
  { ...numeric, id: 'q03-inventory-range', answer: { value: 39000 }, tolerance: undefined, range: [38000, 40000], distractors: [{ value: 41000, why: 'Too high.' }] },
  // ordering with a tie (two May 2019 events).
  ordering,
  // matching, one left holding an arrow and special characters.
  variant(matching, (c) => {
    c.pairs[1].left = 'Exit -> Entry Administration {MPS}'
    c.pairs[2].right = `Verifies identity: ${SPECIAL}`
  }),
  // classify, binary.
  classify,
  // classify, the four statuses (two unused: offered as extra choices).
  { ...classify, id: 'q05-statuses', scheme: 'status' },
  // classify, binary, every statement a fact (interpretation offered as an extra choice).
  { ...classify, id: 'q05-all-facts', statements: classify.statements.slice(1), facts: ['liu-dong', 'fox-hunt-quote'] },
]

const fixtureModules: BankModule[] = [
  { slug: '03-how-repatriation-works', quiz: QuizFile.parse({ module: 3, title: 'How repatriation works: the MPS/embassy roles', questions: stress.slice(0, 7) }) },
  { slug: '05-actors', quiz: QuizFile.parse({ module: 5, title: 'Actors', questions: stress.slice(7) }) },
]

// ─── Helpers ─────────────────────────────────────────────────────────────────

/**
 * gift-pegjs leaves escape placeholders in a matching pair's right-hand side
 * (it decodes them everywhere else); Moodle decodes them. Decode them here.
 */
function decodePlaceholders(s: string): string {
  return s.replace(/&&092;/g, '\\').replace(/&&058;/g, ':').replace(/&&035;/g, '#').replace(/&&061;/g, '=')
    .replace(/&&123;/g, '{').replace(/&&125;/g, '}').replace(/&&126;/g, '~').replace(/&&010/g, '\n')
}

/** The sources of a question's facts, as the presenter's notes print them. */
function expectedSources(q: Question, c: ExportContext): string[] {
  return [...new Set(q.facts.flatMap(id => c.ledger.get(id) ? citationFor(c.ledger.get(id)!, c.references).sources : []))]
}

/** The label a classify statement must be matched to, from the ledger status. */
function expectedLabel(factId: string, scheme: 'binary' | 'status', c: ExportContext): string {
  const status = c.ledger.get(factId)!.status
  if (scheme === 'status')
    return STATUS_LABEL[status]
  return status === 'interpretation' ? BINARY_LABEL.interpretation : BINARY_LABEL.fact
}

/** `2nd–3rd (same date)` → 2. */
function positionOf(label: string): number {
  return Number(/^(\d+)/.exec(label)![1])
}

/** Check one parsed GIFT question against the bank question it came from. */
function checkQuestion(p: GIFTQuestion, q: Question, module: number, c: ExportContext): void {
  expect(p.type).not.toBe('Category')
  if (p.type === 'Category')
    return
  expect(p.title).toBe(q.id)
  expect(p.tags).toEqual([`module-${String(module).padStart(2, '0')}`, q.type])
  if (p.type === 'Description')
    throw new Error(`${q.id}: parsed as a description`)

  // Stem. A cloze blank stands inside its sentence (GIFT's missing-word form), which gift-pegjs reads as `_____`.
  const [before, after] = q.type === 'cloze' ? clozePieces(q.text) : []
  const stem = q.type === 'numeric'
    ? (q.stem.toLowerCase().includes(q.unit.toLowerCase()) ? normaliseSpace(q.stem) : `${normaliseSpace(q.stem)} (${q.unit})`)
    : q.type === 'ordering'
      ? `${normaliseSpace(q.stem)} ${ORDERING_HINT}`
      : q.type === 'cloze' ? `${normaliseSpace(q.stem)}\n${normaliseSpace(before)} _____ ${normaliseSpace(after)}` : normaliseSpace(q.stem)
  expect(p.stem.text).toBe(stem)
  expect(p.hasEmbeddedAnswers).toBe(q.type === 'cloze')

  // General feedback: the explanation, then the sources of the cited facts.
  const general = p.globalFeedback?.text ?? ''
  expect(general.startsWith(normaliseSpace(q.explanation))).toBe(true)
  const sources = expectedSources(q, c)
  expect(sources.length).toBeGreaterThan(0)
  expect(general.endsWith(`Sources: ${sources.join('; ')}`)).toBe(true)

  switch (q.type) {
    case 'single': {
      expect(p.type).toBe('MC')
      const mc = p as MultipleChoice
      expect(mc.choices.map(ch => ch.text.text)).toEqual(q.options.map(o => normaliseSpace(optionText(o, c.ledger))))
      expect(mc.choices.map(ch => ch.isCorrect)).toEqual(q.options.map(o => o.correct))
      expect(mc.choices.map(ch => ch.weight)).toEqual(q.options.map(() => null))
      expect(mc.choices.map(ch => ch.feedback?.text)).toEqual(q.options.map(o => o.why ? normaliseSpace(o.why) : 'Correct.'))
      break
    }
    case 'multiple': {
      expect(p.type).toBe('MC')
      const mc = p as MultipleChoice
      const nRight = q.options.filter(o => o.correct).length
      expect(mc.choices.map(ch => ch.text.text)).toEqual(q.options.map(o => normaliseSpace(optionText(o, c.ledger))))
      // Moodle's multiple-answer form: no `=`, weights on every option.
      expect(mc.choices.every(ch => ch.isCorrect === false)).toBe(true)
      mc.choices.forEach((ch, i) => {
        if (q.options[i].correct)
          expect(ch.weight).toBeCloseTo(100 / nRight, 4)
        else
          expect(ch.weight).toBe(-100)
      })
      const positive = mc.choices.reduce((s, ch) => s + Math.max(0, ch.weight ?? 0), 0)
      expect(Math.abs(positive - 100)).toBeLessThan(0.001)
      expect(mc.choices.map(ch => ch.feedback?.text)).toEqual(q.options.map(o => o.why ? normaliseSpace(o.why) : 'Correct.'))
      break
    }
    case 'truefalse': {
      expect(p.type).toBe('TF')
      const tf = p as TrueFalse
      expect(tf.isTrue).toBe(q.answer)
      // gift-pegjs names the two `#` texts by position: `trueFeedback` is the
      // first, which Moodle shows to a learner who answered WRONGLY;
      // `falseFeedback` is the second, shown for a RIGHT answer.
      expect(tf.trueFeedback?.text).toBe(normaliseSpace(q.why))
      expect(tf.falseFeedback?.text).toBe(`Correct: the statement is ${q.answer ? 'true' : 'false'}.`)
      break
    }
    case 'numeric': {
      expect(p.type).toBe('Numerical')
      const num = p as Numerical
      const interval = acceptedInterval(q, c.ledger)!
      const range = (f: NumericalFormat): [number, number] => f.type === 'range'
        ? [f.number! - f.range!, f.number! + f.range!]
        : f.type === 'high-low' ? [f.numberLow!, f.numberHigh!] : [f.number!, f.number!]
      if (Array.isArray(num.choices)) {
        const [right, ...others] = num.choices as NumericalChoice[]
        expect(right.isCorrect).toBe(true)
        expect(right.weight).toBeNull()
        expect(range(right.text)).toEqual(interval)
        expect(right.feedback?.text).toBe('Correct.')
        expect(others.map(o => ({ weight: o.weight, value: o.text.number, type: o.text.type, why: o.feedback?.text })))
          .toEqual(q.distractors.map(d => ({ weight: 0, value: d.value, type: 'simple', why: normaliseSpace(d.why) })))
      }
      else {
        expect(q.distractors).toEqual([])
        expect(range(num.choices)).toEqual(interval)
      }
      // A single figure uses value:tolerance; a range uses min..max.
      const first = Array.isArray(num.choices) ? (num.choices[0] as NumericalChoice).text : num.choices
      const truth = numericTruth(q, c.ledger)!
      expect(first.type).toBe(q.range || truth[0] !== truth[1] ? 'high-low' : 'range')
      break
    }
    case 'matching': {
      expect(p.type).toBe('Matching')
      const m = p as Matching
      expect(m.matchPairs.map(mp => [mp.subquestion.text, decodePlaceholders(mp.subanswer)]))
        .toEqual(q.pairs.map(pr => [matchLeft(pr.left), normaliseSpace(pr.right)]))
      for (const pr of q.pairs)
        expect(general).toContain(`${matchLeft(pr.left)}: ${normaliseSpace(pr.why)}`)
      break
    }
    case 'ordering': {
      expect(p.type).toBe('Matching')
      const m = p as Matching
      const keys = itemKeys(q, c.ledger) as number[]
      expect(m.matchPairs).toHaveLength(q.items.length)
      const position = new Map(m.matchPairs.map(mp => [mp.subquestion.text, positionOf(decodePlaceholders(mp.subanswer))]))
      expect([...position.keys()].sort()).toEqual(q.items.map(it => normaliseSpace(it.text)).sort())
      // Earlier ledger dates get earlier positions; equal dates the same position.
      q.items.forEach((a, i) => q.items.forEach((b, j) => {
        const pa = position.get(a.text)!
        const pb = position.get(b.text)!
        if (keys[i] < keys[j])
          expect(pa).toBeLessThan(pb)
        if (keys[i] === keys[j])
          expect(pa).toBe(pb)
      }))
      // The events are not listed in the answer order.
      expect(m.matchPairs.map(mp => mp.subquestion.text)).not.toEqual(q.items.map(it => it.text))
      break
    }
    case 'cloze': {
      // One blank (several cannot be GIFT, and are left out: see checkFile).
      expect(q.blanks).toHaveLength(1)
      const kind = blankKind(q.blanks[0], c.ledger)
      const distractors = q.blanks[0].distractors
      if (kind.kind === 'name') {
        expect(p.type).toBe('Short')
        const choices = (p as ShortAnswer).choices
        expect(choices.filter(ch => ch.weight === null).map(ch => [ch.isCorrect, ch.text.text])).toEqual(kind.spellings.map(s => [true, normaliseSpace(s)]))
        expect(choices.filter(ch => ch.weight === 0).map(ch => [ch.text.text, ch.feedback?.text])).toEqual(distractors.map(d => [d.text, normaliseSpace(d.why)]))
      }
      else {
        expect(kind.kind).toBe('figure')
        expect(p.type).toBe('Numerical')
        const choices = (p as Numerical).choices
        const first = Array.isArray(choices) ? (choices[0] as NumericalChoice).text : choices
        const interval = (kind as { interval: [number, number] }).interval
        expect(first.type === 'range' ? [first.number! - first.range!, first.number! + first.range!] : [first.numberLow, first.numberHigh]).toEqual(interval)
        expect(Array.isArray(choices) ? (choices as NumericalChoice[]).slice(1).map(ch => [ch.weight, ch.text.number, ch.feedback?.text]) : [])
          .toEqual(distractors.map(d => [0, Number(d.text.replace(/,/g, '')), normaliseSpace(d.why)]))
      }
      break
    }
    case 'classify': {
      expect(p.type).toBe('Matching')
      const m = p as Matching
      const stated = m.matchPairs.filter(mp => mp.subquestion.text !== '')
      const extra = m.matchPairs.filter(mp => mp.subquestion.text === '')
      expect(stated.map(mp => [mp.subquestion.text, decodePlaceholders(mp.subanswer)]))
        .toEqual(q.statements.map(s => [matchLeft(s.text), expectedLabel(s.fact, q.scheme, c)]))
      // Every category of the scheme is offered, once as an extra if no statement takes it.
      const labels = q.scheme === 'status' ? Object.values(STATUS_LABEL) : Object.values(BINARY_LABEL)
      expect(new Set(m.matchPairs.map(mp => decodePlaceholders(mp.subanswer)))).toEqual(new Set(labels))
      expect(extra.map(mp => mp.subanswer)).toEqual(labels.filter(l => !stated.some(mp => decodePlaceholders(mp.subanswer) === l)))
      for (const s of q.statements)
        expect(general).toContain(`${matchLeft(s.text)}: ${normaliseSpace(s.why)}`)
      break
    }
  }
}

/** Parse a generated file and check it holds exactly these modules' questions, in order, under their categories. */
function checkFile(text: string, modules: readonly BankModule[], c: ExportContext): void {
  const parsed = parse(text)
  const expected = modules.flatMap(m => [
    { category: `$course$/Repatriation as Leverage/${m.quiz.title.replace(/\//g, '//')}` },
    // A question GIFT cannot hold is a comment in the file, not a question.
    ...m.quiz.questions.filter(q => !isUnsupported(typeOf(q).gift(q, c))).map(q => ({ q, module: m.quiz.module })),
  ])
  expect(parsed).toHaveLength(expected.length)
  parsed.forEach((p, k) => {
    const e = expected[k]
    if ('category' in e) {
      expect(p).toEqual({ type: 'Category', title: e.category })
    }
    else {
      checkQuestion(p, e.q, e.module, c)
    }
  })
}

// ─── Tests ───────────────────────────────────────────────────────────────────

describe('escapeGift', () => {
  it.each([
    ['~', '\\~'],
    ['=', '\\='],
    ['#', '\\#'],
    ['{', '\\{'],
    ['}', '\\}'],
    [':', '\\:'],
    ['\\', '\\\\'],
  ])('escapes %s with a backslash', (raw, escaped) => {
    expect(escapeGift(raw)).toBe(escaped)
    expect(escapeGift(`a${raw}b`)).toBe(`a${escaped}b`)
  })

  it('writes line breaks as \\n', () => {
    expect(escapeGift('a\nb')).toBe('a\\nb')
    expect(escapeGift('a\r\nb')).toBe('a\\nb')
  })

  it('escapes a backslash before a special character once, and leaves other text alone', () => {
    expect(escapeGift('\\~')).toBe('\\\\\\~')
    expect(escapeGift('C:\\path')).toBe('C\\:\\\\path')
    expect(escapeGift('“Fox Hunt” – 39,000 (2021) ; -> % [x]')).toBe('“Fox Hunt” – 39,000 (2021) ; -> % [x]')
  })

  it.each([...'~=#{}:\\'])('survives a gift-pegjs round trip in the stem, an answer and its feedback: %s', (ch) => {
    const text = `x ${ch} y ${ch}${ch} z`
    const [p] = parse(`::t::${escapeGift(text)} {\n\t=${escapeGift(text)}#${escapeGift(text)}\n\t~other#${escapeGift(text)}\n\t####${escapeGift(text)}\n}\n`) as MultipleChoice[]
    expect(p.stem.text).toBe(text)
    expect(p.choices[0].text.text).toBe(text)
    expect(p.choices[0].feedback?.text).toBe(text)
    expect(p.choices[1].feedback?.text).toBe(text)
    expect(p.globalFeedback?.text).toBe(text)
  })

  it('survives a round trip as the title', () => {
    const [p] = parse(`::${escapeGift(SPECIAL)}::Q {T}\n`) as TrueFalse[]
    expect(p.title).toBe(SPECIAL)
  })
})

describe('normaliseSpace and matchLeft', () => {
  it('collapses blank runs and trims lines, as gift-pegjs does', () => {
    expect(normaliseSpace('  a   b \t c \n  d  ')).toBe('a b c\nd')
    expect(normaliseSpace('a\r\nb')).toBe('a\nb')
  })

  it('turns an arrow in a left-hand text into →, since GIFT cannot escape it', () => {
    expect(matchLeft('A -> B')).toBe('A → B')
  })
})

describe('giftQuestion', () => {
  it('writes a single-choice question with per-answer and general feedback', () => {
    const q = QuizFile.parse({ module: 3, title: 'T', questions: [single] }).questions[0]
    expect(giftQuestion(q, ctx, ['module-03'])).toBe([
      '// [tag:module-03]',
      '::q03-travel-documents::Which body alone can issue the travel documents China requires before a removal? {',
      '\t~The Chinese embassy in Washington#Confuses the embassy, which only verifies identity, with the issuing body.',
      '\t=The Exit and Entry Administration of the MPS#Correct.',
      '\t~US Immigration and Customs Enforcement#ICE requests the documents; it cannot issue Chinese ones.',
      '\t####Only the Exit and Entry Administration of the MPS issues them (article, para. 3).\\nSources\\: The article, The United States, paragraph 3 (no footnote)',
      '}',
    ].join('\n'))
  })

  it('writes true/false as {TRUE#if wrong#if right} — Moodle shows the first text to a wrong answer', () => {
    const q = QuizFile.parse({ module: 3, title: 'T', questions: [truefalse] }).questions[0]
    const text = giftQuestion(q, ctx)
    expect(text).toContain('\tFALSE#The embassy only verifies identity.#Correct\\: the statement is false.\n')
  })

  it('writes numeric answers as value:tolerance, min..max, and 0 % distractors', () => {
    const questions = QuizFile.parse({ module: 3, title: 'T', questions: stress.slice(3, 6) }).questions
    const [fixed, rangeFact, range] = questions.map(q => giftQuestion(q, ctx))
    expect(fixed).toContain('{#\n\t=39000:500#Correct.\n\t=%0%40000#Rounded up too far\\: the article says about 39,000.\n')
    expect(rangeFact).toContain('(people a year) {#\n\t250..850\n')
    expect(range).toContain('{#\n\t=38000..40000#Correct.\n\t=%0%41000#Too high.\n')
  })

  it('writes a multiple-answer question with weights summing to 100 and −100 for wrong options', () => {
    const q = QuizFile.parse({ module: 3, title: 'T', questions: [stress[1]] }).questions[0]
    const text = giftQuestion(q, ctx)
    expect(text.match(/~%33\.33333%/g)).toHaveLength(3)
    expect(text.match(/~%-100%/g)).toHaveLength(1)
  })
})

describe('GIFT files of the fixture bank', () => {
  it('uses a sound fixture bank', () => {
    for (const m of fixtureModules)
      expect(validateQuiz(m.quiz, ledger)).toEqual([])
  })

  const files = giftFiles(fixtureModules, ctx)

  it('writes one file per module and one for the whole bank', () => {
    expect(files.map(f => f.path)).toEqual(['gift/03-how-repatriation-works.gift', 'gift/05-actors.gift', GIFT_ALL])
  })

  it.each(fixtureModules.map(m => [m.slug, m] as const))('round-trips gift/%s.gift through gift-pegjs', (slug, m) => {
    checkFile(files.find(f => f.path === `gift/${slug}.gift`)!.content, [m], ctx)
  })

  it('round-trips gift/all.gift through gift-pegjs', () => {
    checkFile(files.find(f => f.path === GIFT_ALL)!.content, fixtureModules, ctx)
  })

  it('escapes a slash in a module title for the category path', () => {
    expect(files[0].content).toContain('$CATEGORY: $course$/Repatriation as Leverage/How repatriation works: the MPS//embassy roles\n')
  })

  it('keeps the source lines of footnoted facts, special characters included', () => {
    const p = parse(files[0].content).find(x => x.type === 'TF') as TrueFalse
    expect(p.globalFeedback?.text).toContain('Sources: [7] Reuters, 2015-09-11: China’s “Fox Hunt”: {a} #list = 1: ~2; [8] Footnote text not given in the source')
  })

  it('separates questions by exactly one blank line and has no blank line inside a question', () => {
    const text = files[2].content
    for (const block of text.split(/\n\n/))
      expect(block.trim()).not.toBe('')
    expect(text).not.toMatch(/\n\n\n/)
  })
})

// The real bank, once it is written: every generated file must round-trip too.
const root = join(import.meta.dirname, '../../..')
const quizFiles = listBanks(root).banks.map(b => b.file) // the one list of banks every tool uses

describe.skipIf(quizFiles.length === 0)('GIFT files of the real bank (quizzes/)', () => {
  const realCtx = exportContext(loadSources(root))
  const modules: BankModule[] = quizFiles.map(file => ({
    slug: slugOf(file),
    quiz: loadQuizFile(readFileSync(join(root, file), 'utf8'), file, realCtx.ledger),
  }))
  const files = giftFiles(modules, realCtx)

  it.each(files.map(f => [f.path, f] as const))('round-trips %s through gift-pegjs', (path, f) => {
    const wanted = path === GIFT_ALL ? [...modules].sort((a, b) => a.quiz.module - b.quiz.module || a.slug.localeCompare(b.slug)) : modules.filter(m => path === `gift/${m.slug}.gift`)
    expect(wanted.length).toBeGreaterThan(0)
    checkFile(f.content, wanted, realCtx)
  })

})
