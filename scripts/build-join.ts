/**
 * Builds the classroom join page (join/, a small Vue app) into `<out>/join/`:
 * what a student's phone opens at the classroom server's join URL. It draws
 * questions with the kit's own input components and styles, fonts bundled
 * from @fontsource. `npm run build` runs it after the deck and the reading view.
 *
 *   tsx scripts/build-join.ts [--out dist]
 *
 * The page must never carry an answer: it gets questions from the server's
 * public API only. The build checks that no class question's explanation or
 * right option text ended up in the bundle (a stray import of the bank would
 * put them there) and stops if one did.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import vue from '@vitejs/plugin-vue'
import { build } from 'vite'
import { loadClassBank } from '../lib/class/bank.ts'
import { DataError } from '../lib/load.ts'

const root = resolve(import.meta.dirname, '..')
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } })
const outDir = join(resolve(root, values.out!), 'join')
const started = performance.now()

function fail(msg: string): never {
  console.error(`build-join: ${msg}`)
  process.exit(1)
}

rmSync(outDir, { recursive: true, force: true })
await build({
  configFile: false,
  root: join(root, 'join'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [vue()],
  css: { postcss: {} },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    modulePreload: { polyfill: false },
  },
})

// No answer in the bundle.
function files(dir: string): string[] {
  return readdirSync(dir).flatMap(f => statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)])
}
const text = files(outDir).filter(f => /\.(?:js|html|css)$/.test(f)).map(f => readFileSync(f, 'utf8')).join('\n')
let bank
try {
  bank = loadClassBank(root)
}
catch (e) {
  fail(e instanceof DataError ? `the kit's data files have problems:\n${e.message}` : String(e))
}
const leaks = [...bank.questions.values()].filter(q => text.includes(q.explanation.slice(0, 60)))
if (leaks.length)
  fail(`the join page's bundle holds the explanation of ${leaks.map(q => q.id).join(', ')}: it must get questions from the server only (no import of the bank)`)

const size = files(outDir).reduce((n, f) => n + statSync(f).size, 0)
console.log(`build-join: the join page in ${values.out}/join/ (${(size / 1024).toFixed(0)} KiB with fonts) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
