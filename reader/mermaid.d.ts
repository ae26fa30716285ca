// Mermaid's own pre-bundled ESM build (as Slidev's client imports it): the
// same API as the package's main entry, and a second faster to bundle.
declare module 'mermaid/dist/mermaid.esm.min.mjs' {
  export { default } from 'mermaid'
}
