/**
 * Where a learner goes to review a question they missed: the teaching slide
 * that best shows the facts the question tests. Pure: slides and banks in,
 * a slide number per question out. The Vite plugin serves the result to the
 * results slide, and an e2e test checks that each target shows one of the
 * question's facts.
 */
import type { QuizFile } from './quiz/schema.ts'
import { citedIds } from './lint.ts'

/** A slide as the deck has it: its number, Markdown, and the file it comes from. */
export interface DeckSlide {
  no: number
  content: string
  /** `pages/NN-name.md` or `slides.md`, relative or absolute. */
  file?: string
}

/** The module a page file belongs to: `pages/03-x.md` → 3; anything else → undefined. */
export function moduleOfFile(file: string | undefined): number | undefined {
  const m = file?.match(/(?:^|[\\/])pages[\\/](\d+)-[^\\/]*$/)
  return m ? Number(m[1]) : undefined
}

/** Slides that teach: not quiz, answer-key, sources or glossary slides, which test or list rather than teach. */
export function isTeaching(content: string): boolean {
  return !/<(?:Quiz|AnswerKey|Sources|Glossary|QuizSummary)\b/.test(content)
}

/**
 * For each question id, the slide to review. Among the teaching slides that
 * cite at least one of the question's facts, prefer:
 * 1. a slide of the question's own module (the final review, module 11,
 *    has none of its own, so any module will do);
 * 2. then the slide citing the most of the question's facts;
 * 3. then the earliest such slide.
 * A question whose facts no teaching slide cites gets no entry.
 */
export function reviewSlides(slides: readonly DeckSlide[], banks: readonly QuizFile[]): Record<string, number> {
  const teaching = slides.filter(s => isTeaching(s.content)).map(s => ({ no: s.no, module: moduleOfFile(s.file), cites: citedIds(s.content) }))
  const out: Record<string, number> = {}
  for (const bank of banks) {
    for (const q of bank.questions) {
      let best: { no: number, rank: [number, number, number] } | undefined
      for (const s of teaching) {
        const hits = q.facts.filter(id => s.cites.has(id)).length
        if (hits === 0)
          continue
        const rank: [number, number, number] = [s.module === bank.module ? 1 : 0, hits, -s.no]
        if (!best || rank[0] > best.rank[0] || (rank[0] === best.rank[0] && (rank[1] > best.rank[1] || (rank[1] === best.rank[1] && rank[2] > best.rank[2]))))
          best = { no: s.no, rank }
      }
      if (best)
        out[q.id] = best.no
    }
  }
  return out
}

/** For each question id, the slide that asks it (`<Quiz bank="…" :question="N" />`). */
export function questionSlides(slides: readonly DeckSlide[], banks: Readonly<Record<string, QuizFile>>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const s of slides) {
    for (const m of s.content.matchAll(/<Quiz\s+bank="([^"]+)"\s+:question="(\d+)"/g)) {
      const q = banks[m[1]]?.questions[Number(m[2]) - 1]
      if (q)
        out[q.id] ??= s.no
    }
  }
  return out
}
