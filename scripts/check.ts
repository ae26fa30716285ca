/**
 * `npm run check`: validate every data file of the kit and print each
 * problem as `file:line field: message`. Exits 1 on any problem.
 */
import { loadSources } from '../lib/content'
import { DataError } from '../lib/load'

const root = process.cwd()
try {
  const c = loadSources(root)
  console.log(`check: ${c.facts.length} facts, ${c.references.length} references, ${c.glossary.length} glossary terms: OK`)
}
catch (e) {
  if (e instanceof DataError) {
    console.error(e.message)
    console.error(`check: ${e.issues.length} problem(s) found`)
    process.exit(1)
  }
  throw e
}
