/**
 * The state of one class session: which question is open, whether it is
 * revealed, and one response per device per question. A small state
 * machine, pure and synchronous: every change is a `SessionRecord`, applied
 * by `apply` both live and when a session file is read back after a restart,
 * so the two can never disagree. Writing the records somewhere is the
 * caller's business (`onRecord`; see store.ts).
 *
 * A question's phase: `idle` (never opened, or reset) → `open` (answers
 * accepted) → `closed` (answers refused, may open again) → `revealed`
 * (answers refused for good, results public). Opening another question
 * closes the current one. `clear` shows no question on the phones.
 *
 * Nothing here names a student. A device is known only by
 * `deviceKey(salt, question, device)`: a salted hash, different for each
 * question, so the session file cannot even link one device's answers to
 * two questions. The raw device id and the address never reach a record.
 */
import { createHash } from 'node:crypto'
import type { Fact } from '../ledger/schema.ts'
import type { Ledger } from '../quiz/derive.ts'
import type { Question } from '../quiz/schema.ts'
import { questionHash } from '../quiz/progress.ts'
import type { PublicQuestion, Tally } from './per-type.ts'
import { answerView, isCanonical, parseResponse, publicView, responseView, tally } from './per-type.ts'

export type Phase = 'idle' | 'open' | 'closed' | 'revealed'

/** One line of the session file. */
export type SessionRecord =
  | { t: 'session', v: 1, salt: string, started: string }
  | { t: 'open', q: string, h: string }
  | { t: 'close', q: string }
  | { t: 'reveal', q: string }
  | { t: 'clear' }
  | { t: 'reset', q: string }
  | { t: 'answer', q: string, k: string, r: unknown }

/** A refusal, with the HTTP status the server answers with. */
export interface Refusal { ok: false, status: 400 | 403 | 409 | 429, message: string }
export type Outcome<T = object> = ({ ok: true } & T) | Refusal

/** What a phone sees: the open question without its answer, and the results once revealed. */
export interface PublicState {
  /** Increases with every change of state (not with answers); a client drops a state older than one it has. */
  seq: number
  phase: Phase
  question: PublicQuestion | null
  /**
   * Only after the reveal: the answer (in the view's indices), the
   * explanation and the counts; and the bank's question itself with the
   * ledger entries it names, so that a phone can draw the answer marked on
   * its own input, as the self-study quiz does (nothing in them is secret
   * once the answer is out).
   */
  reveal?: { answer: unknown, explanation: string, facts: string[], tally: Tally, question: Question, ledger: Record<string, Fact> }
  /** This device's own answer to the current question (in the view's indices), when asked with its device id. */
  mine?: unknown
}

/** What the presenter sees. */
export interface PresenterState {
  /** Increases with every change, answers included. */
  seq: number
  phase: Phase
  /** Id of the current question, or `null`. */
  question: string | null
  /** Counts of the current question (with the right answer marked), or `null`. */
  tally: Tally | null
  /** Every question that has answers or was opened in this session, in first-opened order. */
  questions: { id: string, phase: Phase, answered: number }[]
}

export interface SessionOptions {
  /** Every question of the bank, by id. */
  questions: ReadonlyMap<string, Question>
  ledger: Ledger
  /** When given, only these question ids may be opened (the bank's class questions). */
  classIds?: ReadonlySet<string>
  /** Random salt of this session's device keys (from the session file). */
  salt: string
  /** Called with every record that changes the state, after it is applied. */
  onRecord?: (r: SessionRecord) => void
}

/** A device id a phone may send: 16–64 letters, digits, `-` or `_` (a UUID or base64url of 12+ random bytes). */
export const DEVICE_ID = /^[\w-]{16,64}$/

/** The salted, per-question hash that stands for a device in the session (32 hex digits). */
export function deviceKey(salt: string, question: string, device: string): string {
  return createHash('sha256').update(`${salt}\0${question}\0${device}`).digest('hex').slice(0, 32)
}

interface QState {
  phase: Phase
  /** Device key → canonical response. */
  answers: Map<string, unknown>
}

export class ClassSession {
  readonly salt: string
  private readonly opts: SessionOptions
  private current: string | null = null
  private readonly states = new Map<string, QState>()
  private _seq = 0
  private _stateSeq = 0
  /** Problems met while reading records back (unknown question, invalid answer …), for the log. */
  readonly notices: string[] = []

  constructor(opts: SessionOptions) {
    this.opts = opts
    this.salt = opts.salt
  }

  get seq(): number {
    return this._seq
  }

  /** Counts changes of state only (not answers), so a phone cannot count others' answers from it. */
  get stateSeq(): number {
    return this._stateSeq
  }

  get currentId(): string | null {
    return this.current
  }

  phaseOf(id: string): Phase {
    return this.states.get(id)?.phase ?? 'idle'
  }

  question(id: string): Question | undefined {
    return this.opts.questions.get(id)
  }

  // ── Commands (presenter) ────────────────────────────────────────────────

  /** Open `id` for answers (a revealed question is shown again, still revealed). `hash`, when given, must be the question's `questionHash`. */
  open(id: unknown, hash?: unknown): Outcome<{ phase: Phase }> {
    const q = this.known(id)
    if (!q.ok)
      return q
    if (this.opts.classIds && !this.opts.classIds.has(q.q.id))
      return { ok: false, status: 403, message: `“${q.q.id}” is not a class question (the bank marks class questions with \`class: true\`).` }
    const h = questionHash(q.q)
    if (hash !== undefined && hash !== h)
      return { ok: false, status: 409, message: `The deck holds another version of “${q.q.id}” than this server (hash ${String(hash)}, server ${h}). Rebuild the deck or restart the server from the same files.` }
    const phase = this.phaseOf(q.q.id)
    if (this.current === q.q.id && phase !== 'closed')
      return { ok: true, phase }
    if (this.current && this.current !== q.q.id && this.phaseOf(this.current) === 'open')
      this.commit({ t: 'close', q: this.current })
    this.commit({ t: 'open', q: q.q.id, h })
    return { ok: true, phase: this.phaseOf(q.q.id) }
  }

  /** Stop answers to the current question `id`. */
  close(id: unknown): Outcome<{ phase: Phase }> {
    const c = this.isCurrent(id)
    if (!c.ok)
      return c
    const phase = this.phaseOf(c.id)
    if (phase !== 'open')
      return { ok: true, phase }
    this.commit({ t: 'close', q: c.id })
    return { ok: true, phase: 'closed' }
  }

  /** Reveal the current question `id`: answers refused from now on, results public. */
  reveal(id: unknown): Outcome<{ phase: Phase }> {
    const c = this.isCurrent(id)
    if (!c.ok)
      return c
    if (this.phaseOf(c.id) !== 'revealed')
      this.commit({ t: 'reveal', q: c.id })
    return { ok: true, phase: 'revealed' }
  }

  /** Show no question on the phones. */
  clear(): Outcome {
    if (this.current !== null)
      this.commit({ t: 'clear' })
    return { ok: true }
  }

  /** Forget every answer to `id` and un-reveal it (to ask it again). It stays current, and open if it was current. */
  reset(id: unknown): Outcome<{ phase: Phase }> {
    const q = this.known(id)
    if (!q.ok)
      return q
    this.commit({ t: 'reset', q: q.q.id })
    return { ok: true, phase: this.phaseOf(q.q.id) }
  }

  // ── Answers (phones) ────────────────────────────────────────────────────

  /**
   * A phone's answer: it must name the open question and be a valid
   * response for its type. The same device answering again replaces its
   * answer. `response` is in the public view's indices. `admit`, given
   * the device's key, may refuse a new device (the per-address cap).
   */
  submit(id: unknown, device: unknown, response: unknown, admit?: (key: string) => boolean): Outcome<{ replaced: boolean, response: unknown }> {
    if (typeof device !== 'string' || !DEVICE_ID.test(device))
      return { ok: false, status: 400, message: '`device` must be a random id of 16–64 letters, digits, - or _ (keep one per phone, for example crypto.randomUUID()).' }
    const q = this.known(id)
    if (!q.ok)
      return q
    const qid = q.q.id
    if (this.current !== qid)
      return { ok: false, status: 409, message: `“${qid}” is not the open question${this.current ? '' : ' (no question is open)'}.` }
    const phase = this.phaseOf(qid)
    if (phase === 'revealed')
      return { ok: false, status: 409, message: 'The answer has been revealed: answers are closed.' }
    if (phase !== 'open')
      return { ok: false, status: 409, message: 'Answers to this question are closed.' }
    const parsed = parseResponse(q.q, response, this.opts.ledger)
    if (!parsed.ok)
      return { ok: false, status: 400, message: parsed.message }
    const k = deviceKey(this.salt, qid, device)
    if (admit && !admit(k))
      return { ok: false, status: 429, message: 'Too many devices have answered this question from your network address.' }
    const replaced = this.states.get(qid)!.answers.has(k)
    this.commit({ t: 'answer', q: qid, k, r: parsed.response })
    return { ok: true, replaced, response: responseView(q.q, parsed.response) }
  }

  /** The key that stands for `device` in question `id` (for the per-address device limit, kept in memory only). */
  keyOf(id: string, device: string): string {
    return deviceKey(this.salt, id, device)
  }

  // ── Reading ─────────────────────────────────────────────────────────────

  tally(id: string): Tally | undefined {
    const q = this.opts.questions.get(id)
    if (!q)
      return undefined
    return tally(q, [...(this.states.get(id)?.answers.values() ?? [])], this.opts.ledger)
  }

  answered(id: string): number {
    return this.states.get(id)?.answers.size ?? 0
  }

  /** The public state; with a device id, that device's own answer too. */
  publicState(device?: unknown): PublicState {
    const id = this.current
    const q = id ? this.opts.questions.get(id) : undefined
    if (!id || !q)
      return { seq: this._stateSeq, phase: 'idle', question: null }
    const phase = this.phaseOf(id)
    const out: PublicState = { seq: this._stateSeq, phase, question: publicView(q, this.opts.ledger) }
    if (phase === 'revealed')
      out.reveal = this.revealOf(q)
    if (typeof device === 'string' && DEVICE_ID.test(device)) {
      const mine = this.states.get(id)?.answers.get(deviceKey(this.salt, id, device))
      out.mine = mine === undefined ? null : responseView(q, mine)
    }
    return out
  }

  /** Results of a revealed question, or a refusal (403 before the reveal). */
  results(id: unknown): Outcome<{ results: NonNullable<PublicState['reveal']> }> {
    const q = this.known(id)
    if (!q.ok)
      return q
    if (this.phaseOf(q.q.id) !== 'revealed')
      return { ok: false, status: 403, message: 'Results are public only after the presenter reveals the answer.' }
    return { ok: true, results: this.revealOf(q.q) }
  }

  presenterState(): PresenterState {
    const id = this.current
    return {
      seq: this._seq,
      phase: id ? this.phaseOf(id) : 'idle',
      question: id,
      tally: id ? this.tally(id) ?? null : null,
      questions: [...this.states.entries()].map(([qid, s]) => ({ id: qid, phase: s.phase, answered: s.answers.size })),
    }
  }

  /** Tallies of every question with answers, in first-opened order (for the CSV export). */
  allTallies(): { question: Question, tally: Tally }[] {
    return [...this.states.keys()].flatMap((id) => {
      const q = this.opts.questions.get(id)
      return q && this.answered(id) > 0 ? [{ question: q, tally: this.tally(id)! }] : []
    })
  }

  // ── Records ─────────────────────────────────────────────────────────────

  /**
   * Apply a record read back from a session file. Records that no longer
   * fit the bank (a question removed, an answer no longer valid after an
   * edit) are skipped with a notice; nothing else is lost.
   */
  replay(r: SessionRecord): void {
    if (r.t === 'session')
      return
    if (r.t !== 'clear' && !this.opts.questions.has(r.q)) {
      this.notices.push(`question “${r.q}” is no longer in the bank: its ${r.t} record was skipped`)
      return
    }
    if (r.t === 'open') {
      const h = questionHash(this.opts.questions.get(r.q)!)
      if (r.h !== h && !this.notices.some(n => n.includes(`“${r.q}” changed`)))
        this.notices.push(`question “${r.q}” changed since it was asked (hash ${r.h}, now ${h}): its answers are checked against the new version`)
    }
    if (r.t === 'answer') {
      const q = this.opts.questions.get(r.q)!
      if (typeof r.k !== 'string' || !isAnsweredCanonical(q, r.r, this.opts.ledger)) {
        this.notices.push(`an answer to “${r.q}” is not valid for the question as it is now and was skipped`)
        return
      }
    }
    this.apply(r)
  }

  private commit(r: SessionRecord): void {
    this.apply(r)
    this.opts.onRecord?.(r)
  }

  private stateOf(id: string): QState {
    let s = this.states.get(id)
    if (!s) {
      s = { phase: 'idle', answers: new Map() }
      this.states.set(id, s)
    }
    return s
  }

  private apply(r: SessionRecord): void {
    switch (r.t) {
      case 'session':
        return
      case 'open':
        if (this.current && this.current !== r.q && this.phaseOf(this.current) === 'open')
          this.stateOf(this.current).phase = 'closed'
        this.current = r.q
        if (this.stateOf(r.q).phase !== 'revealed')
          this.stateOf(r.q).phase = 'open'
        break
      case 'close':
        if (this.stateOf(r.q).phase === 'open')
          this.stateOf(r.q).phase = 'closed'
        break
      case 'reveal':
        this.stateOf(r.q).phase = 'revealed'
        break
      case 'clear':
        if (this.current && this.phaseOf(this.current) === 'open')
          this.stateOf(this.current).phase = 'closed'
        this.current = null
        break
      case 'reset': {
        const s = this.stateOf(r.q)
        s.answers.clear()
        s.phase = this.current === r.q ? 'open' : 'idle'
        break
      }
      case 'answer':
        this.stateOf(r.q).answers.set(r.k, r.r)
        this._seq++
        return
    }
    this._seq++
    this._stateSeq++
  }

  private revealOf(q: Question): NonNullable<PublicState['reveal']> {
    return { answer: answerView(q, this.opts.ledger), explanation: q.explanation, facts: [...q.facts], tally: this.tally(q.id)!, question: q, ledger: ledgerOf(q, this.opts.ledger) }
  }

  private known(id: unknown): { ok: true, q: Question } | Refusal {
    const q = typeof id === 'string' ? this.opts.questions.get(id) : undefined
    if (!q)
      return { ok: false, status: 400, message: typeof id === 'string' ? `No question “${id.slice(0, 80)}” in the bank.` : '`question` must be a question id.' }
    return { ok: true, q }
  }

  private isCurrent(id: unknown): { ok: true, id: string } | Refusal {
    const q = this.known(id)
    if (!q.ok)
      return q
    if (this.current !== q.q.id)
      return { ok: false, status: 409, message: `“${q.q.id}” is not the current question${this.current ? ` (“${this.current}” is)` : ''}.` }
    return { ok: true, id: q.q.id }
  }
}

/** The ledger entries a question names anywhere (its facts, its options', items', statements' and answer's): what its input needs to mark the answer. */
function ledgerOf(q: Question, ledger: Ledger): Record<string, Fact> {
  const out: Record<string, Fact> = {}
  const walk = (x: unknown): void => {
    if (typeof x === 'string') {
      const f = ledger.get(x)
      if (f)
        out[x] = f
    }
    else if (Array.isArray(x)) {
      x.forEach(walk)
    }
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        walk(k)
        walk(v)
      }
    }
  }
  walk(q)
  return out
}

/** A stored response is canonical: `isAnswered` in the quiz engine's own shapes, and unchanged through a phone's view (numeric stored as a number). */
function isAnsweredCanonical(q: Question, r: unknown, ledger: Ledger): boolean {
  return isCanonical(q, r, ledger)
}
