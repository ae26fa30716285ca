/**
 * When a slide is too small to read and touch, the kit moves a quiz (and the
 * results) out of the scaled slide into a sheet at the device's own size.
 * Pure, so the threshold is tested without a browser.
 */

/** Below this slide scale, quiz text (15 px on the canvas) renders under about 13 px: use the sheet. */
export const SHEET_BELOW_SCALE = 0.85

/** The scale Slidev gives a `canvasWidth`-wide slide of `aspect` in a `width` × `height` window. */
export function slideScale(width: number, height: number, canvasWidth: number, aspect: number): number {
  if (width <= 0 || height <= 0 || canvasWidth <= 0 || aspect <= 0)
    return 1
  return Math.min(width / canvasWidth, height / (canvasWidth / aspect))
}

/** Whether a window of this size should show quizzes in the sheet rather than on the slide. */
export function wantsSheet(width: number, height: number, canvasWidth = 980, aspect = 16 / 9): boolean {
  return slideScale(width, height, canvasWidth, aspect) < SHEET_BELOW_SCALE
}
