// @vitest-environment happy-dom
import type { Ledger } from '../../../lib/quiz/derive.ts'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import Cite from '../../../components/Cite.vue'
import Quiz from '../../../components/Quiz.vue'
import { printedQuestion } from '../../../lib/pdf/questions.ts'
import { facts } from './fixtures/content.ts'
import { quizzes } from './fixtures/quizzes.ts'
import { printMode, renderContext } from './fixtures/slidev-client.ts'

// The handout lists each module's questions as the quiz slides print them
// (lib/pdf/questions.ts). This holds the two together: every line the
// handout prints for a question is on its printed slide, in the same order.
const ledger: Ledger = new Map(Object.entries(facts))
const fold = (t: string) => t.replace(/\s+/g, ' ').trim()

describe('printedQuestion matches the printed quiz slide', () => {
  afterEach(() => {
    printMode.value = false
    renderContext.value = 'slide'
  })

  quizzes['04-test'].questions.forEach((q, i) => {
    it(`${q.type}: ${q.id}`, () => {
      printMode.value = true
      const w = mount(Quiz, { props: { bank: '04-test', question: i + 1 }, global: { components: { Cite }, stubs: { RouterLink: RouterLinkStub } } })
      const shown = fold(w.text())
      const p = printedQuestion(q, ledger)
      if (p.hint)
        expect(shown).toContain(fold(p.hint))
      let from = 0
      for (const line of [p.stem, ...p.groups.flat()].map(fold)) {
        // Blanks are drawn as boxes on the slide, and a numbered list numbers
        // itself: compare the words around them.
        for (const part of line.replace(/^\d+\. /, '').split('___').map(fold).filter(Boolean)) {
          const at = shown.indexOf(part, from)
          expect(at, `"${part}" on the printed slide, after what came before`).toBeGreaterThanOrEqual(0)
          from = at + part.length
        }
      }
      w.unmount()
    })
  })
})
