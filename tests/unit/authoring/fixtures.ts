/**
 * One fixture per authoring mistake: what a teacher did, how to do it to a
 * copy of the kit, and the exact lines `npm run check` (and the build, for
 * the page-level ones) must print, no more and no fewer.
 *
 * `apply` makes the mistake in a copy of the kit (tests/unit/authoring/project.ts)
 * and returns the expected lines, with the line numbers of the copy it made.
 * docs/authoring-errors.md lists the same mistakes with these messages.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { loadSources } from '../../../lib/content.ts'
import { GLOSSARY_PER_PAGE, pageCount, SOURCES_PER_PAGE } from '../../../lib/paginate.ts'
import { appendSlide, edit, entryAt, lineOf, questionAt, read, ROOT, write } from './project.ts'

export interface Fixture {
  id: string
  /** The mistake, as a teacher would describe it. */
  mistake: string
  /** `page`: a page of the deck; the build must stop on it too. `data`: a data file (the build stops on these as well). */
  level: 'data' | 'page'
  /** Make the mistake in the copy at `root`; returns the lines check must print. */
  apply: (root: string) => string[]
}

const FACTS = 'sources/facts.yaml'
const REFS = 'sources/references.yaml'
const GLOSSARY = 'sources/glossary.yaml'
const Q03 = 'quizzes/03-repatriation.yaml'
const Q04 = 'quizzes/04-united-states.yaml'
const P03 = 'pages/03-repatriation.md'
const P10 = 'pages/10-conclusions.md'

const UTF8 = 'save it as UTF-8 (in most editors: "Save as…", encoding "UTF-8")'
const CONTROL = 'control characters break the QTI and GIFT exports: replace it with a space or a new line'

const ledger = loadSources(ROOT)
const firstFact = ledger.facts[0]
const notQuotation = ledger.facts.find(f => f.value.kind !== 'quotation')!
const typo = (id: string) => id.slice(0, -2) + id.slice(-1) // drop the second-last letter

export const FIXTURES: Fixture[] = [
  // ── The ledger, references and glossary ──────────────────────────────────
  {
    id: 'fact-status-typo',
    mistake: 'A misspelt value in a fixed list (`status: documentd`)',
    level: 'data',
    apply(root) {
      edit(root, FACTS, 'status: documented', 'status: documentd')
      const line = lineOf(root, FACTS, 'status: documentd')
      return [`${FACTS}:${line} ${entryAt(root, FACTS, line)}.status: \`documentd\` is not allowed here: use one of \`documented\`, \`reported\`, \`quotation\`, \`interpretation\`; did you mean \`documented\`?`]
    },
  },
  {
    id: 'fact-unknown-field',
    mistake: 'A misspelt field name (`claims:` for `claim:`)',
    level: 'data',
    apply(root) {
      edit(root, FACTS, '\n  claim: ', '\n  claims: ')
      const line = lineOf(root, FACTS, '  claims: ')
      return [`${FACTS}:${line} ${entryAt(root, FACTS, line)}.claims: unknown field \`claims\`; did you mean \`claim\`? (\`claim\` is required)`]
    },
  },
  {
    id: 'fact-duplicate-id',
    mistake: 'Two ledger entries with the same id',
    level: 'data',
    apply(root) {
      const text = read(root, FACTS).replace(/\n*$/, '\n')
      const block = `- id: ${text.split('\n- id: ')[1].split('\n\n')[0]}`
      write(root, FACTS, `${text}\n${block}\n`)
      const first = lineOf(root, FACTS, `- id: ${firstFact.id}`)
      const line = text.split('\n').length + 1
      return [`${FACTS}:${line} ${ledger.facts.length}.id: duplicate id \`${firstFact.id}\` (first used at line ${first})`]
    },
  },
  {
    id: 'fact-bad-one-no-cascade',
    mistake: 'One broken ledger entry (cited by slides, questions and the glossary), and a mistake in a quiz file in the same run',
    level: 'data',
    apply(root) {
      // The entry most cited elsewhere: its error must be the only one it causes.
      edit(root, FACTS, `- id: ${firstFact.id}\n  claim: `, `- id: ${firstFact.id}\n  clam: `)
      edit(root, Q04, 'type: single', 'type: singel')
      const line = lineOf(root, FACTS, '  clam: ')
      const q = lineOf(root, Q04, 'type: singel')
      return [
        `${FACTS}:${line} 0.clam: unknown field \`clam\`; did you mean \`claim\`? (\`claim\` is required)`,
        `${Q04}:${q} questions.${questionAt(root, Q04, q)}.type: \`singel\` is not allowed here: use one of \`classify\`, \`cloze\`, \`matching\`, \`multiple\`, \`numeric\`, \`ordering\`, \`single\`, \`truefalse\`; did you mean \`single\`?`,
      ]
    },
  },
  {
    id: 'fact-syntax',
    mistake: 'A YAML syntax error (an unclosed bracket)',
    level: 'data',
    apply(root) {
      edit(root, FACTS, 'footnotes: [] }', 'footnotes: [ }')
      const line = lineOf(root, FACTS, 'footnotes: [ }')
      return [`${FACTS}:${line} (syntax): Flow sequence in block collection must be sufficiently indented and end with a ] (fix this first: the lines after it may read correctly once it is fixed)`]
    },
  },
  {
    id: 'fact-duplicate-key',
    mistake: 'The same field twice in one entry',
    level: 'data',
    apply(root) {
      edit(root, FACTS, '  status: documented\n', '  status: documented\n  status: reported\n')
      const line = lineOf(root, FACTS, '  status: reported')
      return [`${FACTS}:${line} (syntax): Map keys must be unique`]
    },
  },
  {
    id: 'fact-footnote-missing',
    mistake: 'A fact cites a footnote that references.yaml does not have',
    level: 'data',
    apply(root) {
      // The footnote fewest facts cite, taken out of references.yaml: each fact citing it is reported.
      const citing = (n: number) => ledger.facts.filter(f => f.source.footnotes.includes(n))
      const n = ledger.references.map(r => r.footnote).filter((x): x is number => x !== undefined && citing(x).length > 0)
        .sort((a, b) => citing(a).length - citing(b).length)[0]
      const entries = read(root, REFS).split(/\n(?=- id: )/)
      write(root, REFS, entries.filter(e => !e.startsWith(`- id: fn${n}\n`)).join('\n'))
      const lines = read(root, FACTS).split('\n')
      return citing(n).map((f) => {
        const start = lines.indexOf(`- id: ${f.id}`)
        const line = lines.findIndex((l, i) => i > start && l.startsWith('  source:')) + 1
        return `${FACTS}:${line} ${ledger.facts.indexOf(f)}.source.footnotes: footnote [${n}] is not in ${REFS}`
      })
    },
  },
  {
    id: 'refs-empty',
    mistake: 'An empty sources/references.yaml',
    level: 'data',
    apply(root) {
      write(root, REFS, '')
      return [`${REFS}:1 (file): the file is empty; it should hold a list of entries, each starting with \`- \``]
    },
  },
  {
    id: 'refs-comments-only',
    mistake: 'A references file that holds only comments (every entry commented out)',
    level: 'data',
    apply(root) {
      write(root, REFS, read(root, REFS).split('\n').map(l => l.startsWith('#') || l === '' ? l : `# ${l}`).join('\n'))
      return [`${REFS}:1 (file): the file holds only comments; it should hold a list of entries, each starting with \`- \``]
    },
  },
  {
    id: 'refs-javascript-url',
    mistake: 'A reference `url:` that is not a web address (`javascript:`, `data:`, `file:`)',
    level: 'data',
    apply(root) {
      edit(root, REFS, /url: https?:\/\/\S+/, 'url: javascript:alert(1)')
      const line = lineOf(root, REFS, 'url: javascript:')
      return [`${REFS}:${line} ${entryAt(root, REFS, line)}.url: must start with https:// or http:// (or mailto:); other kinds of link, such as javascript:, data: or file:, are not allowed`]
    },
  },
  {
    id: 'glossary-empty',
    mistake: 'An empty glossary',
    level: 'data',
    apply(root) {
      write(root, GLOSSARY, '# nothing yet\n')
      return [`${GLOSSARY}:1 (file): the file holds only comments; it should hold a list of entries, each starting with \`- \``]
    },
  },
  {
    id: 'glossary-unknown-fact',
    mistake: 'A glossary term that links to an unknown ledger id',
    level: 'data',
    apply(root) {
      const text = read(root, GLOSSARY)
      const m = /\n {2}facts: \[ ?([a-z0-9-]+)/.exec(text)!
      edit(root, GLOSSARY, m[0], m[0].replace(m[1], `${m[1]}x`))
      const line = lineOf(root, GLOSSARY, `${m[1]}x`)
      return [`${GLOSSARY}:${line} ${entryAt(root, GLOSSARY, line)}.facts.0: unknown fact id \`${m[1]}x\`; did you mean \`${m[1]}\`?`]
    },
  },
  {
    id: 'vertical-tab',
    mistake: 'A vertical tab in a text (a manual line break pasted from Word)',
    level: 'data',
    apply(root) {
      edit(root, Q03, 'stem: A country can put', 'stem: A country\vcan put')
      const line = lineOf(root, Q03, 'stem: A country\v')
      return [`${Q03}:${line} questions.${questionAt(root, Q03, line)}.stem: contains a vertical tab (U+000B), which Word pastes for a manual line break; ${CONTROL}`]
    },
  },
  {
    id: 'form-feed',
    mistake: 'A form feed (page break) or another control character in a text',
    level: 'data',
    apply(root) {
      edit(root, FACTS, `- id: ${firstFact.id}\n  claim: "`, `- id: ${firstFact.id}\n  claim: "\f`)
      const line = lineOf(root, FACTS, '\f')
      return [`${FACTS}:${line} 0.claim: contains a form feed (U+000C), a page break; ${CONTROL}`]
    },
  },
  {
    id: 'yaml-tag',
    mistake: 'A YAML tag such as `!include other.yaml`',
    level: 'data',
    apply(root) {
      edit(root, GLOSSARY, /\n {2}expansion: .*/, '\n  expansion: !include names.yaml')
      const line = lineOf(root, GLOSSARY, '!include')
      return [`${GLOSSARY}:${line} ${entryAt(root, GLOSSARY, line)}.expansion: the YAML tag \`!include\` is not supported in the kit's data files (YAML cannot include another file, and a tagged value would be misread); remove the tag and write the value itself`]
    },
  },
  {
    id: 'latin1',
    mistake: 'A file saved in Latin-1 or Windows-1252 (an accented letter as one byte)',
    level: 'data',
    apply(root) {
      const text = read(root, GLOSSARY)
      const at = text.indexOf('definition: ') + 'definition: '.length
      write(root, GLOSSARY, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xE9]), Buffer.from(text.slice(at))]))
      return [`${GLOSSARY}:${text.slice(0, at).split('\n').length} (encoding): the file is not valid UTF-8: byte 0xE9 on this line is probably a letter such as é or ü saved in Latin-1 or Windows-1252; ${UTF8}`]
    },
  },
  {
    id: 'utf16-bom',
    mistake: 'A file saved as UTF-16 (with a byte-order mark)',
    level: 'data',
    apply(root) {
      write(root, GLOSSARY, Buffer.from(`\uFEFF${read(root, GLOSSARY)}`, 'utf16le'))
      return [`${GLOSSARY}:1 (encoding): the file is saved as UTF-16 (it starts with a UTF-16 byte-order mark); ${UTF8}`]
    },
  },
  {
    id: 'utf16-no-bom',
    mistake: 'A file saved as UTF-16 without a byte-order mark',
    level: 'data',
    apply(root) {
      write(root, Q03, Buffer.from(read(root, Q03), 'utf16le'))
      return [`${Q03}:1 (encoding): the file is saved as UTF-16 (every other byte is zero); ${UTF8}`]
    },
  },
  {
    id: 'folder-for-file',
    mistake: 'A folder where a data file should be',
    level: 'data',
    apply(root) {
      rmSync(join(root, REFS))
      mkdirSync(join(root, REFS))
      return [`${REFS}:1 (file): this is a folder, but a data file was expected here; move the folder away and put the file back`]
    },
  },
  {
    id: 'file-missing',
    mistake: 'A data file deleted or renamed',
    level: 'data',
    apply(root) {
      rmSync(join(root, GLOSSARY))
      return [`${GLOSSARY}:1 (file): the file is missing`]
    },
  },
  {
    id: 'two-documents',
    mistake: 'A second `---` line in a data file',
    level: 'data',
    apply(root) {
      write(root, GLOSSARY, `${read(root, GLOSSARY)}\n---\n- term: X\n`)
      const line = read(root, GLOSSARY).split('\n').lastIndexOf('---') + 1
      return [`${GLOSSARY}:${line} (syntax): the file holds more than one YAML document (a second \`---\` line); keep one`]
    },
  },
  // ── Question banks ───────────────────────────────────────────────────────
  {
    id: 'quiz-empty',
    mistake: 'An empty quiz file',
    level: 'data',
    apply(root) {
      write(root, Q04, '')
      return [`${Q04}:1 (file): the file is empty; it should hold the fields \`module:\`, \`title:\` and \`questions:\``]
    },
  },
  {
    id: 'quiz-list',
    mistake: 'A quiz file that is a bare list of questions (no `module:`, `title:`, `questions:`)',
    level: 'data',
    apply(root) {
      write(root, Q04, read(root, Q04).split('questions:\n')[1].replace(/^ {2}/gm, ''))
      return [`${Q04}:1 (file): the file should hold the fields \`module:\`, \`title:\` and \`questions:\`, but it holds a list`]
    },
  },
  {
    id: 'quiz-duplicate-id',
    mistake: 'The same question id in two quiz files',
    level: 'data',
    apply(root) {
      const id = /- id: (\S+)/.exec(read(root, Q03))![1]
      const other = /- id: (\S+)/.exec(read(root, Q04))![1]
      edit(root, Q04, `- id: ${other}`, `- id: ${id}`)
      const first = lineOf(root, Q03, `- id: ${id}`)
      const line = lineOf(root, Q04, `- id: ${id}`)
      return [`${Q04}:${line} questions.0.id: duplicate question id \`${id}\`, first used at ${Q03}:${first}`]
    },
  },
  {
    id: 'bank-name-space',
    mistake: 'A bank file whose name breaks the `NN-name.yaml` rule (`03-repatriation copy.yaml`)',
    level: 'data',
    apply(root) {
      write(root, 'quizzes/03-repatriation copy.yaml', read(root, Q03))
      return [`quizzes/03-repatriation copy.yaml:1 (file name): a question bank file is named \`NN-name.yaml\`: two digits, a hyphen, then lower-case words joined by hyphens, e.g. \`03-repatriation.yaml\`; rename it to \`03-repatriation-copy.yaml\`, or move it out of quizzes/`]
    },
  },
  {
    id: 'bank-yml',
    mistake: 'A bank file ending in `.yml`',
    level: 'data',
    apply(root) {
      renameSync(join(root, Q04), join(root, 'quizzes/04-united-states.yml'))
      return [
        'quizzes/04-united-states.yml:1 (file name): a question bank file ends in `.yaml`, not `.yml`: rename it to `04-united-states.yaml`',
      ]
    },
  },
  {
    id: 'bank-unused',
    mistake: 'A bank that no page includes',
    level: 'data',
    apply(root) {
      // A second bank for module 11 (the final review), with its own question ids.
      write(root, 'quizzes/11-extra.yaml', read(ROOT, Q04).replace(/^module: 4/m, 'module: 11').replace(/- id: (\S+)/g, '- id: $1-extra'))
      return ['quizzes/11-extra.yaml:1 (file): no page includes this bank, so its questions are on no slide (and a learner\'s progress could never reach 100 %): add the line `<!-- kit:quiz 11-extra -->` to a page, or move the file out of quizzes/']
    },
  },
  {
    id: 'bank-folder',
    mistake: 'A folder named like a bank in quizzes/',
    level: 'data',
    apply(root) {
      mkdirSync(join(root, 'quizzes/12-drafts.yaml'))
      return ['quizzes/12-drafts.yaml:1 (file): this is a folder, but a question bank file was expected here; move the folder out of quizzes/']
    },
  },
  // ── Pages ────────────────────────────────────────────────────────────────
  {
    id: 'import-typo',
    mistake: 'A misspelt page in `slides.md` (`src: ./pages/03-repatriaton.md`)',
    level: 'page',
    apply(root) {
      edit(root, 'slides.md', 'src: ./pages/03-repatriation.md', 'src: ./pages/03-repatriaton.md')
      return [`slides.md:${lineOf(root, 'slides.md', '03-repatriaton.md')} src: ./pages/03-repatriaton.md: there is no such file, so this part of the deck would be missing; did you mean \`./pages/03-repatriation.md\`?`]
    },
  },
  {
    id: 'marker-bank-typo',
    mistake: 'A misspelt bank in a quiz marker (`<!-- kit:quiz 03-repatriaton -->`)',
    level: 'page',
    apply(root) {
      edit(root, P03, '<!-- kit:quiz 03-repatriation -->', '<!-- kit:quiz 03-repatriaton -->')
      return [`${P03}:${lineOf(root, P03, 'kit:quiz 03-repatriaton')} <!-- kit:quiz 03-repatriaton -->: there is no question bank \`quizzes/03-repatriaton.yaml\`; did you mean \`03-repatriation\`?`]
    },
  },
  {
    id: 'marker-no-bank',
    mistake: 'A quiz marker without its bank (`<!-- kit:quiz -->`)',
    level: 'page',
    apply(root) {
      const line = appendSlide(root, P03, '<!-- kit:quiz -->')
      return [`${P03}:${line} <!-- kit:quiz -->: name the question bank, e.g. \`<!-- kit:quiz 01-orientation -->\``]
    },
  },
  {
    id: 'marker-malformed',
    mistake: 'A misspelt or indented marker (`<!-- kit:quizz … -->`, `  <!-- kit:quiz … -->`)',
    level: 'page',
    apply(root) {
      const line = appendSlide(root, P03, '<!-- kit:quizz 03-repatriation -->')
      return [`${P03}:${line} <!-- kit:quizz 03-repatriation -->: not a kit marker: write \`<!-- kit:quiz NN-name -->\`, \`<!-- kit:answer-key -->\`, \`<!-- kit:sources -->\` or \`<!-- kit:glossary -->\`, alone on its line with nothing before it (otherwise the line is silently kept as a speaker note)`]
    },
  },
  {
    id: 'marker-extra-name',
    mistake: 'A name after a marker that takes none (`<!-- kit:sources 2 -->`)',
    level: 'page',
    apply(root) {
      edit(root, P10, '<!-- kit:sources -->', '<!-- kit:sources 2 -->')
      return [`${P10}:${lineOf(root, P10, 'kit:sources 2')} <!-- kit:sources 2 -->: \`kit:sources\` takes no name: write \`<!-- kit:sources -->\``]
    },
  },
  {
    id: 'quiz-question-range',
    mistake: 'A `<Quiz>` naming a question the bank does not have (`:question="99"`)',
    level: 'page',
    apply(root) {
      const n = read(root, Q03).split('\n').filter(l => l.startsWith('  - id: ')).length
      const line = appendSlide(root, P03, '<Quiz bank="03-repatriation" :question="99" />')
      return [`${P03}:${line} <Quiz bank="03-repatriation" :question="99" />: \`quizzes/03-repatriation.yaml\` has questions 1 to ${n}; there is no question 99`]
    },
  },
  {
    id: 'quiz-bank-typo',
    mistake: 'A `<Quiz>` naming a bank that does not exist',
    level: 'page',
    apply(root) {
      const line = appendSlide(root, P03, '<Quiz bank="03-repatriaton" :question="1" />')
      return [`${P03}:${line} <Quiz bank="03-repatriaton" :question="1" />: there is no question bank \`quizzes/03-repatriaton.yaml\`; did you mean \`03-repatriation\`?`]
    },
  },
  {
    id: 'quiz-no-colon',
    mistake: 'A number prop without its colon (`question="2"`)',
    level: 'page',
    apply(root) {
      const line = appendSlide(root, P03, '<Quiz bank="03-repatriation" question="2" />')
      return [`${P03}:${line} <Quiz bank="03-repatriation" question="2" />: write \`:question="2"\`, with a colon, so that it is read as a number`]
    },
  },
  {
    id: 'answer-key-range',
    mistake: 'An `<AnswerKey>` range past the bank\'s last question',
    level: 'page',
    apply(root) {
      const n = read(root, Q03).split('\n').filter(l => l.startsWith('  - id: ')).length
      const line = appendSlide(root, 'pages/11-answer-key.md', '<AnswerKey bank="03-repatriation" :from="1" :to="40" />')
      return [`pages/11-answer-key.md:${line} <AnswerKey bank="03-repatriation" :from="1" :to="40" />: \`quizzes/03-repatriation.yaml\` has questions 1 to ${n}; there is no question 40`]
    },
  },
  {
    id: 'fact-id-typo',
    mistake: 'A `<Fact>`, `<Cite>` or `<Status>` with an unknown ledger id',
    level: 'page',
    apply(root) {
      const wrong = typo(firstFact.id)
      const line = appendSlide(root, P03, `- <Fact id="${wrong}" /> <Cite id="no-such-entry" />\n- <Status id="${wrong}" />`)
      return [
        `${P03}:${line} <Fact id="${wrong}" />: no such ledger entry in sources/facts.yaml; did you mean \`${firstFact.id}\`?`,
        `${P03}:${line} <Cite id="no-such-entry" />: no such ledger entry in sources/facts.yaml`,
        `${P03}:${line + 1} <Status id="${wrong}" />: no such ledger entry in sources/facts.yaml; did you mean \`${firstFact.id}\`?`,
      ]
    },
  },
  {
    id: 'quote-not-quotation',
    mistake: 'A `<Quote>` of an entry that is not a quotation',
    level: 'page',
    apply(root) {
      const line = appendSlide(root, P03, `<Quote id="${notQuotation.id}" />`)
      return [`${P03}:${line} <Quote id="${notQuotation.id}" />: \`${notQuotation.id}\` is a ${notQuotation.value.kind} entry, not a quotation: use \`<Fact id="${notQuotation.id}" />\`, or cite a quotation entry`]
    },
  },
  {
    id: 'fact-no-id',
    mistake: 'A `<Fact>` without `id`',
    level: 'page',
    apply(root) {
      const line = appendSlide(root, P03, 'The figure: <Fact />')
      return [`${P03}:${line} <Fact />: \`<Fact>\` needs \`id="…"\`, the id of an entry in sources/facts.yaml`]
    },
  },
  {
    id: 'sources-page-range',
    mistake: 'A `<Sources>` or `<Glossary>` page past the last',
    level: 'page',
    apply(root) {
      const line = appendSlide(root, P10, '<Sources :page="9" />\n\n<Glossary :page="9" />')
      const refs = pageCount(ledger.references.length, SOURCES_PER_PAGE)
      const terms = pageCount(ledger.glossary.length, GLOSSARY_PER_PAGE)
      return [
        `${P10}:${line} <Sources :page="9" />: the references fill ${refs} page${refs > 1 ? 's' : ''}; there is no page 9`,
        `${P10}:${line + 2} <Glossary :page="9" />: the glossary fills ${terms} page${terms > 1 ? 's' : ''}; there is no page 9`,
      ]
    },
  },
  {
    id: 'component-typo',
    mistake: 'A misspelt kit component (`<Qiuz …>`)',
    level: 'page',
    apply(root) {
      const line = appendSlide(root, P03, '<Qiuz bank="03-repatriation" :question="1" />')
      return [`${P03}:${line} <Qiuz bank="03-repatriation" :question="1" />: \`<Qiuz>\` is not a component of the kit, so it would show nothing; did you mean <Quiz>?`]
    },
  },
]
