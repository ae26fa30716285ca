/**
 * The deck's side of the classroom server (docs/classroom.md, "Wiring the
 * deck and the join page"). Everything here is inert unless the deck was
 * served by `npm run class`: that server marks every file of the deck with
 * a readable cookie (`kit_class_deck`, no secret in it), so on a static host,
 * in the dev server and in PDF export no request to /api/class/ is ever made
 * and nothing changes.
 *
 * One EventSource per stream per window, shared by every quiz on it.
 */
import type { PresenterState, PublicState } from '../../lib/class/session.ts'
import { shallowRef } from 'vue'

/** Whether this page was served by the classroom server. */
export function servedByClassServer(): boolean {
  return typeof document !== 'undefined' && /(?:^|;\s*)kit_class_deck=1(?:;|$)/.test(document.cookie)
}

async function getJson<T>(path: string): Promise<T | null> {
  try {
    const r = await fetch(path, { credentials: 'same-origin', cache: 'no-store' })
    return r.ok ? await r.json() as T : null
  }
  catch {
    return null
  }
}

export interface ClassInfo { joinUrl: string, qr: string }
let info: Promise<ClassInfo | null> | undefined
/** The join URL and QR code path, or `null` when not served by the classroom server. */
export function classInfo(): Promise<ClassInfo | null> {
  return info ??= servedByClassServer() ? getJson<ClassInfo>('/api/class/info') : Promise.resolve(null)
}

let presenter: Promise<boolean> | undefined
/** Whether this window holds the presenter token (the cookie the presenter link set). */
export function presenterAllowed(): Promise<boolean> {
  return presenter ??= servedByClassServer() ? getJson('/api/class/presenter/state').then(s => s !== null) : Promise.resolve(false)
}

/** POST a presenter command; the new state, or `null` (refused, or no server). */
export async function command(action: 'open' | 'close' | 'reveal' | 'reset' | 'clear', body: object): Promise<PresenterState | null> {
  try {
    const r = await fetch(`/api/class/presenter/${action}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!r.ok)
      console.warn(`[kit] classroom server: ${action} refused (${r.status}): ${(await r.json().catch(() => ({})) as { error?: string }).error ?? ''}`)
    return r.ok ? await r.json() as PresenterState : null
  }
  catch {
    return null
  }
}

/** A shared stream: opened with its first user, closed with its last. */
function shared<T extends { seq: number }>(url: string) {
  const state = shallowRef<T | null>(null)
  let es: EventSource | undefined
  let users = 0
  return {
    state,
    use(): () => void {
      if (users++ === 0) {
        es = new EventSource(url)
        es.addEventListener('state', (e) => {
          const next = JSON.parse((e as MessageEvent<string>).data) as T
          // A reconnection (maybe to a restarted server) starts again from its first state.
          state.value = next
        })
      }
      return () => {
        if (--users === 0) {
          es?.close()
          es = undefined
        }
      }
    },
  }
}

/** The presenter stream (token holders only): tallies live. */
export const presenterStream = shared<PresenterState>('/api/class/presenter/events')
/** The public stream: what the room may see (counts only after the reveal). */
export const publicStream = shared<PublicState>('/api/class/events')
