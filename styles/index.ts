// Fonts are bundled from @fontsource (headmatter sets `fonts.provider: none`),
// so the deck never asks Google Fonts or a CDN for anything.
import '@fontsource/source-sans-3/latin-400.css'
import '@fontsource/source-sans-3/latin-400-italic.css'
import '@fontsource/source-sans-3/latin-600.css'
import '@fontsource/source-sans-3/latin-700.css'
import '@fontsource/jetbrains-mono/latin-400.css'
import './kit.css'
import './quiz.css'
