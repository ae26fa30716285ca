/**
 * Which keys a quiz keeps from Slidev's shortcuts. A key stays with the quiz
 * only when the focused control uses it natively, so arrows choose a radio
 * button or an option, and type in a figure; but once the learner has
 * checked an answer (focus on the feedback), → and ← go to the next and
 * previous slide at once. Pure, so tested directly.
 */

const ALL = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' ', 'Enter', 'Home', 'End', 'PageUp', 'PageDown']

/**
 * Whether `key`, pressed on an element with this tag (and `type` for an
 * input), belongs to the quiz rather than to the deck.
 */
export function quizKeepsKey(tag: string, type: string | undefined, key: string): boolean {
  switch (tag.toUpperCase()) {
    case 'SELECT':
    case 'TEXTAREA':
      return ALL.includes(key)
    case 'INPUT':
      // Radio buttons and checkboxes move and toggle with arrows and Space; text fields use every key.
      return type === 'radio' || type === 'checkbox'
        ? ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' '].includes(key)
        : ALL.includes(key)
    case 'BUTTON':
      return key === ' ' || key === 'Enter'
    default:
      // Text such as the feedback scrolls with these inside its region.
      return ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' '].includes(key)
  }
}
