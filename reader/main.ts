/**
 * The reading view's only eager script (deferred, after the text has
 * painted). It loads the live parts of a page as they come near the screen:
 *
 * - each quiz placeholder (`.rd-island`) becomes the kit's own quiz,
 *   components/quiz/QuizCard.vue sized for touch (quiz.ts);
 * - each diagram (`[data-diagram]`) is drawn by the bundled Mermaid with the
 *   kit's theme (diagram.ts); until then its title and description show.
 *
 * Nothing is fetched for a part the reader never scrolls near, so a page
 * costs its HTML, its inline CSS (reader.css, inlined by
 * scripts/build-reader.ts), one font and this file.
 */
/** How far ahead of the screen to start loading: one and a half screens. */
const AHEAD = '150% 0px'

function whenNear(els: readonly HTMLElement[], run: (el: HTMLElement) => Promise<void>): void {
  const go = (el: HTMLElement) => run(el).catch(e => console.error('[kit] reading view:', e))
  if (!els.length)
    return
  if (!('IntersectionObserver' in window)) {
    els.forEach(go)
    return
  }
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) {
        io.unobserve(e.target)
        go(e.target as HTMLElement)
      }
    }
  }, { rootMargin: AHEAD })
  els.forEach(el => io.observe(el))
}

whenNear([...document.querySelectorAll<HTMLElement>('.rd-island')], async el => (await import('./quiz.ts')).mountQuiz(el))
whenNear([...document.querySelectorAll<HTMLElement>('[data-diagram]')], async el => (await import('./diagram.ts')).drawDiagram(el))
