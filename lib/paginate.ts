/** Split a list across slides. Pages are 1-based. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage))
}

export function pageOf<T>(items: readonly T[], page: number, perPage: number): T[] {
  if (!Number.isInteger(page) || page < 1)
    throw new RangeError(`page must be a whole number from 1, got ${page}`)
  return items.slice((page - 1) * perPage, page * perPage)
}

/** Defaults shared by the components and the test that checks every item gets a slide. */
export const SOURCES_PER_PAGE = 7
export const GLOSSARY_PER_PAGE = 12
