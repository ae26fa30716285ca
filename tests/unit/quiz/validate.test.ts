import { describe, expect, it } from 'vitest'
import { DataError } from '../../../lib/load.ts'
import type { DataIssue } from '../../../lib/load.ts'
import type { QuizFile } from '../../../lib/quiz/schema.ts'
import { loadQuizFile, validateBank, validateQuiz } from '../../../lib/quiz/validate.ts'
import { classify, ledger, matching, multiple, numeric, ordering, quiz, single, truefalse, variant } from './fixtures.ts'

/** Validate one question (given as raw fixture data) and return its issues. */
function issuesOf(question: Record<string, unknown>): DataIssue[] {
  return validateQuiz(quiz([question]), ledger)
}

/** The `field: message` of each issue, for compact assertions. */
function fields(issues: DataIssue[]): string[] {
  return issues.map(i => i.field)
}

/** Catch the DataError a load throws. */
function loadError(text: string, file = 'quizzes/03-how-repatriation-works.yaml'): DataError {
  try {
    loadQuizFile(text, file, ledger)
  }
  catch (e) {
    if (e instanceof DataError)
      return e
    throw e
  }
  throw new Error('expected a DataError')
}

describe('a sound quiz', () => {
  it('has no issues, for every question type', () => {
    const all = quiz([single, multiple, truefalse, numeric, ordering, matching, classify])
    expect(validateQuiz(all, ledger)).toEqual([])
  })

  it('passes when a correct option omits its text and shows the ledger value', () => {
    const noText = variant(single, (c) => { delete (c.options[1] as { text?: string }).text })
    expect(issuesOf(noText)).toEqual([])
  })

  it('passes when a correct option drops the qualifier of an approximate figure', () => {
    const q = { ...single, facts: ['us-removal-inventory-2021'], options: [
      { text: '39,000 people', correct: true, fact: 'us-removal-inventory-2021' },
      { text: '3,900 people', why: 'Off by a factor of ten.' },
    ] }
    expect(issuesOf(q)).toEqual([])
  })

  it('passes a true statement whose figures are all cited', () => {
    expect(issuesOf({ ...truefalse, facts: ['us-removal-inventory-2021'], stem: 'About 39,000 people had removal orders in 2021.', answer: true })).toEqual([])
  })

  it('passes a numeric answer given as a range bound', () => {
    expect(issuesOf({ ...numeric, facts: ['us-removals-per-year'], answer: { value: 800 }, tolerance: 0, distractors: [] })).toEqual([])
  })
})

describe('citations', () => {
  it('fails when a question cites no fact', () => {
    const q = quiz([single])
    const bare = { ...q, questions: [{ ...q.questions[0], facts: [] }] } as QuizFile
    const issues = validateQuiz(bare, ledger)
    expect(issues.map(i => i.message)).toContain('cite at least one ledger fact')
  })

  it('fails when a question cites an unknown fact', () => {
    const issues = issuesOf({ ...single, facts: [...single.facts, 'no-such-fact'] })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'questions.0.facts.2', message: 'unknown ledger fact `no-such-fact`' })
  })

  it('fails when an option cites an unknown fact', () => {
    const q = variant(single, (c) => { c.options[2] = { ...c.options[2], fact: 'no-such-fact' } })
    expect(fields(issuesOf(q))).toEqual(['questions.0.options.2.fact'])
  })

  it('fails when an option cites a fact not listed in `facts`', () => {
    const q = variant(single, (c) => { c.options[2] = { ...c.options[2], fact: 'liu-dong' } })
    const issues = issuesOf(q)
    expect(issues).toHaveLength(1)
    expect(issues[0].field).toBe('questions.0.options.2.fact')
    expect(issues[0].message).toMatch(/not listed in the question's `facts`/)
  })

  it('fails when an ordering item cites a fact not listed in `facts`', () => {
    const q = { ...ordering, facts: ordering.facts.filter(f => f !== 'suspension-2022') }
    expect(fields(issuesOf(q))).toEqual(['questions.0.items.3.fact'])
  })

  it('fails when a matching pair cites an unknown fact', () => {
    const q = variant(matching, (c) => { c.pairs[0].fact = 'liu-dong-typo' })
    expect(fields(issuesOf(q))).toEqual(['questions.0.pairs.0.fact'])
  })
})

describe('single and multiple', () => {
  it('fails a single question with no correct option', () => {
    const q = variant(single, (c) => { delete (c.options[1] as { correct?: boolean }).correct; (c.options[1] as { why?: string }).why = 'x' })
    const issues = issuesOf(q)
    expect(issues.map(i => i.message)).toContain('a single-choice question needs exactly one correct option (found 0)')
  })

  it('fails a single question with two correct options', () => {
    const q = variant(single, (c) => { Object.assign(c.options[2], { correct: true, text: 'ICE' }) })
    expect(issuesOf(q).find(i => i.field === 'questions.0.options')?.message).toBe('a single-choice question needs exactly one correct option (found 2)')
  })

  it('fails a multiple question with no correct option', () => {
    const q = variant(multiple, (c) => {
      for (const o of c.options) Object.assign(o, { correct: false, why: 'x' })
    })
    expect(issuesOf(q).map(i => i.message)).toContain('a multiple-choice question needs at least one correct option')
  })

  it('fails a wrong option without `why`', () => {
    const q = variant(single, (c) => { delete (c.options[2] as { why?: string }).why })
    const issues = issuesOf(q)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'questions.0.options.2.why' })
  })

  it('fails a correct option whose figure is not in the cited facts', () => {
    const q = variant(multiple, (c) => { c.options[0].text = 'About 41,000 people had final removal orders in 2021' })
    const issues = issuesOf(q)
    expect(issues).toHaveLength(1)
    expect(issues[0].field).toBe('questions.0.options.0.text')
    expect(issues[0].message).toMatch(/^correct answer disagrees with ledger: .*41,000/)
  })

  it('fails a correct option whose year differs from the fact it cites', () => {
    const q = variant(multiple, (c) => { c.options[1].text = 'Sky Net began in 2014' })
    expect(issuesOf(q)[0].message).toBe('correct answer disagrees with ledger: “2014” restates `sky-net-launch`, which holds 2015')
  })

  it('fails a correct option whose text does not show its fact\'s value', () => {
    const q = variant(single, (c) => { c.options[1].text = 'The Ministry of State Security' })
    const issues = issuesOf(q)
    expect(issues).toHaveLength(1)
    expect(issues[0].field).toBe('questions.0.options.1.text')
    expect(issues[0].message).toMatch(/correct answer disagrees with ledger: the text does not contain `The Exit and Entry Administration of the MPS`/)
  })

  it('fails a distractor whose text is the value of the fact a correct option cites', () => {
    const q = variant(single, (c) => {
      c.options[1].text = 'The Exit and Entry Administration of the MPS (Ministry of Public Security)'
      c.options[2].text = 'the exit and entry administration of the MPS.'
    })
    const issues = issuesOf(q)
    expect(issues).toHaveLength(1)
    expect(issues[0].field).toBe('questions.0.options.2.text')
    expect(issues[0].message).toMatch(/wrong option equals the true value of `mps-exit-entry-administration`/)
  })

  it('fails a distractor equal to the true figure', () => {
    const q = { ...single, facts: ['us-removal-inventory-2021'], options: [
      { text: 'About 39,000', correct: true, fact: 'us-removal-inventory-2021' },
      { text: 'Exactly 39,000 people', why: 'Same figure, worded differently.' },
    ] }
    const issues = issuesOf(q)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'questions.0.options.1.text' })
    expect(issues[0].message).toMatch(/equals the true value/)
  })

  it('fails two options with the same text', () => {
    const q = variant(single, (c) => { c.options[2].text = 'The Chinese Embassy in Washington.' })
    expect(issuesOf(q)[0]).toMatchObject({ field: 'questions.0.options.2.text', message: 'same text as option 1' })
  })
})

describe('truefalse', () => {
  it('fails a true statement with a figure the cited facts do not hold', () => {
    const q = { ...truefalse, facts: ['us-removal-inventory-2021'], stem: 'About 45,000 people had removal orders in 2021.', answer: true }
    const issues = issuesOf(q)
    expect(issues).toHaveLength(1)
    // The key is what disagrees with the ledger, so the issue points at `answer`.
    expect(issues[0].field).toBe('questions.0.answer')
    expect(issues[0].message).toMatch(/disagrees with ledger.*45,000/)
  })

  it('lets a false statement carry a wrong figure', () => {
    expect(issuesOf({ ...truefalse, facts: ['us-removal-inventory-2021'], stem: 'About 45,000 people had removal orders in 2021.', answer: false })).toEqual([])
  })
})

describe('numeric', () => {
  it('fails an answer value that no cited fact holds', () => {
    const issues = issuesOf({ ...numeric, answer: { value: 39500 } })
    expect(issues[0]).toMatchObject({ field: 'questions.0.answer.value' })
    expect(issues[0].message).toMatch(/correct answer disagrees with ledger: 39,500/)
  })

  it('fails an unknown answer fact', () => {
    const issues = issuesOf({ ...numeric, answer: { fact: 'no-such-fact' } })
    expect(fields(issues)).toEqual(['questions.0.answer.fact'])
    expect(issues[0].message).toBe('unknown ledger fact `no-such-fact`')
  })

  it('fails an answer fact that is not numeric', () => {
    const issues = issuesOf({ ...numeric, facts: ['liu-dong'], answer: { fact: 'liu-dong' }, distractors: [] })
    expect(issues).toHaveLength(1)
    expect(issues[0].message).toMatch(/is a name, not a number, range or year/)
  })

  it('fails a tolerance that admits a distractor', () => {
    const issues = issuesOf({ ...numeric, tolerance: 1000 })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'questions.0.distractors.0.value', message: 'the accepted tolerance admits this distractor (40,000)' })
  })

  it('fails a range that does not contain the answer', () => {
    const q = { ...numeric, tolerance: undefined, range: [39500, 39900] }
    const issues = issuesOf(q)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'questions.0.range' })
    expect(issues[0].message).toMatch(/does not contain the answer/)
  })

  it('fails a range that admits a distractor', () => {
    const issues = issuesOf({ ...numeric, tolerance: undefined, range: [38000, 40000] })
    expect(fields(issues)).toEqual(['questions.0.distractors.0.value'])
  })

  it('fails a range narrower than a range fact', () => {
    const q = { ...numeric, facts: ['us-removals-per-year'], answer: { fact: 'us-removals-per-year' }, tolerance: undefined, range: [300, 700], distractors: [] }
    expect(fields(issuesOf(q))).toEqual(['questions.0.range'])
  })

  it('fails a distractor equal to the answer', () => {
    const q = { ...numeric, tolerance: 0, distractors: [{ value: 39000, why: 'x' }] }
    expect(fields(issuesOf(q))).toEqual(['questions.0.distractors.0.value'])
  })
})

describe('ordering', () => {
  it('fails an item whose fact has no date', () => {
    const q = variant(ordering, (c) => {
      c.items[3] = { text: 'Liu Dong appointed', fact: 'liu-dong' }
      c.facts.push('liu-dong')
    })
    const issues = issuesOf(q)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'questions.0.items.3.fact' })
    expect(issues[0].message).toMatch(/has no date/)
  })

  it('fails items written out of ledger order', () => {
    const q = variant(ordering, (c) => { [c.items[0], c.items[3]] = [c.items[3], c.items[0]] })
    const issues = issuesOf(q)
    expect(fields(issues)).toEqual(['questions.0.items.1', 'questions.0.items.3'])
    expect(issues[0].message).toMatch(/not in ledger order: “A draft deal circulates” \(May 2019\) is before “China suspends cooperation” \(August 2022\)/)
  })

  it('accepts tied items written in either order', () => {
    const q = variant(ordering, (c) => { [c.items[1], c.items[2]] = [c.items[2], c.items[1]] })
    expect(issuesOf(q)).toEqual([])
  })
})

describe('matching and classify', () => {
  it('fails two pairs with the same right', () => {
    const q = variant(matching, (c) => { c.pairs[2].right = 'Director of Fox Hunt' })
    expect(fields(issuesOf(q))).toEqual(['questions.0.pairs.2.right'])
  })

  it('fails a statement whose fact is missing from the ledger', () => {
    const q = variant(classify, (c) => { c.statements[1].fact = 'liu-dong-old'; c.facts.push('liu-dong-old') })
    const issues = issuesOf(q)
    expect(fields(issues)).toEqual(['questions.0.facts.3', 'questions.0.statements.1.fact'])
    expect(issues[1].message).toMatch(/missing from the ledger, so its category cannot be derived/)
  })
})

describe('duplicate ids', () => {
  it('fails a repeated id within a file', () => {
    const issues = validateQuiz(quiz([single, { ...truefalse, id: single.id }]), ledger)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'questions.1.id', message: 'duplicate question id `q03-travel-documents` (first used by question 1)' })
  })

  it('fails a repeated id across files, naming where it was first used', () => {
    const issues = validateBank([
      { file: 'quizzes/03-a.yaml', quiz: quiz([single, truefalse]), lineOf: p => 10 * Number(p[1]) + 3 },
      { file: 'quizzes/04-b.yaml', quiz: quiz([numeric, { ...truefalse }], 4), lineOf: p => 10 * Number(p[1]) + 3 },
    ])
    expect(issues).toEqual([{
      file: 'quizzes/04-b.yaml',
      line: 13,
      field: 'questions.1.id',
      message: 'duplicate question id `q03-embassy-issues`, first used at quizzes/03-a.yaml:13',
    }])
  })

  it('passes a bank of distinct ids', () => {
    expect(validateBank([{ file: 'a.yaml', quiz: quiz([single]) }, { file: 'b.yaml', quiz: quiz([numeric]) }])).toEqual([])
  })
})

describe('loadQuizFile', () => {
  const good = `module: 3
title: How repatriation works
questions:
  - id: q03-travel-documents
    type: single
    stem: Which body alone can issue the travel documents?
    facts: [mps-exit-entry-administration]
    explanation: Only the MPS administration issues them.
    options:
      - text: The Exit and Entry Administration of the MPS
        correct: true
        fact: mps-exit-entry-administration
      - text: The Chinese embassy in Washington
        why: Confuses verification with issuing.
  - id: q03-inventory
    type: numeric
    stem: How many people had final removal orders in 2021?
    facts: [us-removal-inventory-2021]
    explanation: About 39,000.
    answer: { fact: us-removal-inventory-2021 }
    tolerance: 500
    unit: people
    distractors:
      - value: 40000
        why: Rounded too far.
`

  it('returns the parsed quiz, with defaults filled in', () => {
    const q = loadQuizFile(good, 'quizzes/03-how-repatriation-works.yaml', ledger)
    expect(q.questions).toHaveLength(2)
    expect(q.questions[0].type === 'single' && q.questions[0].options[1].correct).toBe(false)
  })

  it('reports ledger issues with file, line and field', () => {
    const bad = good
      .replace('        why: Confuses verification with issuing.\n', '')
      .replace('tolerance: 500', 'tolerance: 1000')
    const e = loadError(bad)
    expect(e.issues).toEqual([
      { file: 'quizzes/03-how-repatriation-works.yaml', line: 13, field: 'questions.0.options.1.why', message: 'a wrong option needs `why`: the misconception it targets' },
      { file: 'quizzes/03-how-repatriation-works.yaml', line: 23, field: 'questions.1.distractors.0.value', message: 'the accepted tolerance admits this distractor (40,000)' },
    ])
    expect(e.message).toContain('quizzes/03-how-repatriation-works.yaml:13 questions.0.options.1.why:')
  })

  it('reports schema issues with the line of the field', () => {
    const bad = good
      .replace('  - id: q03-inventory', '  - id: Q03_Inventory')
      .replace('    unit: people\n', '')
      .replace('type: single', 'type: choice')
    const e = loadError(bad)
    const byField = Object.fromEntries(e.issues.map(i => [i.field, i.line]))
    expect(byField).toEqual({
      'questions.0.type': 5,
      'questions.1.id': 15,
      'questions.1.unit': 15, // missing: the line of the question that lacks it
    })
  })

  it('reports an unknown key at its own line', () => {
    const e = loadError(good.replace('    tolerance: 500', '    tolerence: 500'))
    expect(e.issues).toHaveLength(1)
    expect(e.issues[0]).toMatchObject({ line: 21, field: 'questions.1.tolerence' })
    expect(e.issues[0].message).toMatch(/tolerence/)
  })

  it('reports a YAML syntax error with its line', () => {
    const e = loadError(good.replace('    facts: [us-removal-inventory-2021]', '    facts: [us-removal-inventory-2021'))
    expect(e.issues[0].field).toBe('(syntax)')
    expect(e.issues[0].line).toBeGreaterThanOrEqual(18)
  })

  it('fails a module number that does not match the file name', () => {
    const e = loadError(good, 'quizzes/04-fox-hunt.yaml')
    expect(e.issues).toEqual([{ file: 'quizzes/04-fox-hunt.yaml', line: 1, field: 'module', message: 'module 3 does not match the file name (04-…)' }])
  })

  it('reports tolerance and range given together', () => {
    const e = loadError(good.replace('    tolerance: 500', '    tolerance: 500\n    range: [38000, 39900]'))
    expect(e.issues).toEqual([expect.objectContaining({ line: 22, field: 'questions.1.range', message: 'give `tolerance` or `range`, not both' })])
  })
})

describe('keys derived from the ledger', () => {
  const memo = {
    ...truefalse,
    id: 'q03-memo-year',
    stem: 'The draft deal circulated in May 2016.',
    facts: ['ca-deal-drafted'],
    restates: { 'May 2016': 'ca-deal-drafted' },
    answer: false,
    why: 'Mixes up the years.',
  }
  const { judged: _, ...unjudged } = memo as typeof memo & { judged?: boolean }

  it('passes a key that agrees with what the restated figures imply', () => {
    expect(issuesOf(unjudged)).toEqual([])
  })

  it('fails a true/false key flipped against the ledger, at `answer`', () => {
    const issues = issuesOf({ ...unjudged, answer: true })
    expect(issues).toEqual([expect.objectContaining({
      field: 'questions.0.answer',
      message: 'correct answer disagrees with ledger: the key says true, but “May 2016” restates `ca-deal-drafted`, which holds May 2019, so the statement is false',
    })])
  })

  it('never lets `judged: true` pass a wrong figure as true', () => {
    expect(fields(issuesOf({ ...unjudged, answer: true, judged: true }))).toEqual(['questions.0.answer'])
  })

  it('fails a false key whose figures all match, unless it is judged', () => {
    const q = { ...unjudged, stem: 'The draft deal circulated in May 2019, after talks in Ottawa.', restates: { 'May 2019': 'ca-deal-drafted' } }
    expect(issuesOf(q).map(i => i.message)).toEqual(['correct answer disagrees with ledger: the key says false, but every figure the stem restates matches the ledger; if the statement is false for another reason, mark it `judged: true`'])
    expect(issuesOf({ ...q, judged: true })).toEqual([])
  })

  it('asks a statement with no figure to say that its key is judged', () => {
    const { judged: __, ...plain } = truefalse as typeof truefalse & { judged?: boolean }
    expect(issuesOf(plain)).toEqual([expect.objectContaining({
      field: 'questions.0.answer',
      message: 'the ledger cannot decide this answer (it restates no figure of the ledger): restate a figure in `restates`, or mark the answer `judged: true`',
    })])
  })

  it('asks every figure in a stem to name the fact it restates', () => {
    const q = { ...unjudged, facts: ['ca-deal-drafted', 'suspension-2022'], restates: undefined, stem: 'The deal circulated in May 2019.' }
    expect(issuesOf(q)).toEqual([expect.objectContaining({ field: 'questions.0.stem', message: 'the figure “2019” names no fact it restates: add it to `restates` (figure: ledger id)' })])
  })

  it('fails a `restates` key missing from the stem, or citing a fact outside `facts`', () => {
    expect(fields(issuesOf({ ...unjudged, restates: { 'May 2016': 'ca-deal-drafted', 'June 2020': 'ca-deal-drafted' } }))).toEqual(['questions.0.restates.June 2020'])
    expect(issuesOf({ ...unjudged, restates: { 'May 2016': 'ca-visit-2019' } }).map(i => i.message)).toContain('fact `ca-visit-2019` is not listed in the question\'s `facts`')
  })
})

describe('options cite what makes them correct', () => {
  it('fails a correct text option that cites no fact, at its `fact`', () => {
    const q = variant(single, (c) => {
      delete (c.options[1] as { correct?: boolean }).correct
      Object.assign(c.options[1], { why: 'x' })
      Object.assign(c.options[2], { correct: true })
    })
    const issues = issuesOf(q)
    expect(issues).toContainEqual(expect.objectContaining({
      field: 'questions.0.options.2.fact',
      message: 'a correct option must cite the fact that makes it correct: give it `fact: <ledger id>`, or mark it `judged: true` if no ledger entry decides it',
    }))
  })

  it('accepts a correct option marked judged, or whose figures are restated', () => {
    const judgedOption = variant(single, (c) => {
      delete (c.options[1] as { fact?: string }).fact
      Object.assign(c.options[1], { judged: true })
    })
    expect(issuesOf(judgedOption)).toEqual([])
    const restated = { ...single, facts: ['us-removal-inventory-2021', 'ca-deal-drafted'], options: [
      { text: 'U.S. 39,000 in 2021', correct: true, restates: { 'U.S. 39,000 in 2021': 'us-removal-inventory-2021' } },
      { text: 'U.S. 41,000 in 2021', restates: { 'U.S. 41,000 in 2021': 'us-removal-inventory-2021' }, why: 'Too high.' },
    ] }
    expect(issuesOf(restated)).toEqual([])
  })

  it('fails a wrong option whose restated figures all match, unless judged', () => {
    const q = { ...single, facts: ['us-removal-inventory-2021', 'ca-deal-drafted'], options: [
      { text: 'U.S. 39,000', correct: true, restates: { 'U.S. 39,000': 'us-removal-inventory-2021' } },
      { text: 'In 2021: 39,000 waiting in Canada', restates: { 'In 2021: 39,000': 'us-removal-inventory-2021' }, why: 'The US figure, not Canada\'s.' },
    ] }
    expect(fields(issuesOf(q))).toEqual(['questions.0.options.1.text'])
    const judgedWrong = variant(q, (c) => { Object.assign(c.options[1], { judged: true }) })
    expect(issuesOf(judgedWrong)).toEqual([])
  })
})

describe('figures in statements, pairs and items', () => {
  it('fails a classify statement whose figure disagrees with its fact', () => {
    const q = variant(classify, (c) => {
      c.statements[0] = { text: 'About 40,000 people had final removal orders in 2021.', fact: 'us-removal-inventory-2021', why: 'A figure on record.' } as typeof c.statements[0]
      c.facts.push('us-removal-inventory-2021')
    })
    expect(issuesOf(q)).toEqual([expect.objectContaining({
      field: 'questions.0.statements.0.text',
      message: 'disagrees with ledger: “40,000” restates `us-removal-inventory-2021`, which holds about 39,000, as of 2021',
    })])
  })

  it('reads a pair\'s left and right together, so a `restates` key may sit on either side', () => {
    const q = variant(matching, (c) => {
      c.pairs[0] = { ...c.pairs[0], right: 'Director of Fox Hunt when the deal circulated in May 2019', restates: { 'May 2019': 'ca-deal-drafted' } } as typeof c.pairs[0]
      c.facts.push('ca-deal-drafted')
    })
    expect(issuesOf(q)).toEqual([])
    const wrong = variant(q, (c) => { Object.assign(c.pairs[0], { right: 'Director of Fox Hunt when the deal circulated in May 2018', restates: { 'May 2018': 'ca-deal-drafted' } }) })
    expect(fields(issuesOf(wrong))).toEqual(['questions.0.pairs.0.right'])
  })
})
