/**
 * The quiz engine: schema, grading, ledger checks and saved progress.
 * Pure TypeScript (no Vue, no Slidev); the components in `components/` wrap it.
 */
export * from './schema.ts'
export * from './grade.ts'
export * from './validate.ts'
export * from './progress.ts'
export { extractNumbers, letter, normalise } from './text.ts'
export { acceptedInterval, categoryOf, numericTruth, optionText } from './derive.ts'
