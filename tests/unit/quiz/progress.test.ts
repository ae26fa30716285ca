import { describe, expect, it } from 'vitest'
import { grade } from '../../../lib/quiz/grade.ts'
import {
  clearProgress,
  emptyProgress,
  feedbackFor,
  LEGACY_PROGRESS_KEY,
  migrateProgress,
  NOTICE_NEWER_VERSION,
  NOTICE_OLD_VERSION,
  NOTICE_QUOTA,
  NOTICE_UNREADABLE,
  NOTICE_WRITE_FAILED,
  progressKey,
  questionHash,
  readProgress,
  recordAnswer,
  summarise,
  writeProgress,
} from '../../../lib/quiz/progress.ts'
import type { Progress } from '../../../lib/quiz/progress.ts'
import { ledger, multiple, numeric, q, quiz, single, truefalse } from './fixtures.ts'

const qSingle = q(single)
const qNumeric = q(numeric)
const qTrueFalse = q(truefalse)
const questions = [qSingle, qNumeric, qTrueFalse]

/** A record with a checked answer to each of `single` and `numeric`. */
function saved(): Progress {
  let p = recordAnswer(emptyProgress(), qSingle, 1, grade(qSingle, 1, ledger), 1000)
  p = recordAnswer(p, qNumeric, '40,000', grade(qNumeric, '40,000', ledger), 2000)
  return p
}

/** An in-memory storage; `fail` makes `setItem` throw it. */
function storage(fail?: unknown) {
  const items = new Map<string, string>()
  return {
    items,
    setItem(k: string, v: string) {
      if (fail !== undefined)
        throw fail
      items.set(k, v)
    },
  }
}

describe('questionHash', () => {
  it('is a short stable hex string, independent of key order', () => {
    const h = questionHash(qSingle)
    expect(h).toMatch(/^[0-9a-f]{8}$/)
    const reordered = Object.fromEntries(Object.entries(qSingle).reverse()) as typeof qSingle
    expect(questionHash(reordered)).toBe(h)
  })

  it('changes when the stem, an option or the answer changes', () => {
    const h = questionHash(qSingle)
    expect(questionHash(q({ ...single, stem: `${single.stem} ` + 'Now?' }))).not.toBe(h)
    expect(questionHash(q({ ...single, options: single.options.map((o, i) => i === 2 ? { ...o, text: 'ICE' } : o) }))).not.toBe(h)
    expect(questionHash(q({ ...numeric, tolerance: 400 }))).not.toBe(questionHash(qNumeric))
  })

  it('ignores rewording of the explanation and the why notes', () => {
    const h = questionHash(qSingle)
    expect(questionHash(q({ ...single, explanation: 'Reworded.' }))).toBe(h)
    expect(questionHash(q({ ...single, options: single.options.map(o => 'why' in o ? { ...o, why: 'Reworded.' } : o) }))).toBe(h)
  })

  it('ignores whether the lecture asks the question in class, so choosing it keeps saved answers', () => {
    expect(questionHash(q({ ...single, class: true }))).toBe(questionHash(qSingle))
  })
})

describe('readProgress', () => {
  it('starts empty, without a notice, when nothing is saved', () => {
    expect(readProgress(null, questions)).toEqual({ progress: emptyProgress() })
  })

  it('keeps valid answers', () => {
    const p = saved()
    const r = readProgress(JSON.stringify(p), questions)
    expect(r.notice).toBeUndefined()
    expect(r.progress).toEqual(p)
  })

  it('resets invalid JSON with a notice', () => {
    expect(readProgress('{"version":1,"answers":', questions)).toEqual({ progress: emptyProgress(), notice: NOTICE_UNREADABLE })
    expect(NOTICE_UNREADABLE).toBe('Saved quiz progress could not be read and was reset.')
  })

  it('resets JSON that is not a record', () => {
    for (const raw of ['null', '[]', '"text"', '{"version":1,"answers":[]}'])
      expect(readProgress(raw, questions)).toEqual({ progress: emptyProgress(), notice: NOTICE_UNREADABLE })
  })

  it('resets a record of another version with a notice', () => {
    const old = JSON.stringify({ ...saved(), version: 0 })
    expect(readProgress(old, questions)).toEqual({ progress: emptyProgress(), notice: NOTICE_OLD_VERSION })
    const unversioned = JSON.stringify({ answers: saved().answers })
    expect(readProgress(unversioned, questions).notice).toBe(NOTICE_OLD_VERSION)
  })

  it('drops answers to unknown questions and says how many', () => {
    const p = saved()
    const raw = JSON.stringify({ ...p, answers: { ...p.answers, 'q99-gone': p.answers[qSingle.id] } })
    const r = readProgress(raw, questions)
    expect(Object.keys(r.progress.answers).sort()).toEqual([qNumeric.id, qSingle.id].sort())
    expect(r.notice).toBe('1 saved answer was removed because its question has changed or no longer exists.')
  })

  it('drops answers whose question has changed', () => {
    const changed = [q({ ...single, stem: 'Which body issues the documents?' }), q({ ...numeric, tolerance: 100 }), qTrueFalse]
    const r = readProgress(JSON.stringify(saved()), changed)
    expect(r.progress.answers).toEqual({})
    expect(r.notice).toBe('2 saved answers were removed because their questions have changed or no longer exist.')
  })

  it('drops malformed answers', () => {
    const p = saved()
    const raw = JSON.stringify({ ...p, answers: { ...p.answers, [qTrueFalse.id]: { hash: questionHash(qTrueFalse), response: true, checked: 'yes' } } })
    const r = readProgress(raw, questions)
    expect(Object.keys(r.progress.answers)).toHaveLength(2)
    expect(r.notice).toMatch(/^1 saved answer was removed/)
  })
})

describe('saved answers of the wrong shape', () => {
  // A response the question cannot show (an index past the options, text for
  // a true/false) shows as unanswered, so it must not count as right either.
  const forged = (response: unknown) => {
    const p = saved()
    return JSON.stringify({ ...p, answers: { ...p.answers, [qTrueFalse.id]: { hash: questionHash(qTrueFalse), response, checked: true, correct: true, score: 1, at: 1 } } })
  }

  it('are dropped when read, with a notice', () => {
    for (const response of ['true', 1, null, [true], {}]) {
      const r = readProgress(forged(response), questions)
      expect(r.progress.answers[qTrueFalse.id], JSON.stringify(response)).toBeUndefined()
      expect(r.notice).toMatch(/^1 saved answer was removed/)
    }
    const wrongIndex = JSON.stringify({ version: 1, answers: { [qSingle.id]: { hash: questionHash(qSingle), response: 99, checked: true, correct: true, score: 1, at: 1 } } })
    expect(readProgress(wrongIndex, questions).progress.answers).toEqual({})
  })

  it('never count as right in the results, even if they reach the record', () => {
    const p = saved()
    const bad: Progress = { ...p, answers: { ...p.answers, [qTrueFalse.id]: { hash: questionHash(qTrueFalse), response: 'yes', checked: true, correct: true, score: 1, at: 1 } } }
    const [m] = summarise(bad, [quiz([single, numeric, truefalse])])
    expect(m.answered).toBe(2)
    expect(m.correct).toBe(summarise(p, [quiz([single, numeric, truefalse])])[0].correct)
  })

  it('a record claiming right with no credit is malformed', () => {
    const raw = JSON.stringify({ version: 1, answers: { [qTrueFalse.id]: { hash: questionHash(qTrueFalse), response: true, checked: true, correct: true, score: 0, at: 1 } } })
    expect(readProgress(raw, questions).progress.answers).toEqual({})
  })
})

describe('versions and keys', () => {
  it('says a newer record is newer, and asks that it be left alone', () => {
    const r = readProgress(JSON.stringify({ ...saved(), version: 2 }), questions)
    expect(r).toEqual({ progress: emptyProgress(), notice: NOTICE_NEWER_VERSION, newer: true })
    expect(NOTICE_NEWER_VERSION).toMatch(/newer version/)
    expect(NOTICE_NEWER_VERSION).not.toMatch(/older/)
  })

  it('keys progress per deck', () => {
    expect(progressKey('repatriation-as-leverage')).toBe('kit:repatriation-as-leverage:quiz-progress')
    expect(progressKey('another-unit')).not.toBe(progressKey('repatriation-as-leverage'))
    expect(LEGACY_PROGRESS_KEY).toBe('repatriation-kit:quiz-progress')
  })

  it('migrates this deck\'s answers from the shared key, skipping other decks\' without a notice', () => {
    const p = saved()
    const shared = JSON.stringify({ ...p, answers: { ...p.answers, 'q-other-deck': { ...p.answers[qSingle.id] } } })
    const r = migrateProgress(shared, questions)
    expect(r.progress).toEqual(p)
    expect(r.notice).toBeUndefined()
  })

  it('still reports a changed question, or an unreadable shared record, when migrating', () => {
    expect(migrateProgress(JSON.stringify(saved()), [q({ ...single, stem: 'Changed?' }), qNumeric]).notice).toMatch(/^1 saved answer was removed/)
    expect(migrateProgress('{broken', questions)).toEqual({ progress: emptyProgress(), notice: NOTICE_UNREADABLE })
  })
})

describe('writeProgress', () => {
  it('saves the record as JSON', () => {
    const s = storage()
    expect(writeProgress(s, 'quiz-progress', saved())).toEqual({ ok: true })
    expect(JSON.parse(s.items.get('quiz-progress')!)).toEqual(saved())
  })

  it('reports a full storage without throwing', () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' })
    expect(writeProgress(storage(quota), 'k', saved())).toEqual({ ok: false, notice: NOTICE_QUOTA })
  })

  it('recognises a DOMException quota error', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    expect(writeProgress(storage(quota), 'k', saved())).toEqual({ ok: false, notice: NOTICE_QUOTA })
  })

  it('reports any other failure without throwing', () => {
    expect(writeProgress(storage(new Error('SecurityError')), 'k', saved())).toEqual({ ok: false, notice: NOTICE_WRITE_FAILED })
    expect(writeProgress(storage('a string'), 'k', saved())).toEqual({ ok: false, notice: NOTICE_WRITE_FAILED })
  })

  it('round-trips through readProgress', () => {
    const s = storage()
    writeProgress(s, 'k', saved())
    expect(readProgress(s.items.get('k')!, questions)).toEqual({ progress: saved() })
  })
})

describe('recordAnswer and clearProgress', () => {
  it('records a checked answer without changing the old record', () => {
    const before = emptyProgress()
    const after = recordAnswer(before, qSingle, 0, { correct: false, score: 0 }, 42)
    expect(before.answers).toEqual({})
    expect(after.answers[qSingle.id]).toEqual({ hash: questionHash(qSingle), response: 0, checked: true, correct: false, score: 0, at: 42 })
  })

  it('records a draft when no result is given', () => {
    const p = recordAnswer(emptyProgress(), qSingle, 1, undefined, 42)
    expect(p.answers[qSingle.id]).toMatchObject({ checked: false, correct: false, score: 0 })
  })

  it('replaces an earlier answer to the same question', () => {
    const p = recordAnswer(saved(), qSingle, 0, { correct: false, score: 0 }, 3000)
    expect(p.answers[qSingle.id].response).toBe(0)
    expect(Object.keys(p.answers)).toHaveLength(2)
  })

  it('clears some or all answers', () => {
    expect(clearProgress(saved(), [qSingle.id]).answers).toEqual({ [qNumeric.id]: saved().answers[qNumeric.id] })
    expect(clearProgress(saved())).toEqual(emptyProgress())
  })
})

describe('summarise', () => {
  const module3 = quiz([single, numeric, truefalse], 3)
  const module4 = quiz([{ ...multiple, id: 'q04-documented' }], 4)

  it('totals checked answers per module, in module order, scoring only what was answered', () => {
    let p = saved() // single right, numeric wrong, true/false not tried
    p = recordAnswer(p, q({ ...multiple, id: 'q04-documented' }), [0], { correct: false, score: 0.5 }, 1)
    expect(summarise(p, [module4, module3])).toEqual([
      // 1 right of the 2 answered is 50 %, with 1 question still to try (not 33 % of all 3).
      { module: 3, answered: 2, correct: 1, total: 3, unanswered: 1, score: 1 / 2, percent: 50 },
      { module: 4, answered: 1, correct: 0, total: 1, unanswered: 0, score: 0.5, percent: 50 },
    ])
  })

  it('scores a module with nothing answered as 0 %, all of it unanswered', () => {
    expect(summarise(emptyProgress(), [module3])[0]).toMatchObject({ answered: 0, unanswered: 3, score: 0, percent: 0 })
  })

  it('ignores drafts and answers to changed questions', () => {
    let p = recordAnswer(emptyProgress(), qTrueFalse, false, undefined, 1)
    p = recordAnswer(p, q({ ...single, stem: 'Old wording?' }), 1, { correct: true, score: 1 }, 1)
    expect(summarise(p, [module3])[0]).toMatchObject({ answered: 0, correct: 0, score: 0 })
  })

  it('merges quiz files of the same module', () => {
    const more = quiz([{ ...multiple, id: 'q03-more' }], 3)
    expect(summarise(saved(), [module3, more])).toHaveLength(1)
    expect(summarise(saved(), [module3, more])[0].total).toBe(4)
  })
})

describe('feedbackFor', () => {
  it('gives one message per band, switching at 50 and 80', () => {
    const low = feedbackFor(0)
    const mid = feedbackFor(50)
    const high = feedbackFor(80)
    expect(new Set([low, mid, high]).size).toBe(3)
    expect(feedbackFor(49)).toBe(low)
    expect(feedbackFor(79)).toBe(mid)
    expect(feedbackFor(100)).toBe(high)
    expect(feedbackFor(Number.NaN)).toBe(low)
  })

  it('is specific about what to do next', () => {
    expect(feedbackFor(20)).toMatch(/sources cited/)
    expect(feedbackFor(65)).toMatch(/explanations of the questions you missed/)
    expect(feedbackFor(90)).toMatch(/final review/)
  })
})
