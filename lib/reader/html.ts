/** HTML text helpers for the reading view. Everything that comes from data goes through `esc`. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

/** Escape text for an HTML text node or a double-quoted attribute. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, c => ENTITIES[c])
}

/** An error in a page that the reading view cannot render, named by file and slide. */
export class ReaderError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`)
    this.name = 'ReaderError'
  }
}
