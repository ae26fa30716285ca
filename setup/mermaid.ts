import { defineMermaidSetup } from '@slidev/types'

/**
 * One Mermaid theme for every diagram in the deck.
 *
 * `base` with explicit variables keeps contrast at 4.5:1 or better in both
 * colour schemes; Slidev passes `theme: 'dark'` in dark mode, which Mermaid
 * ignores when `themeVariables` are set on `base`, so we pick the palette
 * from the document class instead.
 */
export default defineMermaidSetup(() => {
  const dark = typeof document !== 'undefined' && document.documentElement.classList.contains('dark')
  const palette = dark
    ? { bg: '#1f2937', fg: '#f3f4f6', line: '#cbd5e1', accent: '#93c5fd', onAccent: '#0b1220', soft: '#334155', warn: '#fcd34d' }
    : { bg: '#ffffff', fg: '#111827', line: '#334155', accent: '#1d4e89', onAccent: '#ffffff', soft: '#e0ecfa', warn: '#92400e' }
  return {
    theme: 'base',
    fontFamily: '"Source Sans 3", system-ui, sans-serif',
    // Text as SVG <text>, not <foreignObject>: prints as vector text and scales cleanly.
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: true, curve: 'basis' },
    sequence: { useMaxWidth: true, mirrorActors: false },
    themeVariables: {
      fontSize: '18px',
      background: palette.bg,
      primaryColor: palette.soft,
      primaryTextColor: palette.fg,
      primaryBorderColor: palette.accent,
      secondaryColor: palette.soft,
      tertiaryColor: palette.bg,
      lineColor: palette.line,
      textColor: palette.fg,
      noteBkgColor: palette.soft,
      noteTextColor: palette.fg,
      actorBkg: palette.soft,
      actorTextColor: palette.fg,
      signalColor: palette.fg,
      signalTextColor: palette.fg,
      // Bars and lines of xychart-beta in the kit's accent, not Mermaid's pale default.
      xyChart: {
        backgroundColor: palette.bg,
        titleColor: palette.fg,
        xAxisLabelColor: palette.fg,
        xAxisTitleColor: palette.fg,
        xAxisTickColor: palette.line,
        xAxisLineColor: palette.line,
        yAxisLabelColor: palette.fg,
        yAxisTitleColor: palette.fg,
        yAxisTickColor: palette.line,
        yAxisLineColor: palette.line,
        plotColorPalette: palette.accent,
        // Values are drawn inside the bars (xyChart `showDataLabel`): text on
        // the accent, not Mermaid's derived dark label (2.4:1 on the light
        // scheme's bar). White on #1d4e89 is 8.4:1; #0b1220 on #93c5fd 10.4:1.
        dataLabelColor: palette.onAccent,
      },
    },
  }
})
