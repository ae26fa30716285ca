import type { Progress, Question } from '../lib/quiz/index.ts'
import { useStorage } from '@vueuse/core'
import { quizzes } from 'virtual:kit-quizzes'
import { computed, ref } from 'vue'
import { clearProgress, emptyProgress, NOTICE_QUOTA, NOTICE_WRITE_FAILED, readProgress, recordAnswer, summarise } from '../lib/quiz/progress.ts'

/** localStorage key of the learner's saved answers. Changing it forgets everyone's progress. */
export const PROGRESS_KEY = 'repatriation-kit:quiz-progress'

const allQuestions: Question[] = Object.values(quizzes).flatMap(q => q.questions)

function isQuota(e: unknown): boolean {
  return e instanceof DOMException
    ? e.name === 'QuotaExceededError' || e.code === 22
    : /quota/i.test(String((e as Error)?.message ?? e))
}

let shared: ReturnType<typeof create> | undefined

function create() {
  /** A message for the learner when saved progress was reset or could not be written. */
  const notice = ref<string>()
  let readNotice: string | undefined
  const progress = useStorage<Progress>(PROGRESS_KEY, emptyProgress(), typeof localStorage === 'undefined' ? undefined : localStorage, {
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
 * outdated or stale answers are dropped with a `notice`; a full or disabled
 * storage sets a `notice` instead of throwing.
 */
export function useQuizProgress() {
  shared ??= create()
  return shared
}

/** For tests: forget the shared instance so the next call reads storage again. */
export function resetQuizProgressForTests() {
  shared = undefined
}
