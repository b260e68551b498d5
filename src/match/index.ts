/** Matching: name comparison, entity scoring with explanations, algorithms, pairs, evaluation. */
export {
  BEST_ALGORITHM,
  DEFAULT_ALGORITHM,
  getAlgorithm,
  listAlgorithms,
  resolveWeights,
} from './algorithms.js';
export type { AlgorithmDefinition, FeatureDefinition, FeatureRole } from './algorithms.js';
export { alignNames, compareNames, explainAlignment, newAlignment } from './compare-names.js';
export { clearPartSimilarityMemo, memoPartSimilarity } from './part-similarity-memo.js';
export type { NameAlignment, NameComparison, PartPairExplanation, Pick } from './compare-names.js';
export { jaroWinkler, nameEditDistance, maxEdits } from './distance.js';
export {
  analyzeEntityNames,
  MAX_NAMES,
  prepareQuery,
  resolveConfig,
  schemataCompatible,
  scoreEntity,
} from './entity.js';
export type {
  AnalyzedEntity,
  AnalyzedName,
  FeatureExplanation,
  MatchEntity,
  MatchResult,
  NameProperty,
  PreparedQuery,
  ScoreConfig,
} from './entity.js';
export { bestThreshold, evaluateAt, kendallTau, scorePairs, spearman } from './evaluate.js';
export type { Evaluation, LabelledPair, ScoredPair } from './evaluate.js';
export {
  compareBirthDates,
  compareIdentifiers,
  extractFacts,
  normalizeIdentifier,
  STRONG_IDENTIFIERS,
} from './features.js';
export type { EntityFacts } from './features.js';
export { MAX_PAIR_NAME_CHARS, matchPairs } from './pairs.js';
export type { PairResult } from './pairs.js';
export { partSimilarity } from './part-similarity.js';
export type { MatchHow, PartSimilarity } from './part-similarity.js';
