import type { SessionRecord } from '../../../lib/class/session.ts'
import type { Question } from '../../../lib/quiz/schema.ts'
import { describe, expect, it } from 'vitest'
import { classBank } from '../../../lib/class/bank.ts'
import { orderingDisplay } from '../../../lib/class/per-type.ts'
import { ClassSession, deviceKey } from '../../../lib/class/session.ts'
import { questionHash } from '../../../lib/quiz/progress.ts'
import { classify, ledger, matching, multiple, numeric, ordering, q, single, truefalse } from '../quiz/fixtures.ts'

const questions = [single, multiple, truefalse, numeric, ordering, matching, classify].map(raw => q(raw))
const S = questions[0].id // single: options 0–2, right 1
const N = questions[3].id // numeric
const O = questions[4].id // ordering

const dev = (n: number) => `device-${String(n).padStart(12, '0')}`

function session(opts: { classIds?: Set<string>, records?: SessionRecord[] } = {}) {
  const records: SessionRecord[] = opts.records ?? []
  const s = new ClassSession({ questions: new Map(questions.map(x => [x.id, x])), ledger, classIds: opts.classIds, salt: 'test-salt-123', onRecord: r => records.push(r) })
  return { s, records }
}

describe('state machine', () => {
  it('starts idle and shows no question', () => {
    const { s } = session()
    expect(s.publicState()).toEqual({ seq: 0, phase: 'idle', question: null })
    expect(s.presenterState()).toMatchObject({ phase: 'idle', question: null, tally: null, questions: [] })
  })

  it('open → answers → close → reopen → reveal, each a record', () => {
    const { s, records } = session()
    expect(s.open(S)).toEqual({ ok: true, phase: 'open' })
    expect(s.submit(S, dev(1), 1)).toMatchObject({ ok: true, replaced: false })
    expect(s.close(S)).toEqual({ ok: true, phase: 'closed' })
    expect(s.submit(S, dev(2), 0)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/closed/) })
    expect(s.open(S)).toEqual({ ok: true, phase: 'open' })
    expect(s.submit(S, dev(2), 0)).toMatchObject({ ok: true })
    expect(s.reveal(S)).toEqual({ ok: true, phase: 'revealed' })
    expect(s.submit(S, dev(3), 1)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/revealed/) })
    expect(records.map(r => r.t)).toEqual(['open', 'answer', 'close', 'open', 'answer', 'reveal'])
    expect(s.tally(S)?.answered).toBe(2)
  })

  it('repeated commands change nothing and write nothing (a presenter window may send them again)', () => {
    const { s, records } = session()
    s.open(S)
    s.open(S)
    s.reveal(S)
    s.reveal(S)
    expect(s.open(S)).toEqual({ ok: true, phase: 'revealed' })
    expect(records.map(r => r.t)).toEqual(['open', 'reveal'])
  })

  it('opening another question closes the current one', () => {
    const { s, records } = session()
    s.open(S)
    s.open(N)
    expect(s.phaseOf(S)).toBe('closed')
    expect(s.currentId).toBe(N)
    expect(records.map(r => r.t)).toEqual(['open', 'close', 'open'])
    expect(s.submit(S, dev(1), 1)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/not the open question/) })
  })

  it('close and reveal name the current question, or are refused', () => {
    const { s } = session()
    expect(s.close(S)).toMatchObject({ ok: false, status: 409 })
    s.open(S)
    expect(s.reveal(N)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/“q03-travel-documents” is/) })
    expect(s.reveal('no-such-question')).toMatchObject({ ok: false, status: 400 })
  })

  it('clear shows no question and closes the open one', () => {
    const { s } = session()
    s.open(S)
    s.clear()
    expect(s.publicState().phase).toBe('idle')
    expect(s.phaseOf(S)).toBe('closed')
  })

  it('reset forgets the answers and the reveal, to ask again', () => {
    const { s } = session()
    s.open(S)
    s.submit(S, dev(1), 1)
    s.reveal(S)
    expect(s.reset(S)).toEqual({ ok: true, phase: 'open' })
    expect(s.answered(S)).toBe(0)
    expect(s.submit(S, dev(1), 0)).toMatchObject({ ok: true, replaced: false })
  })

  it('opens only class questions when the bank marks some', () => {
    const { s } = session({ classIds: new Set([N]) })
    expect(s.open(S)).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/not a class question/) })
    expect(s.open(N)).toMatchObject({ ok: true })
  })

  it('refuses to open a question whose hash differs from the deck’s', () => {
    const { s } = session()
    expect(s.open(S, 'deadbeef')).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/another version/) })
    expect(s.open(S, questionHash(questions[0]))).toMatchObject({ ok: true })
  })
})

describe('answers', () => {
  it('must name the open question and an existing one', () => {
    const { s } = session()
    expect(s.submit(S, dev(1), 1)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/no question is open/) })
    s.open(S)
    expect(s.submit('nope', dev(1), 1)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/No question “nope”/) })
    expect(s.submit(undefined, dev(1), 1)).toMatchObject({ ok: false, status: 400 })
  })

  it('needs a device id that looks random enough', () => {
    const { s } = session()
    s.open(S)
    for (const d of [undefined, 7, 'short', 'x'.repeat(65), 'has spaces in it ok?'])
      expect(s.submit(S, d, 1)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/device/) })
  })

  it('an invalid response is refused with the type’s message', () => {
    const { s } = session()
    s.open(S)
    expect(s.submit(S, dev(1), 5)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/one option/) })
    expect(s.answered(S)).toBe(0)
  })

  it('one device counts once: answering again replaces', () => {
    const { s } = session()
    s.open(S)
    s.submit(S, dev(1), 0)
    s.submit(S, dev(2), 1)
    expect(s.submit(S, dev(1), 1)).toMatchObject({ ok: true, replaced: true })
    const t = s.tally(S)!
    expect(t.answered).toBe(2)
    if (t.kind === 'choices')
      expect(t.choices.map(c => c.count)).toEqual([0, 2, 0])
  })

  it('a device gets its own answer back, in the view’s indices, and nobody else’s', () => {
    const { s } = session()
    s.open(O)
    const shown = orderingDisplay(questions[4] as Extract<Question, { type: 'ordering' }>)
    expect(shown).not.toEqual([0, 1, 2, 3])
    s.submit(O, dev(1), [2, 0, 3, 1])
    expect(s.publicState(dev(1)).mine).toEqual([2, 0, 3, 1])
    expect(s.publicState(dev(2)).mine).toBeNull()
    expect(s.publicState()).not.toHaveProperty('mine')
  })

  it('the cap may refuse a new device but never one replacing its answer', () => {
    const { s } = session()
    s.open(S)
    const seen = new Set<string>()
    const admit = (k: string) => seen.has(k) || (seen.size < 1 && !!seen.add(k))
    expect(s.submit(S, dev(1), 0, admit)).toMatchObject({ ok: true })
    expect(s.submit(S, dev(2), 0, admit)).toMatchObject({ ok: false, status: 429 })
    expect(s.submit(S, dev(1), 2, admit)).toMatchObject({ ok: true, replaced: true })
  })
})

describe('what is public', () => {
  it('no tally and no answer before the reveal; both after', () => {
    const { s } = session()
    s.open(S)
    s.submit(S, dev(1), 1)
    const before = s.publicState()
    expect(before.reveal).toBeUndefined()
    expect(JSON.stringify(before)).not.toMatch(/correct|explanation|"count"/)
    expect(s.results(S)).toMatchObject({ ok: false, status: 403 })
    s.reveal(S)
    const after = s.publicState()
    expect(after.reveal).toMatchObject({ answer: 1, explanation: questions[0].explanation })
    expect(after.reveal?.tally.answered).toBe(1)
    expect(s.results(S)).toMatchObject({ ok: true, results: { answer: 1 } })
  })

  it('after the reveal, the question itself and the ledger entries it names, so a phone can mark the answer on its input', () => {
    const { s } = session()
    for (const question of questions) {
      s.open(question.id)
      s.reveal(question.id)
      const r = s.publicState().reveal!
      expect(r.question).toEqual(question)
      // Every ledger id the question names is there, and nothing else.
      const named = new Set(JSON.stringify(question).match(/"[^"]+"/g)!.map(t => JSON.parse(t) as string).filter(t => ledger.has(t)))
      expect(new Set(Object.keys(r.ledger)), question.id).toEqual(named)
      for (const id of named)
        expect(r.ledger[id]).toEqual(ledger.get(id))
    }
  })

  it('the public seq moves with changes of state only, so answers cannot be counted from it', () => {
    const { s } = session()
    s.open(S)
    const seq = s.publicState().seq
    for (let i = 0; i < 5; i++) s.submit(S, dev(i), 1)
    expect(s.publicState().seq).toBe(seq)
    expect(s.presenterState().seq).toBe(seq + 5)
    s.reveal(S)
    expect(s.publicState().seq).toBe(seq + 1)
  })
})

describe('records', () => {
  it('hold no device id, only a per-question salted key', () => {
    const { s, records } = session()
    s.open(S)
    s.submit(S, dev(1), 1)
    s.open(N)
    s.submit(N, dev(1), '39,000')
    const text = records.map(r => JSON.stringify(r)).join('\n')
    expect(text).not.toContain(dev(1))
    const keys = records.flatMap(r => r.t === 'answer' ? [r.k] : [])
    expect(keys).toEqual([deviceKey('test-salt-123', S, dev(1)), deviceKey('test-salt-123', N, dev(1))])
    // The same device has unrelated keys in two questions: the file cannot link its answers.
    expect(keys[0]).not.toBe(keys[1])
    // A typed figure is stored as the number, never as the text typed.
    expect(records.at(-1)).toMatchObject({ t: 'answer', r: 39000 })
  })

  it('replayed into a new session, give back the same state and tallies', () => {
    const { s, records } = session()
    s.open(S)
    s.submit(S, dev(1), 0)
    s.submit(S, dev(2), 1)
    s.submit(S, dev(1), 2)
    s.reveal(S)
    s.open(N)
    s.submit(N, dev(3), 39000)
    const again = session({ records: [] }).s
    for (const r of records) again.replay(r)
    expect(again.presenterState()).toEqual(s.presenterState())
    expect(again.publicState(dev(3))).toEqual(s.publicState(dev(3)))
    expect(again.tally(S)).toEqual(s.tally(S))
    // The same device, answering again after the restart, replaces its answer.
    expect(again.submit(N, dev(3), 40000)).toMatchObject({ ok: true, replaced: true })
  })

  it('skip, with a notice, what no longer fits the bank', () => {
    const { s } = session()
    s.replay({ t: 'open', q: 'gone-question', h: '00000000' })
    s.replay({ t: 'open', q: S, h: '00000000' })
    s.replay({ t: 'answer', q: S, k: 'a'.repeat(32), r: 7 })
    s.replay({ t: 'answer', q: S, k: 'b'.repeat(32), r: 1 })
    expect(s.answered(S)).toBe(1)
    expect(s.notices).toEqual([
      'question “gone-question” is no longer in the bank: its open record was skipped',
      expect.stringMatching(/“q03-travel-documents” changed since it was asked/),
      'an answer to “q03-travel-documents” is not valid for the question as it is now and was skipped',
    ])
  })

  it('numeric answers must be stored as numbers to be read back', () => {
    const { s } = session()
    s.replay({ t: 'open', q: N, h: questionHash(questions[3]) })
    s.replay({ t: 'answer', q: N, k: 'c'.repeat(32), r: '39000' })
    expect(s.answered(N)).toBe(0)
  })
})

describe('bank', () => {
  it('treats every question as a class question until the bank marks some', () => {
    expect(classBank(questions, ledger).classIds).toBeUndefined()
    const marked = questions.map((x, i) => i === 2 ? { ...x, class: true } as unknown as Question : x)
    expect([...classBank(marked, ledger).classIds!]).toEqual([questions[2].id])
  })
})
