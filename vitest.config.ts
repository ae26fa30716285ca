import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const fixture = (f: string) => fileURLToPath(new URL(`./tests/unit/components/fixtures/${f}`, import.meta.url))

export default defineConfig({
  plugins: [vue()],
  resolve: {
    // Component tests run on a small fixture ledger and bank, not the real one,
    // and on a stand-in for Slidev's client that the test drives.
    alias: {
      'virtual:kit-content': fixture('content.ts'),
      'virtual:kit-quizzes': fixture('quizzes.ts'),
      'virtual:kit-reading': fixture('reading.ts'),
      '@slidev/client': fixture('slidev-client.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/class/**/*.test.ts'],
    environment: 'node',
    // Component tests opt in with `// @vitest-environment happy-dom`.
  },
})
