import { describe, expect, it } from 'vitest'
import { loadQuizzes, loadSources } from '../../lib/content.ts'

// Item-writing checks on the real bank that the schema cannot express.
const { facts } = loadSources(process.cwd())
const questions = loadQuizzes(process.cwd(), facts).flatMap(b => b.quiz.questions)

describe('the question bank', () => {
  it('spreads the right answer across positions, so "always A" does not pay', () => {
    const singles = questions.filter(q => q.type === 'single')
    const positions = new Map<number, number>()
    for (const q of singles) {
      const i = q.options.findIndex(o => o.correct)
      positions.set(i, (positions.get(i) ?? 0) + 1)
    }
    for (const [pos, n] of positions)
      expect(n / singles.length, `share of right answers at position ${pos}`).toBeLessThanOrEqual(0.4)
    const multiples = questions.filter(q => q.type === 'multiple')
    expect(multiples.filter(q => q.options[0].correct).length).toBeLessThan(multiples.length)
  })

  it('never offers "all of the above" or "none of the above"', () => {
    const texts = questions.flatMap(q => q.type === 'single' || q.type === 'multiple' ? q.options.map(o => o.text ?? '') : [])
    expect(texts.filter(t => /\b(all|none) of the above\b/i.test(t))).toEqual([])
  })
})
