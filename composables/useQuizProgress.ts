import type { Progress, Question } from '../lib/quiz/index.ts'
import type { Ref } from 'vue'
import { useStorage } from '@vueuse/core'
import { deck, quizzes } from 'virtual:kit-quizzes'
import { computed, ref } from 'vue'
import { clearProgress, emptyProgress, LEGACY_PROGRESS_KEY, migrateProgress, NOTICE_QUOTA, NOTICE_WRITE_FAILED, progressKey, readProgress, recordAnswer, summarise, writeProgress } from '../lib/quiz/progress.ts'

/**
 * localStorage key of the learner's saved answers, one per deck (from the
 * deck's title, see lib/vite/content.ts `deckId`), so that two units hosted
 * on one site never wipe each other's answers. Changing the deck's title
 * starts a fresh record (the old one stays in the browser).
 */
export const PROGRESS_KEY = progressKey(deck.id)
export { LEGACY_PROGRESS_KEY }

const allQuestions: Question[] = Object.values(quizzes).flatMap(q => q.questions)

function isQuota(e: unknown): boolean {
  return e instanceof DOMException
    ? e.name === 'QuotaExceededError' || e.code === 22
    : /quota/i.test(String((e as Error)?.message ?? e))
}

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  }
  catch {
    return undefined // storage disabled: reading it throws
  }
}

/**
 * Before keys were per deck, every deck kept its answers under one shared
 * key. The first time this deck finds none of its own, it copies its
 * answers from there (the shared record stays, for the other decks).
 */
function migrate(storage: Storage): string | undefined {
  try {
    if (storage.getItem(PROGRESS_KEY) !== null)
      return undefined
    const legacy = storage.getItem(LEGACY_PROGRESS_KEY)
    if (legacy === null)
      return undefined
    const r = migrateProgress(legacy, allQuestions)
    if (r.newer)
      return r.notice
    const written = writeProgress(storage, PROGRESS_KEY, r.progress)
    return written.ok ? r.notice : written.notice
  }
  catch {
    return undefined
  }
}

let shared: ReturnType<typeof create> | undefined

function create() {
  /** A message for the learner when saved progress was reset or could not be written. */
  const notice = ref<string>()
  const storage = browserStorage()
  const migrated = storage ? migrate(storage) : undefined

  let progress: Ref<Progress>
  const stored = storage ? readProgress(storage.getItem(PROGRESS_KEY), allQuestions) : undefined
  if (stored?.newer) {
    // Saved by a newer version of the kit: leave it untouched, keep this session's answers in memory.
    progress = ref(emptyProgress())
    notice.value = stored.notice
  }
  else {
    let readNotice: string | undefined
    progress = useStorage<Progress>(PROGRESS_KEY, emptyProgress(), storage, {
      serializer: {
        read(raw) {
          const r = readProgress(raw, allQuestions)
          readNotice = r.notice
          return r.progress
        },
        write: v => JSON.stringify(v),
      },
      onError(e) {
        notice.value = isQuota(e) ? NOTICE_QUOTA : NOTICE_WRITE_FAILED
      },
      listenToStorageChanges: true,
      writeDefaults: false,
    })
    if (readNotice) {
      notice.value = readNotice
      // Replace the unreadable or stale record with the cleaned one.
      progress.value = { ...progress.value }
    }
  }
  notice.value ??= migrated
  return {
    progress,
    notice,
    record(q: Question, response: unknown, result?: { correct: boolean, score: number }) {
      progress.value = recordAnswer(progress.value, q, response, result)
    },
    forget(ids?: string[]) {
      progress.value = clearProgress(progress.value, ids)
    },
    summary: computed(() => summarise(progress.value, Object.values(quizzes))),
    dismissNotice() {
      notice.value = undefined
    },
  }
}

/**
 * The learner's saved quiz answers, shared by every quiz on every slide and
 * kept in localStorage across reloads (and in step across tabs). Corrupt,
 * outdated or stale answers are dropped with a `notice`; a record from a
 * newer version of the kit is left untouched, with a `notice`; a full or
 * disabled storage sets a `notice` instead of throwing.
 */
export function useQuizProgress() {
  shared ??= create()
  return shared
}

/** For tests: forget the shared instance so the next call reads storage again. */
export function resetQuizProgressForTests() {
  shared = undefined
}
