// @vitest-environment happy-dom
/**
 * Saved progress as the deck keeps it in localStorage (composables/useQuizProgress.ts):
 * one key per deck, answers moved once from the key every deck used to share,
 * a newer version's record left untouched, and forged answers never counted.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { LEGACY_PROGRESS_KEY, PROGRESS_KEY, resetQuizProgressForTests, useQuizProgress } from '../../../composables/useQuizProgress.ts'
import { emptyProgress, NOTICE_NEWER_VERSION, progressKey, questionHash, recordAnswer } from '../../../lib/quiz/progress.ts'
import { quizzes } from './fixtures/quizzes.ts'

const bank = quizzes['04-test']
const single = bank.questions.find(q => q.id === 'q04-single')!
const tf = bank.questions.find(q => q.id === 'q04-tf')!
const right = (p = emptyProgress()) => recordAnswer(p, single, 1, { correct: true, score: 1 }, 1)

beforeEach(() => {
  localStorage.clear()
  resetQuizProgressForTests()
})

describe('the progress key', () => {
  it('is this deck\'s own, so another deck on the same site keeps its record', async () => {
    expect(PROGRESS_KEY).toBe(progressKey('test-deck'))
    const other = progressKey('another-unit')
    localStorage.setItem(other, JSON.stringify(right()))
    const { record, forget } = useQuizProgress()
    record(tf, true, { correct: true, score: 1 })
    forget()
    await nextTick()
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).answers).toEqual({})
    expect(JSON.parse(localStorage.getItem(other)!)).toEqual(right())
  })

  it('moves this deck\'s answers from the shared key once, and leaves the shared record for the others', () => {
    const shared = { version: 1, answers: { ...right().answers, 'q-other-deck': right().answers['q04-single'] } }
    localStorage.setItem(LEGACY_PROGRESS_KEY, JSON.stringify(shared))
    const { progress, notice, summary } = useQuizProgress()
    expect(progress.value.answers['q04-single']).toMatchObject({ response: 1, correct: true })
    expect(progress.value.answers['q-other-deck']).toBeUndefined()
    expect(notice.value).toBeUndefined()
    expect(summary.value[0].correct).toBe(1)
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).answers['q04-single'].hash).toBe(questionHash(single))
    expect(JSON.parse(localStorage.getItem(LEGACY_PROGRESS_KEY)!)).toEqual(shared)
  })

  it('does not migrate again once the deck has its own record (a reset stays a reset)', async () => {
    localStorage.setItem(LEGACY_PROGRESS_KEY, JSON.stringify(right()))
    expect(useQuizProgress().progress.value.answers['q04-single']).toBeDefined()
    useQuizProgress().forget()
    await nextTick()
    resetQuizProgressForTests()
    expect(useQuizProgress().progress.value.answers).toEqual({})
  })
})

describe('a record from a newer version of the kit', () => {
  it('gets an accurate notice and is left as it is', async () => {
    const newer = JSON.stringify({ version: 2, answers: { 'q04-single': { anything: true } } })
    localStorage.setItem(PROGRESS_KEY, newer)
    const { notice, record, summary } = useQuizProgress()
    expect(notice.value).toBe(NOTICE_NEWER_VERSION)
    expect(notice.value).not.toMatch(/older/)
    record(single, 1, { correct: true, score: 1 })
    expect(summary.value[0].correct).toBe(1) // counts for this session …
    await nextTick()
    expect(localStorage.getItem(PROGRESS_KEY)).toBe(newer) // … but the newer record is not overwritten
  })
})

describe('a saved answer of the wrong shape', () => {
  it('is dropped, and does not count as right in the results', () => {
    const forged = { version: 1, answers: { 'q04-tf': { hash: questionHash(tf), response: 'true', checked: true, correct: true, score: 1, at: 1 } } }
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(forged))
    const { progress, summary, notice } = useQuizProgress()
    expect(progress.value.answers['q04-tf']).toBeUndefined()
    expect(summary.value[0]).toMatchObject({ answered: 0, correct: 0 })
    expect(notice.value).toMatch(/1 saved answer was removed/)
  })
})
