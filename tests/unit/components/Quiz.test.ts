// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import Cite from '../../../components/Cite.vue'
import Quiz from '../../../components/Quiz.vue'
import { resetClassModeForTests } from '../../../composables/useClassMode.ts'
import { resetQuizDraftsForTests } from '../../../composables/useQuizDrafts.ts'
import { PROGRESS_KEY, resetQuizProgressForTests } from '../../../composables/useQuizProgress.ts'
import { clicks, configs, navCalls, presenter, printMode, registered, renderContext, sharedState } from './fixtures/slidev-client.ts'

const mounted: VueWrapper[] = []
function mountQuiz(question: number) {
  const w = mount(Quiz, {
    props: { bank: '04-test', question },
    global: { components: { Cite }, stubs: { RouterLink: RouterLinkStub } },
    attachTo: document.body,
  })
  mounted.push(w)
  return w
}
const text = (w: VueWrapper) => w.text().replace(/\s+/g, ' ')

beforeEach(() => {
  localStorage.clear()
  resetQuizProgressForTests()
  resetQuizDraftsForTests()
  clicks.value = 0
  printMode.value = false
  presenter.value = false
  renderContext.value = 'slide'
  delete sharedState.lastUpdate
  resetClassModeForTests()
  registered.clear()
  navCalls.splice(0)
  setWindow(1280, 720)
})
function setWindow(width: number, height: number) {
  Object.defineProperty(window, 'innerWidth', { value: width, configurable: true })
  Object.defineProperty(window, 'innerHeight', { value: height, configurable: true })
  window.dispatchEvent(new Event('resize'))
}
afterEach(() => {
  mounted.splice(0).forEach(w => w.unmount())
  vi.restoreAllMocks()
})

describe('<Quiz> in self-study', () => {
  it('never submits on selection; Check grades and explains, with the why of a wrong choice', async () => {
    const w = mountQuiz(1)
    await w.findAll('input[type=radio]')[0].setValue(true)
    expect(w.find('.kit-feedback').exists()).toBe(false)
    await w.find('form').trigger('submit')
    const fb = w.find('.kit-feedback')
    expect(fb.text()).toContain('✘')
    expect(fb.text()).toContain('Not quite')
    expect(fb.text()).toContain('That is the Canadian figure.')
    expect(fb.text()).toContain('The US figure for 2021 was 39,000.')
    expect(fb.find('.kit-cite').exists()).toBe(true)
    expect(w.find('[role=status]').text()).toContain('Not quite')
  })

  it('says so when Check is pressed with no answer, and grades nothing', async () => {
    const w = mountQuiz(1)
    await w.find('form').trigger('submit')
    expect(w.find('.kit-feedback').exists()).toBe(false)
    expect(w.find('[role=status]').text()).toMatch(/Choose an answer/)
  })

  it('marks a right answer with an icon and text, not colour alone', async () => {
    const w = mountQuiz(1)
    await w.findAll('input[type=radio]')[1].setValue(true)
    await w.find('form').trigger('submit')
    expect(w.find('.kit-verdict').text()).toBe('✔ Correct.')
  })

  it('gives partial credit for a partly right multiple-select answer', async () => {
    const w = mountQuiz(2)
    await w.findAll('input[type=checkbox]')[0].setValue(true)
    await w.find('form').trigger('submit')
    expect(w.find('.kit-verdict').text()).toContain('Partly right: 50 %')
  })

  it('Retry clears the answer; Show solution marks the right option', async () => {
    const w = mountQuiz(1)
    await w.findAll('input[type=radio]')[0].setValue(true)
    await w.find('form').trigger('submit')
    await w.findAll('button').find(b => b.text() === 'Retry')!.trigger('click')
    expect(w.find('.kit-feedback').exists()).toBe(false)
    expect((w.findAll('input[type=radio]')[0].element as HTMLInputElement).checked).toBe(false)
    await w.findAll('button').find(b => b.text() === 'Show solution')!.trigger('click')
    const right = w.findAll('.kit-right')
    expect(right).toHaveLength(1)
    expect(right[0].text()).toContain('39,000')
    expect(right[0].text()).toContain('✔ correct answer')
  })

  it('accepts a typed figure with a thousands separator', async () => {
    const w = mountQuiz(4)
    await w.find('input[type=text]').setValue('39,000')
    await w.find('form').trigger('submit')
    expect(w.find('.kit-verdict').text()).toContain('Correct')
  })

  it('orders with Up and Down buttons, starting from a wrong order', async () => {
    const w = mountQuiz(5)
    const items = () => w.findAll('.kit-order-text').map(x => x.text())
    expect(items()).not.toEqual(['Canada talks start', 'US memorandum', 'Canada memorandum'])
    // Bubble-sort by the buttons, as a keyboard user would.
    const rank = { 'Canada talks start': 0, 'US memorandum': 1, 'Canada memorandum': 2 } as Record<string, number>
    for (let pass = 0; pass < 3; pass++) {
      for (let i = 0; i < 2; i++) {
        if (rank[items()[i]] > rank[items()[i + 1]])
          await w.findAll('.kit-order li')[i].findAll('button')[1].trigger('click')
      }
    }
    expect(items()).toEqual(['Canada talks start', 'US memorandum', 'Canada memorandum'])
    await w.find('form').trigger('submit')
    expect(w.find('.kit-verdict').text()).toContain('Correct')
  })

  it('matches with selects and classifies with radio groups', async () => {
    const m = mountQuiz(6)
    const selects = m.findAll('select')
    for (const [i, s] of selects.entries()) {
      const want = ['US inventory', 'Canada inventory', 'US violent offenders'][i]
      const opt = s.findAll('option').find(o => o.text() === want)!
      await s.setValue(opt.element.value)
    }
    await m.find('form').trigger('submit')
    expect(m.find('.kit-verdict').text()).toContain('Correct')

    const c = mountQuiz(7)
    const groups = c.findAll('.kit-classify-row')
    await groups[0].findAll('input')[0].setValue(true) // fact
    await groups[1].findAll('input')[0].setValue(true) // wrongly: fact
    await c.find('form').trigger('submit')
    expect(c.find('.kit-verdict').text()).toContain('Partly right')
    expect(c.find('.kit-why').text()).toContain('An assessment.')
  })

  it('keeps arrow keys inside the quiz from flipping the slide', async () => {
    const w = mountQuiz(1)
    const onWindow = vi.fn()
    window.addEventListener('keydown', onWindow)
    await w.findAll('input[type=radio]')[0].trigger('keydown', { key: 'ArrowRight' })
    window.removeEventListener('keydown', onWindow)
    expect(onWindow).not.toHaveBeenCalled()
  })
})

describe('<Quiz> progress', () => {
  it('saves a checked answer and brings it back after a reload', async () => {
    const w = mountQuiz(1)
    await w.findAll('input[type=radio]')[1].setValue(true)
    await w.find('form').trigger('submit')
    const saved = JSON.parse(localStorage.getItem(PROGRESS_KEY)!)
    expect(saved.answers['q04-single']).toMatchObject({ response: 1, checked: true, correct: true })
    w.unmount()
    resetQuizProgressForTests() // as a reload would
    const again = mountQuiz(1)
    expect((again.findAll('input[type=radio]')[1].element as HTMLInputElement).checked).toBe(true)
    expect(again.find('.kit-verdict').text()).toContain('Correct')
  })

  it('resets corrupt saved progress with a visible notice and keeps working', async () => {
    localStorage.setItem(PROGRESS_KEY, '{not json')
    const w = mountQuiz(1)
    expect(w.find('[role=alert]').text()).toMatch(/could not be read and was reset/)
    await w.findAll('input[type=radio]')[1].setValue(true)
    await w.find('form').trigger('submit')
    expect(w.find('.kit-verdict').text()).toContain('Correct')
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).version).toBe(1)
  })

  it('drops progress saved by an older version, with a notice', () => {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ version: 0, answers: {} }))
    const w = mountQuiz(1)
    expect(w.find('[role=alert]').text()).toMatch(/older version/)
  })

  it('tells the learner when storage is full instead of failing', async () => {
    const w = mountQuiz(1)
    vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    await w.findAll('input[type=radio]')[1].setValue(true)
    await w.find('form').trigger('submit')
    await nextTick()
    await new Promise(r => setTimeout(r, 0))
    await nextTick()
    expect(w.find('.kit-verdict').text()).toContain('Correct')
    expect(w.find('[role=alert]').text()).toMatch(/storage is full/)
  })
})

describe('<Quiz> in the classroom and in print', () => {
  it('alone, registers no click, so → moves on and nothing is revealed unasked', async () => {
    const w = mountQuiz(1)
    expect(registered.size).toBe(0)
    clicks.value = 1
    await nextTick()
    expect(w.find('.kit-right').exists()).toBe(false)
    expect(w.find('.kit-feedback').exists()).toBe(false)
  })

  it('reveals the answer on the click of a presenter driving the window', async () => {
    const w = mountQuiz(1)
    sharedState.lastUpdate = { id: 'p', type: 'presenter', time: Date.now() }
    await nextTick()
    expect(registered.size).toBe(1)
    expect(w.find('.kit-right').exists()).toBe(false)
    clicks.value = 1
    await nextTick()
    expect(w.find('.kit-right').text()).toContain('39,000')
    expect(w.find('.kit-verdict').text()).toContain('Answer: B')
    expect(w.findAll('button').map(b => b.text())).not.toContain('Check')
    // The audience window then writes its own `viewer` update: class mode holds.
    sharedState.lastUpdate = { id: 'a', type: 'viewer', time: Date.now() }
    await nextTick()
    expect(w.find('.kit-right').exists()).toBe(true)
  })

  it('registers the reveal click in the lecture deck, with or without a presenter', () => {
    configs.deck = 'lecture'
    try {
      mountQuiz(1)
      expect(registered.size).toBe(1)
    }
    finally {
      delete configs.deck
    }
  })

  it('registers the reveal click in the presenter window itself', () => {
    presenter.value = true
    mountQuiz(1)
    expect(registered.size).toBe(1)
  })

  it('ignores a presenter update that was stale before the window opened', async () => {
    sharedState.lastUpdate = { id: 'p', type: 'presenter', time: Date.now() - 3_600_000 }
    mountQuiz(1)
    await nextTick()
    expect(registered.size).toBe(0)
  })

  it('prints lettered options and marks no answer, whatever the clicks', async () => {
    printMode.value = true
    clicks.value = 1
    const w = mountQuiz(1)
    expect(text(w)).toContain('A. 1,857')
    expect(text(w)).toContain('B. 39,000')
    expect(text(w)).not.toMatch(/correct answer|Answer:|✔/)
    expect(w.find('input').exists()).toBe(false)
  })

  it('prints an ordering question without giving its order away', () => {
    printMode.value = true
    const w = mountQuiz(5)
    const shown = w.findAll('.kit-print-options li').map(li => li.text().replace('___', '').trim())
    expect(shown).toHaveLength(3)
    expect(shown).not.toEqual(['Canada talks start', 'US memorandum', 'Canada memorandum'])
  })
})

describe('<Quiz> answers not yet checked', () => {
  // Slidev unmounts a generated slide when the learner leaves it.
  const remount = (w: VueWrapper, question: number) => {
    w.unmount()
    mounted.splice(mounted.indexOf(w), 1)
    return mountQuiz(question)
  }

  it('keeps a chosen answer across leaving the slide and coming back, unchecked', async () => {
    const w = remount(await (async () => {
      const w = mountQuiz(1)
      await w.findAll('input[type=radio]')[2].setValue(true)
      return w
    })(), 1)
    expect((w.findAll('input[type=radio]')[2].element as HTMLInputElement).checked).toBe(true)
    expect(w.find('.kit-feedback').exists()).toBe(false)
    expect(localStorage.getItem(PROGRESS_KEY) ?? '').not.toContain('"q')
  })

  it('shows the newer answer after Retry, and the checked one once checked again', async () => {
    const w = mountQuiz(1)
    await w.findAll('input[type=radio]')[1].setValue(true)
    await w.find('form').trigger('submit')
    expect(w.find('.kit-verdict').text()).toContain('Correct')
    const retry = w.findAll('button').find(b => b.text() === 'Retry')!
    await retry.trigger('click')
    await w.findAll('input[type=radio]')[0].setValue(true)
    const back = remount(w, 1)
    expect((back.findAll('input[type=radio]')[0].element as HTMLInputElement).checked).toBe(true)
    expect(back.find('.kit-feedback').exists()).toBe(false)
    await back.find('form').trigger('submit')
    const again = remount(back, 1)
    expect(again.find('.kit-verdict').text()).toContain('Not quite')
  })

  it('keeps drafts per question', async () => {
    const w = mountQuiz(1)
    await w.findAll('input[type=radio]')[2].setValue(true)
    const other = remount(w, 2)
    expect(other.findAll('input:checked')).toHaveLength(0)
  })
})

describe('<Quiz> self-study flow', () => {
  const button = (w: VueWrapper, name: string) => w.findAll('button').find(b => b.text() === name)

  it('moves the focus to the feedback after Check, and back to the first control after Retry', async () => {
    const w = mountQuiz(1)
    await w.findAll('input[type=radio]')[0].setValue(true)
    await w.find('form').trigger('submit')
    await nextTick()
    expect(document.activeElement).toBe(w.find('.kit-feedback').element)
    await button(w, 'Retry')!.trigger('click')
    await nextTick()
    expect(document.activeElement).toBe(w.findAll('input[type=radio]')[0].element)
  })

  it('keeps Retry after Show solution, and Retry starts afresh', async () => {
    const w = mountQuiz(1)
    await button(w, 'Show solution')!.trigger('click')
    expect(w.find('.kit-right').exists()).toBe(true)
    expect(button(w, 'Retry')).toBeDefined()
    await button(w, 'Retry')!.trigger('click')
    expect(w.find('.kit-right').exists()).toBe(false)
    expect(button(w, 'Check')).toBeDefined()
  })

  it('shows a visible message tied to the field when a figure is not a number', async () => {
    const w = mountQuiz(4)
    await w.find('input[type=text]').setValue('eight')
    await w.find('form').trigger('submit')
    const msg = w.find('.kit-quiz-msg')
    expect(msg.text()).toContain('“eight” is not a figure')
    const input = w.find('input[type=text]')
    expect(input.attributes('aria-describedby')).toContain(msg.attributes('id'))
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(w.find('.kit-feedback').exists()).toBe(false)
    await input.setValue('39,000')
    expect(w.find('.kit-quiz-msg').exists()).toBe(false)
  })

  it('ties the "choose an answer" message to the question\'s fieldset', async () => {
    const w = mountQuiz(1)
    await w.find('form').trigger('submit')
    const msg = w.find('.kit-quiz-msg')
    expect(msg.text()).toContain('Choose an answer')
    expect(w.find('fieldset').attributes('aria-describedby')).toBe(msg.attributes('id'))
  })

  it('marks each classify statement right or wrong, with an icon and a word', async () => {
    const w = mountQuiz(7)
    const groups = w.findAll('.kit-classify-row')
    // First statement right, every other one wrong (see the fixture ledger).
    for (const g of groups) {
      const radios = g.findAll('input[type=radio]')
      await radios[0].setValue(true)
    }
    await w.find('form').trigger('submit')
    const marks = w.findAll('.kit-classify-row .kit-row-mark').map(m => m.text())
    expect(marks).toHaveLength(groups.length)
    expect(marks.every(m => /^✔ Right$|^✘ Wrong$/.test(m))).toBe(true)
    expect(marks).toContain('✔ Right')
    expect(marks).toContain('✘ Wrong')
  })

  it('marks only the chosen options of a multiple-select question, so no answer is given away', async () => {
    const w = mountQuiz(2)
    await w.findAll('input[type=checkbox]')[2].setValue(true)
    await w.find('form').trigger('submit')
    const rows = w.findAll('.kit-choice').map(c => c.find('.kit-row-mark').exists() ? c.find('.kit-row-mark').text() : '')
    expect(rows).toEqual(['', '', '✘ Wrong'])
  })
})

describe('<Quiz> on a phone', () => {
  it('opens the question in a sheet outside the slide, with its own Back and Next', async () => {
    setWindow(390, 844)
    const w = mountQuiz(1)
    await nextTick()
    const sheet = document.querySelector('.kit-sheet')
    expect(sheet).not.toBeNull()
    expect(sheet!.querySelector('.kit-quiz-touch')).not.toBeNull()
    expect(sheet!.textContent).toContain('Module 4 · Question 1 of')
    expect(w.find('.kit-quiz').exists()).toBe(false)
    ;(sheet!.querySelector('button[aria-label="Next slide"]') as HTMLButtonElement).click()
    expect(navCalls).toEqual(['next'])
  })

  it('stays on the slide on a projector', () => {
    mountQuiz(1)
    expect(document.querySelector('.kit-sheet')).toBeNull()
  })
})

describe('<Quiz> inputs', () => {
  it('keeps both of two changes made in one tick', async () => {
    const w = mountQuiz(2)
    const boxes = w.findAll('input[type=checkbox]')
    for (const i of [0, 1]) {
      ;(boxes[i].element as HTMLInputElement).checked = true
      boxes[i].element.dispatchEvent(new Event('change', { bubbles: true }))
    }
    await nextTick()
    await w.find('form').trigger('submit')
    expect(w.find('.kit-verdict').text()).toContain('✔ Correct')
  })
})
