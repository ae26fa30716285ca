/**
 * Maintainer tool: `npm run verify-source -- <path to article text>`.
 * Lists every ledger entry whose number, year or quotation cannot be found
 * in the given copy of the article. Exits 1 when any is unmatched.
 */
import { readFileSync } from 'node:fs'
import { loadSources } from '../lib/content.ts'
import { DataError } from '../lib/load.ts'
import { verifyAgainstArticle } from '../lib/verify.ts'

const path = process.argv[2]
if (!path) {
  console.error('usage: npm run verify-source -- <path to article.txt>')
  process.exit(2)
}
let article: string
try {
  article = readFileSync(path, 'utf8')
}
catch (e) {
  console.error(`verify-source: cannot read ${path}: ${(e as Error).message}`)
  process.exit(2)
}
try {
  const { facts } = loadSources(process.cwd())
  const unmatched = verifyAgainstArticle(facts, article)
  const checked = facts.filter(f => ['number', 'range', 'year', 'period', 'date', 'quotation'].includes(f.value.kind)).length
  for (const u of unmatched)
    console.log(`sources/facts.yaml ${u.id}: ${u.what} not found in ${path}`)
  console.log(`verify-source: ${checked} entries with numbers, years or quotations checked, ${unmatched.length} unmatched`)
  process.exit(unmatched.length ? 1 : 0)
}
catch (e) {
  if (e instanceof DataError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}
