/**
 * Learning-platform exports of the question bank: GIFT for Moodle, a QTI 3.0
 * content package, and a Kahoot! spreadsheet. `exportBank` returns every
 * file (path relative to `exports/`, and its bytes); `scripts/export-quiz.ts`
 * writes them. See `docs/importing.md` for importing each one.
 */
import type { BankModule, ExportContext } from './common.ts'
import type { KahootPlan } from './kahoot.ts'
import { giftFiles } from './gift.ts'
import { KAHOOT_XLSX, kahootXlsx } from './kahoot.ts'
import { QTI_ZIP, qtiPackage } from './qti.ts'

export * from './common.ts'
export * from './gift.ts'
export { ITEM_RESOURCE_TYPE, QTI_ZIP, qtiFiles, qtiIdentifier, qtiItem, qtiManifest, qtiPackage } from './qti.ts'
export { KAHOOT_XLSX, kahootPlan, kahootRow, kahootWorkbook, kahootXlsx } from './kahoot.ts'
export type { KahootPlan, KahootRow, KahootSkip } from './kahoot.ts'

/** One file to write under `exports/`. */
export interface ExportFile {
  /** Path relative to `exports/`, e.g. `gift/all.gift`. */
  path: string
  data: Uint8Array
}

/** Every export of the bank, and what the Kahoot sheet left out. */
export async function exportBank(modules: readonly BankModule[], ctx: ExportContext): Promise<{ files: ExportFile[], kahoot: KahootPlan }> {
  const enc = new TextEncoder()
  const files: ExportFile[] = giftFiles(modules, ctx).map(f => ({ path: f.path, data: enc.encode(f.content) }))
  files.push({ path: QTI_ZIP, data: qtiPackage(modules, ctx) })
  const kahoot = await kahootXlsx(modules, ctx)
  files.push({ path: KAHOOT_XLSX, data: kahoot.data })
  return { files, kahoot: kahoot.plan }
}
