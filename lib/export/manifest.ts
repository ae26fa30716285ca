/**
 * What `npm run export:quiz` wrote last time, kept in `exports/.export-quiz.json`,
 * so that it removes only files it wrote itself: a GIFT file of a bank that
 * no longer exists would otherwise be imported by mistake, while a file a
 * teacher put in `exports/` must never be touched.
 *
 * Pure: the script reads and writes the file.
 */

/** The manifest's path, relative to `exports/`. */
export const MANIFEST = '.export-quiz.json'

export interface Manifest {
  /** Paths relative to `exports/`, as `ExportFile.path`. */
  written: string[]
}

/** A path the manifest may name: relative, inside `exports/`, not the manifest itself. */
export function isExportPath(p: unknown): p is string {
  return typeof p === 'string' && p !== '' && p !== MANIFEST && !p.startsWith('/') && !p.includes('\\')
    && p.split('/').every(part => part !== '' && part !== '.' && part !== '..')
}

/** Read the manifest's text; anything unreadable gives an empty list (nothing will be removed). */
export function parseManifest(text: string | undefined): Manifest {
  if (text === undefined)
    return { written: [] }
  try {
    const data = JSON.parse(text) as { written?: unknown }
    return { written: Array.isArray(data?.written) ? data.written.filter(isExportPath) : [] }
  }
  catch {
    return { written: [] }
  }
}

export function formatManifest(paths: readonly string[]): string {
  return `${JSON.stringify({ note: 'Files written by npm run export:quiz; it removes only these when they are no longer made.', written: [...paths].sort() }, null, 2)}\n`
}

/** Files written last time and not this time: the only ones to remove. */
export function staleFiles(previous: Manifest, now: readonly string[]): string[] {
  const keep = new Set(now)
  return previous.written.filter(p => !keep.has(p)).sort()
}
