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
import { existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import sirv from 'sirv'

/** Stop with one line: a mistake in how the server was started is not a crash. */
function fail(message: string): never {
  console.error(`serve: ${message}`)
  process.exit(1)
}

let values: { port?: string, base?: string, dir?: string, gzip?: boolean }
try {
  values = parseArgs({
    options: {
      port: { type: 'string', default: '4178' },
      base: { type: 'string', default: '/kit/' },
      dir: { type: 'string', default: 'dist' },
      gzip: { type: 'boolean', default: false },
    },
  }).values
}
catch (e) {
  fail(`${(e as Error).message.split('\n')[0]} (options: --port N, --base /path/, --dir folder, --gzip)`)
}
const port = Number(values.port)
if (!/^\d+$/.test(values.port!) || port < 1 || port > 65535)
  fail(`--port must be a whole number from 1 to 65535, not \`${values.port}\``)
const dir = values.dir!
if (!existsSync(join(dir, 'index.html')) || !statSync(dir).isDirectory())
  fail(`there is no built deck in ${dir}/ (no ${dir}/index.html): run \`npm run build\` first`)
const base = values.base!.endsWith('/') ? values.base! : `${values.base}/`
const files = sirv(dir, { dev: false, etag: true, gzip: values.gzip, single: false })

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
server.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EADDRINUSE')
    fail(`port ${port} is already in use (is \`npm run preview\` running in another terminal?); stop that, or choose another port: \`npm run preview -- --port ${port + 1}\``)
  if (e.code === 'EACCES')
    fail(`not allowed to listen on port ${port}; choose a port above 1023: \`npm run preview -- --port 4178\``)
  fail(`cannot listen on 127.0.0.1:${port} (${e.code ?? e.message})`)
})
server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`)
})
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => server.close(() => process.exit(0)))
