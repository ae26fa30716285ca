/**
 * The built-in join page, served at /join/ when there is no built one
 * (`dist/join/`). Minimal but complete: it answers every question type
 * through the public API, so the server can be tried (and tested) on its
 * own, and it shows a client of the API in one screen of code:
 *
 * - a device id made once with `crypto.getRandomValues` and kept in
 *   localStorage (`crypto.randomUUID` exists only on HTTPS pages, and the
 *   classroom server speaks plain HTTP on the LAN);
 * - an `EventSource` on /api/class/events?device=…, whose first `state`
 *   event brings back this phone's own answer after a reconnect;
 * - POST /api/class/answer with { question, device, response }, the
 *   response in the view's own indices (see lib/class/per-type.ts).
 *
 * No framework, no external file: one HTML text with inline script and
 * style (the server sends a Content-Security-Policy that allows only that).
 */
export function joinPlaceholder(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Join the class</title>
<style>
  :root { color-scheme: light; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: #f6f7f9; color: #1b1f24; }
  main { max-width: 34rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.1rem; margin: 0 0 .75rem; color: #4a5563; font-weight: 600; }
  .stem { font-size: 1.15rem; font-weight: 600; margin: 0 0 1rem; }
  .row { display: flex; gap: .6rem; align-items: center; padding: .7rem .8rem; margin: .4rem 0; background: #fff; border: 2px solid #d5dbe3; border-radius: .6rem; min-height: 48px; box-sizing: border-box; }
  .row.right { border-color: #1a7f37; background: #eef8f0; }
  .row input { width: 1.4rem; height: 1.4rem; flex: none; }
  .group { margin: .8rem 0; padding: .6rem .8rem; background: #fff; border: 2px solid #d5dbe3; border-radius: .6rem; }
  .group p { margin: 0 0 .4rem; }
  select, input[type=text] { font: inherit; padding: .5rem; width: 100%; box-sizing: border-box; min-height: 48px; }
  button { font: inherit; min-height: 48px; padding: .5rem 1rem; border-radius: .6rem; border: 2px solid #2456a6; background: #fff; color: #2456a6; }
  button.primary { background: #2456a6; color: #fff; width: 100%; margin-top: 1rem; }
  button:disabled { opacity: .5; }
  .order { list-style: none; padding: 0; margin: 0; }
  .order li { display: flex; gap: .5rem; align-items: center; }
  .order li span { flex: 1; }
  .order li b { flex: none; min-width: 1.4rem; color: #4a5563; }
  .status { margin-top: 1rem; padding: .7rem .8rem; border-radius: .6rem; background: #e8eef9; }
  .status.ok { background: #eef8f0; }
  .status.err { background: #fdecec; }
  .muted { color: #4a5563; }
</style>
</head>
<body>
<main>
  <h1>Live question</h1>
  <div id="q"><p class="muted">Connecting…</p></div>
  <p id="status" class="status" role="status" aria-live="polite" hidden></p>
</main>
<script>
(() => {
  const KEY = 'kit-class-device'
  let device = ''
  try { device = localStorage.getItem(KEY) || '' } catch {}
  if (!/^[\\w-]{16,64}$/.test(device)) {
    const b = crypto.getRandomValues(new Uint8Array(16))
    device = Array.from(b, x => x.toString(16).padStart(2, '0')).join('')
    try { localStorage.setItem(KEY, device) } catch {}
  }
  const $q = document.getElementById('q')
  const $status = document.getElementById('status')
  let state = null
  let draft = null
  let shownId = null
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v)
      else if (v !== false && v != null) e.setAttribute(k, v === true ? '' : v)
    }
    for (const k of kids) e.append(k)
    return e
  }
  const say = (text, kind) => { $status.hidden = !text; $status.textContent = text || ''; $status.className = 'status' + (kind ? ' ' + kind : '') }
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)

  function render() {
    const s = state
    $q.replaceChildren()
    if (!s || s.phase === 'idle' || !s.question) {
      $q.append(el('p', { class: 'muted' }, 'Waiting for the lecturer to open a question.'))
      say('')
      return
    }
    const q = s.question
    const locked = s.phase !== 'open'
    const answer = s.reveal ? s.reveal.answer : undefined
    if (shownId !== q.id) { shownId = q.id; draft = s.mine ?? initial(q) }
    $q.append(el('p', { class: 'stem', id: 'stem' }, q.stem))
    const fields = el('div', { role: 'group', 'aria-labelledby': 'stem' })
    $q.append(fields)
    const choice = (type, name, checked, label, onchange, right) => el('label', { class: 'row' + (right ? ' right' : '') },
      el('input', { type, name, checked, disabled: locked, onchange }), el('span', {}, label + (right ? '  ✔' : '')))
    if (q.type === 'single' || q.type === 'truefalse') {
      const opts = q.type === 'single' ? q.options : ['True', 'False']
      opts.forEach((o, i) => {
        const v = q.type === 'single' ? i : i === 0
        fields.append(choice('radio', 'c', same(draft, v), String.fromCharCode(65 + i) + '. ' + o, () => { draft = v }, answer !== undefined && same(answer, v)))
      })
    } else if (q.type === 'multiple') {
      q.options.forEach((o, i) => fields.append(choice('checkbox', 'c' + i, (draft || []).includes(i), String.fromCharCode(65 + i) + '. ' + o, (e) => {
        const set = new Set(draft || []); e.target.checked ? set.add(i) : set.delete(i); draft = [...set].sort((a, b) => a - b)
      }, answer !== undefined && answer.includes(i))))
    } else if (q.type === 'numeric') {
      const input = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-label': 'Your figure, in ' + q.unit, disabled: locked, value: draft ?? '' })
      input.addEventListener('input', () => { draft = input.value })
      fields.append(input, el('p', { class: 'muted' }, q.unit))
      if (answer) fields.append(el('p', { class: 'row right' }, 'Accepted: ' + (answer[0] === answer[1] ? answer[0] : answer[0] + '–' + answer[1]) + ' ' + q.unit + '  ✔'))
    } else if (q.type === 'ordering') {
      const list = el('ol', { class: 'order' })
      const order = answer ?? draft
      order.forEach((item, pos) => {
        const move = (by) => { const d = [...draft]; [d[pos], d[pos + by]] = [d[pos + by], d[pos]]; draft = d; render() }
        list.append(el('li', { class: 'row' + (answer ? ' right' : '') }, el('b', {}, (pos + 1) + '.'), el('span', {}, q.items[item]),
          el('button', { type: 'button', disabled: locked || pos === 0, 'aria-label': 'Move up', onclick: () => move(-1) }, '↑'),
          el('button', { type: 'button', disabled: locked || pos === order.length - 1, 'aria-label': 'Move down', onclick: () => move(1) }, '↓')))
      })
      fields.append(list)
    } else if (q.type === 'matching' || q.type === 'classify') {
      const rows = q.type === 'matching' ? q.lefts : q.statements
      rows.forEach((text, i) => {
        const g = el('div', { class: 'group' }, el('p', {}, text))
        if (q.type === 'matching') {
          const sel = el('select', { disabled: locked, 'aria-label': 'Match for ' + text }, el('option', { value: '' }, 'Choose…'))
          q.rights.forEach((r, j) => sel.append(el('option', { value: String(j), selected: draft[i] === j }, r)))
          sel.addEventListener('change', () => { draft = [...draft]; draft[i] = sel.value === '' ? null : Number(sel.value) })
          g.append(sel)
          if (answer) g.append(el('p', { class: 'row right' }, q.rights[answer[i]] + '  ✔'))
        } else {
          q.categories.forEach(c => g.append(choice('radio', 's' + i, draft[i] === c.key, c.label, () => { draft = [...draft]; draft[i] = c.key }, answer !== undefined && answer[i] === c.key)))
        }
        fields.append(g)
      })
    }
    if (!locked) $q.append(el('button', { class: 'primary', type: 'button', onclick: submit }, 'Send answer'))
    if (s.phase === 'revealed') say(s.mine != null ? 'The answer is revealed. Your answer: ' + describe(q, s.mine) + '.' : 'The answer is revealed.', 'ok')
    else if (s.phase === 'closed') say('Answers are closed.' + (s.mine != null ? ' Your answer was received.' : ''))
    else if (s.mine != null) say('Answer received. You can change it until the answer is revealed.', 'ok')
    else say('')
  }
  function initial(q) {
    if (q.type === 'multiple') return []
    if (q.type === 'ordering') return q.items.map((_, i) => i)
    if (q.type === 'matching') return q.lefts.map(() => null)
    if (q.type === 'classify') return q.statements.map(() => null)
    if (q.type === 'numeric') return ''
    return null
  }
  function describe(q, r) {
    if (q.type === 'single') return String.fromCharCode(65 + r)
    if (q.type === 'truefalse') return r ? 'True' : 'False'
    if (q.type === 'multiple') return r.map(i => String.fromCharCode(65 + i)).join(', ')
    if (q.type === 'numeric') return String(r) + ' ' + q.unit
    return 'sent'
  }
  async function submit() {
    const q = state.question
    try {
      const res = await fetch('/api/class/answer', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: q.id, device, response: draft }) })
      const body = await res.json().catch(() => ({}))
      if (res.ok) { state = { ...state, mine: body.response }; render() }
      else say(body.error || ('Not sent (' + res.status + ').'), 'err')
    } catch { say('Not sent: the connection to the classroom server is lost. Try again in a moment.', 'err') }
  }
  const es = new EventSource('/api/class/events?device=' + encodeURIComponent(device))
  es.addEventListener('state', (e) => {
    const next = JSON.parse(e.data)
    if (state && next.seq < state.seq) return
    // The stream's later events carry no answer of this phone's; keep the one it has.
    if (!('mine' in next) && state && state.question && next.question && state.question.id === next.question.id) next.mine = state.mine
    if (!next.question || !state || !state.question || next.question.id !== state.question.id) shownId = null
    state = next
    render()
  })
  es.onerror = () => say('Reconnecting to the classroom server…')
})()
</script>
</body>
</html>
`
}
