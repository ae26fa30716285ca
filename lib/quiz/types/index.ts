/**
 * The registry of question types: every module of `all.ts`, by its `type`.
 * Tools dispatch through `typeOf(q)` instead of switching on `q.type`; the
 * union `Question` and the zod schema of a quiz file are built from it.
 *
 * The `satisfies` below makes TypeScript check each module against
 * `QuestionTypeModule` (see `define.ts`), and that its key is its `type`.
 */
import type { z } from 'zod'
import type { ViewBase } from '../../class/tally-kit.ts'
import type { QuestionTypeModule, Zod } from './define.ts'
import * as all from './all.ts'
import { sharedFields } from './shared.ts'

type Modules = typeof all
/** A module as the registry holds it: its key is its own `type`. */
type Registered = { [K in keyof Modules]: Modules[K] extends QuestionTypeModule<infer Q, infer R, infer V> ? (Q extends { type: K } ? QuestionTypeModule<Q, R, V> : never) : never }

/** Every question type, by its `type` key. */
export const QUESTION_TYPES = all satisfies Registered

/** The `type` of a question: `single`, `multiple` … */
export type QuestionType = keyof Modules
/** The question of a given type. */
export type QuestionOf<T extends QuestionType> = Modules[T] extends QuestionTypeModule<infer Q, infer _R, infer _V> ? Q : never
/** Any question, told apart by `type`. */
export type Question = { [T in QuestionType]: QuestionOf<T> }[QuestionType]
/** The response a question of type `T` takes. */
export type ResponseOf<T extends QuestionType> = T extends QuestionType ? (Modules[T] extends QuestionTypeModule<infer _Q, infer R, infer _V> ? R : never) : never

/**
 * Every type key, in alphabetical order. Sorted here because the order of a
 * module namespace's keys depends on who loads it: Node lists them
 * alphabetically, Vite's SSR transform in declaration order, and messages
 * that list the types must read the same from every tool.
 */
export const QUESTION_TYPE_KEYS = (Object.keys(QUESTION_TYPES) as QuestionType[]).sort()

/**
 * The module of `q`'s type, typed for `q`. (One cast, here: TypeScript
 * cannot tie a union question to the matching member of the registry.)
 */
export function typeOf<Q extends Question>(q: Q): QuestionTypeModule<Q, unknown, ViewBase> {
  const m = (QUESTION_TYPES as Record<string, unknown>)[q.type]
  if (!m)
    throw new Error(`unknown question type \`${(q as { type: string }).type}\``)
  return m as QuestionTypeModule<Q, unknown, ViewBase>
}

/** The schema of any question, told apart by `type`: each module's schema, built from `z`. */
export function questionSchema(zod: Zod) {
  const fields = sharedFields(zod)
  const schemas = QUESTION_TYPE_KEYS.map(t => QUESTION_TYPES[t].schema(zod, fields)) as unknown as [z.ZodObject, ...z.ZodObject[]]
  return zod.discriminatedUnion('type', schemas) as unknown as z.ZodType<Question>
}
