/**
 * Load every data file of the kit from disk: the ledger, references and
 * glossary in `sources/`, and the question banks in `quizzes/`.
 *
 * Used at build time (the Vite plugin in `vite.config.ts`), by `npm run check`
 * and by the tests. Every problem in every file is collected and thrown
 * together as one `DataError`, so a teacher sees all mistakes at once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Fact, GlossaryEntry, Reference } from './ledger/schema.ts'
import { FactsFile, GlossaryFile, ReferencesFile } from './ledger/schema.ts'
import type { DataIssue } from './load.ts'
import type { QuizFile } from './quiz/schema.ts'
import { DataError, loadYaml } from './load.ts'
import { loadQuizFile, validateBank } from './quiz/validate.ts'

export interface Content {
  facts: Fact[]
  references: Reference[]
  glossary: GlossaryEntry[]
}

export const SOURCE_FILES = {
  facts: 'sources/facts.yaml',
  references: 'sources/references.yaml',
  glossary: 'sources/glossary.yaml',
} as const

/** Read and validate `sources/`. Throws `DataError` with every issue found. */
export function loadSources(root: string): Content {
  const issues: DataIssue[] = []
  const read = <T>(rel: string, schema: Parameters<typeof loadYaml>[2]): T[] => {
    const file = join(root, rel)
    if (!existsSync(file)) {
      issues.push({ file: rel, line: 1, field: '(file)', message: 'file is missing' })
      return []
    }
    try {
      return loadYaml(readFileSync(file, 'utf8'), rel, schema) as T[]
    }
    catch (e) {
      if (e instanceof DataError) {
        issues.push(...e.issues)
        return []
      }
      throw e
    }
  }
  const facts = read<Fact>(SOURCE_FILES.facts, FactsFile)
  const references = read<Reference>(SOURCE_FILES.references, ReferencesFile)
  const glossary = read<GlossaryEntry>(SOURCE_FILES.glossary, GlossaryFile)
  issues.push(...crossCheck({ facts, references, glossary }))
  if (issues.length)
    throw new DataError(issues)
  return { facts, references, glossary }
}

/** Checks that span files: unique ids, footnotes that exist, glossary links. */
export function crossCheck(c: Content): DataIssue[] {
  const issues: DataIssue[] = []
  const seen = new Map<string, number>()
  c.facts.forEach((f, i) => {
    if (seen.has(f.id))
      issues.push({ file: SOURCE_FILES.facts, line: 1, field: `${i}.id`, message: `duplicate id \`${f.id}\` (first at entry ${seen.get(f.id)})` })
    seen.set(f.id, i)
  })
  const footnotes = new Set(c.references.map(r => r.footnote).filter(n => n !== undefined))
  if (c.references.length) {
    c.facts.forEach((f, i) => {
      for (const n of [...f.source.footnotes, ...(f.source.in_footnote ? [f.source.in_footnote] : [])]) {
        if (!footnotes.has(n))
          issues.push({ file: SOURCE_FILES.facts, line: 1, field: `${i}.source.footnotes`, message: `footnote [${n}] is not in ${SOURCE_FILES.references}` })
      }
    })
  }
  c.glossary.forEach((g, i) => g.facts.forEach((id, j) => {
    if (!seen.has(id))
      issues.push({ file: SOURCE_FILES.glossary, line: 1, field: `${i}.facts.${j}`, message: `unknown fact id \`${id}\`` })
  }))
  return issues
}

/** Files below `dir` (relative to `root`) whose names match `re`, sorted. */
export function listFiles(root: string, dir: string, re: RegExp): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs))
    return []
  return readdirSync(abs).filter(f => re.test(f)).sort().map(f => relative(root, join(abs, f)))
}

/** A question bank file and its stem, e.g. `03-repatriation`. */
export interface QuizEntry {
  file: string
  stem: string
  quiz: QuizFile
}

/** The question bank files, `quizzes/NN-name.yaml`, in module order. */
export const QUIZ_FILE = /^\d\d-[\w-]+\.ya?ml$/

/**
 * Read and validate every question bank against the ledger. Throws one
 * `DataError` listing every issue in every file, each as file:line field.
 */
export function loadQuizzes(root: string, facts: readonly Fact[]): QuizEntry[] {
  const ledger = new Map(facts.map(f => [f.id, f]))
  const issues: DataIssue[] = []
  const out: QuizEntry[] = []
  for (const rel of listFiles(root, 'quizzes', QUIZ_FILE)) {
    try {
      const quiz = loadQuizFile(readFileSync(join(root, rel), 'utf8'), rel, ledger)
      out.push({ file: rel, stem: rel.replace(/^quizzes\//, '').replace(/\.ya?ml$/, ''), quiz })
    }
    catch (e) {
      if (!(e instanceof DataError))
        throw e
      issues.push(...e.issues)
    }
  }
  issues.push(...validateBank(out))
  if (issues.length)
    throw new DataError(issues)
  return out
}
