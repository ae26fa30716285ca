/**
 * The page a phone gets at /join/ when the join page has not been built
 * (no `dist/join/`): it says so, rather than a second, lesser quiz surface.
 * The real join page is the Vue app in `join/`, built by `npm run build`
 * (scripts/build-join.ts) with the kit's own input components, so every
 * question type, the cloze included, is drawn through the type registry.
 */
export function joinPlaceholder(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Join the class: not ready</title>
<style>
  body { margin: 0; font: 18px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: #fff; color: #181818; }
  main { max-width: 34rem; margin: 0 auto; padding: 1rem; }
  code { font-size: 16px; }
</style>
</head>
<body>
<main>
<h1>The class quiz is not ready yet</h1>
<p>The lecturer's laptop has not built the join page. Ask the lecturer to stop the classroom server, build the kit first with <code>npm run build</code>, and start it again with <code>npm run class</code>; then reload this page.</p>
</main>
</body>
</html>
`
}
