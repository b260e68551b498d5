/** Name analysis: normalisation, transliteration, tagging, legal forms, numbers, index keys. */
export { Acronyms } from './acronyms.js';
export { analyzeName, analyzeNameParts, kindForSchema, MAX_PARTS } from './analyze.js';
export type {
  LegalForm,
  NameAnalysis,
  NameHints,
  NameJoin,
  NameKind,
  NamePart,
  PartRole,
  PartTag,
} from './analyze.js';
export { nameKeys } from './keys.js';
export { findLegalForms, legalFormsCompatible, LEGAL_FORM_LABELS } from './legal-forms.js';
export type { LegalFormFamily, LegalFormHit } from './legal-forms.js';
export {
  cleanRawName,
  collapseRuns,
  deleet,
  MAX_NAME_CHARS,
  normalizeName,
  splitCamel,
} from './normalize.js';
export { numbersAgree, ordinalWord, romanValue } from './numbers.js';
export { phoneticKeys } from './phonetic.js';
export { hasNonLatin, isVowelless, scriptOf, wordScript } from './scripts.js';
export type { Script } from './scripts.js';
export { consonantSkeleton, mergeLiquids } from './skeleton.js';
export { tokenizeName } from './tokenize.js';
export type { RawToken } from './tokenize.js';
export { splitArabicWord, transliterateWord } from './transliterate.js';
export { areVariants, isArabicName, isNickname, variantGroups } from './variants.js';
