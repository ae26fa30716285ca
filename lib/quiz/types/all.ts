// The question types, one line each. Adding a type: write its module beside
// these, its input component in components/quiz/, and one line here (see
// docs/adding-a-question-type.md).
export { single } from './single.ts'
export { multiple } from './multiple.ts'
export { truefalse } from './truefalse.ts'
export { numeric } from './numeric.ts'
export { ordering } from './ordering.ts'
export { matching } from './matching.ts'
export { classify } from './classify.ts'
export { cloze } from './cloze.ts'
