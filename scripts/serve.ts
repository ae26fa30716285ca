/**
 * Serve the built deck (`dist/`) under a sub-path, as a static host would.
 *
 *   tsx scripts/serve.ts [--port 4178] [--base /kit/] [--dir dist] [--gzip]
 *
 * Used by the e2e tests and the benchmark to prove the build works below a
 * sub-path. Files only: no SPA fallback is needed because the deck uses hash
 * routing. `--gzip` serves `file.gz` for `file` where one exists (as a host
 * that compresses would); `npm run audit` writes them for its mobile runs.
 */
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import sirv from 'sirv'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4178' },
    base: { type: 'string', default: '/kit/' },
    dir: { type: 'string', default: 'dist' },
    gzip: { type: 'boolean', default: false },
  },
})
const base = values.base!.endsWith('/') ? values.base! : `${values.base}/`
const files = sirv(values.dir!, { dev: false, etag: true, gzip: values.gzip, single: false })

const server = createServer((req, res) => {
  const url = req.url ?? '/'
  if (url === base.slice(0, -1)) {
    res.writeHead(301, { Location: base }).end()
    return
  }
  if (!url.startsWith(base)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: the deck is served under ${base}\n`)
    return
  }
  req.url = url.slice(base.length - 1)
  files(req, res, () => {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n')
  })
})
server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`serving ${values.dir} at http://127.0.0.1:${values.port}${base}`)
})
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => server.close(() => process.exit(0)))
