/**
 * Entity scoring: a query-by-example (`{schema, properties}`, like a yente /match query) against a
 * candidate entity, with per-feature explanations.
 *
 * For screening, analyse each list entity once with `analyzeEntityNames` (keep the result in the
 * index) and each query once with `prepareQuery`; `scoreEntity` accepts raw entities too, at the
 * cost of analysing them per call. Part comparisons are memoised across calls
 * (part-similarity-memo.ts).
 */
import { model } from '../model/model.js';
import {
  completeAnalysis,
  kindForSchema,
  sameTokens,
  tokenizeForAnalysis,
  type TokenizedName,
  type NameAnalysis,
  type NameHints,
  type NameJoin,
  type NameKind,
  type NamePart,
} from '../names/analyze.js';
import { normalizeName } from '../names/normalize.js';
import { type AlgorithmDefinition, DEFAULT_ALGORITHM, getAlgorithm, resolveWeights } from './algorithms.js';
import {
  alignNames,
  explainAlignment,
  type NameAlignment,
  newAlignment,
  type PartPairExplanation,
} from './compare-names.js';
import { memoPartSimilarity } from './part-similarity-memo.js';
import { jaroWinkler } from './distance.js';
import {
  compareBirthDates,
  compareIdentifiers,
  type EntityFacts,
  extractFacts,
  setsDisjoint,
} from './features.js';

/** An entity as FtM-style JSON: the shape of a yente query and of list entities. */
export interface MatchEntity {
  id?: string;
  schema: string;
  properties: Readonly<Record<string, readonly string[]>>;
}

export type NameProperty = 'name' | 'alias' | 'previousName' | 'weakAlias' | 'parts';

export interface AnalyzedName {
  readonly value: string;
  readonly prop: NameProperty;
  readonly weak: boolean;
  readonly analysis: NameAnalysis;
}

const sortedWords = new WeakMap<AnalyzedName, string>();

/** Sorted normalised words of a name, for the Jaro-Winkler baseline (computed on first use). */
function sortedOf(n: AnalyzedName): string {
  let s = sortedWords.get(n);
  if (s === undefined) {
    s = normalizeName(n.value).split(' ').sort().join(' ');
    sortedWords.set(n, s);
  }
  return s;
}

/** Everything the scorer needs from an entity, computed once. */
export interface AnalyzedEntity {
  readonly kind: 'analyzed';
  readonly id: string | undefined;
  readonly schema: string;
  readonly nameKind: NameKind;
  readonly names: readonly AnalyzedName[];
  readonly facts: EntityFacts;
  /** Distinct parts, joins and acronyms over all names: a quick test before aligning each name. */
  readonly summary: NameSummary;
}

interface NameSummary {
  parts: readonly NamePart[];
  joins: readonly NameJoin[];
  acronyms: { has(acronym: string): boolean; readonly size: number };
  foreign: boolean;
  arabic: boolean;
}

/** Whether no two items are the same (the few parts or joins of one name: pairwise). */
function allDistinct<T>(items: readonly T[], same: (a: T, b: T) => boolean): boolean {
  for (let i = 1; i < items.length; i++)
    for (let j = 0; j < i; j++) if (same(items[i]!, items[j]!)) return false;
  return true;
}

function summarize(names: readonly AnalyzedName[]): NameSummary {
  if (names.length === 1) {
    // One name (most entities): its own arrays serve, unless a part repeats.
    const a = names[0]!.analysis;
    if (
      allDistinct(a.parts, (x, y) => x.keyId === y.keyId) &&
      allDistinct(a.joins, (x, y) => x.text === y.text)
    ) {
      return {
        parts: a.parts,
        joins: a.joins,
        acronyms: a.acronyms,
        foreign: a.foreignParts || a.foreignJoins,
        arabic: a.arabic,
      };
    }
  }
  const parts: NamePart[] = [];
  const seenParts = new Set<number>();
  const joins: NameJoin[] = [];
  const seenJoins = new Set<string>();
  const acronyms = new Set<string>();
  let foreign = false;
  let arabic = false;
  for (const n of names) {
    if (n.analysis.arabic) arabic = true;
    for (const p of n.analysis.parts) {
      if (!seenParts.has(p.keyId)) {
        seenParts.add(p.keyId);
        parts.push(p);
      }
    }
    for (const j of n.analysis.joins) {
      if (!seenJoins.has(j.text)) {
        seenJoins.add(j.text);
        joins.push(j);
      }
    }
    for (const a of n.analysis.acronyms.keys()) acronyms.add(a);
    if (n.analysis.foreignParts || n.analysis.foreignJoins) foreign = true;
  }
  return { parts, joins, acronyms, foreign, arabic };
}

/**
 * Whether any name of the candidate can share anything with a query name: a part similar enough,
 * a run-together spelling or an acronym. When not, every name scores 0 and alignment is skipped.
 */
function mayMatch(q: NameAnalysis, s: NameSummary): boolean {
  if (s.foreign || q.foreignParts || q.foreignJoins) return true;
  const qp = q.parts;
  // The Arabic relaxation only ever raises similarities, so testing with it is safe.
  const arabic = q.arabic || s.arabic;
  for (const a of qp) {
    for (const p of s.parts) if (memoPartSimilarity(a, p, arabic).score >= 0.5) return true;
  }
  for (const j of s.joins) {
    for (const p of qp) if (j.text === p.text || j.collapsed === p.collapsed) return true;
  }
  for (const j of q.joins) {
    for (const p of s.parts) if (j.text === p.text || j.collapsed === p.collapsed) return true;
  }
  if (s.acronyms.size > 0) for (const p of qp) if (s.acronyms.has(p.text)) return true;
  if (q.acronyms.size > 0) for (const p of s.parts) if (q.acronyms.has(p.text)) return true;
  return false;
}

/** A query ready for screening many candidates: its analysis, made once. */
export type PreparedQuery = AnalyzedEntity;

/** At most this many names per entity are compared (OFAC entries rarely have more than 40). */
export const MAX_NAMES = 64;

const NAME_PROPS: readonly NameProperty[] = ['name', 'alias', 'previousName', 'weakAlias'];

const NOT_BLANK = /\S/;

function firstValues(props: Readonly<Record<string, readonly string[]>>, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const k of keys) for (const v of props[k] ?? []) if (NOT_BLANK.test(v)) out.push(v);
  return out;
}

/** A name "A / B" lists two names: compare each as well as the whole. */
function slashAlternatives(value: string): string[] {
  if (!value.includes('/')) return [];
  const pieces = value.split('/').map((s) => s.trim());
  if (pieces.length < 2 || pieces.some((p) => (p.match(/\p{L}/gu)?.length ?? 0) < 3)) return [];
  return pieces;
}

/** Analyse the names (and facts) of an entity once, for the index to keep. */
export function analyzeEntityNames(entity: MatchEntity): AnalyzedEntity {
  const kind = kindForSchema(entity.schema);
  const props = entity.properties ?? {};
  const hints: NameHints | undefined =
    kind === 'person'
      ? {
          given: firstValues(props, 'firstName', 'secondName'),
          middle: firstValues(props, 'middleName'),
          patronymic: firstValues(props, 'fatherName'),
          family: firstValues(props, 'lastName'),
        }
      : undefined;
  const hasHints = hints !== undefined && Object.values(hints).some((v: string[]) => v.length > 0);
  const names: AnalyzedName[] = [];
  const seenStrong = new Set<string>();
  const seenWeak = new Set<string>();
  const kept: TokenizedName[] = [];
  const add = (value: string, prop: NameProperty, nameHints = hasHints ? hints : undefined): void => {
    if (names.length >= MAX_NAMES) return;
    const weak = prop === 'weakAlias';
    const seen = weak ? seenWeak : seenStrong;
    if (seen.has(value)) return;
    seen.add(value);
    const tokens = tokenizeForAnalysis(value, kind, nameHints);
    // Spellings that analyse to the same thing ("KIM, Jong Un" / "Kim Jong-un") compare the same.
    for (let i = 0; i < kept.length; i++) if (names[i]!.weak === weak && sameTokens(kept[i]!, tokens)) return;
    kept.push(tokens);
    names.push({ value, prop, weak, analysis: completeAnalysis(tokens) });
  };
  for (const prop of NAME_PROPS) {
    for (const value of props[prop] ?? []) {
      if (!value || !NOT_BLANK.test(value)) continue;
      add(value, prop);
      if (value.includes('/')) for (const alt of slashAlternatives(value)) add(alt, prop);
    }
  }
  if (hasHints && hints) {
    // The structured parts make a name of their own (some entities have no `name` at all).
    const text = [...hints.given!, ...hints.middle!, ...hints.patronymic!, ...hints.family!].join(' ');
    if (text.trim()) add(text, 'parts', hints);
  }
  return {
    kind: 'analyzed',
    id: entity.id,
    schema: entity.schema,
    nameKind: kind,
    names,
    facts: extractFacts(entity.schema, props),
    summary: summarize(names),
  };
}

/** Analyse a query once, for scoring against many candidates. */
export function prepareQuery(query: MatchEntity | AnalyzedEntity): PreparedQuery {
  return isAnalyzed(query) ? query : analyzeEntityNames(query);
}

function isAnalyzed(x: MatchEntity | AnalyzedEntity): x is AnalyzedEntity {
  return (x as AnalyzedEntity).kind === 'analyzed';
}

/**
 * A qualifier for values both sides state that share nothing (countries, genders): its weight to
 * add to the score (0 when it does not apply), explained through `explain` when asked.
 */
function mismatch(
  weight: number,
  label: string,
  qs: ReadonlySet<string>,
  cs: ReadonlySet<string>,
  explain: ((e: FeatureExplanation) => void) | undefined,
): number {
  if (!weight || !setsDisjoint(qs, cs)) return 0;
  if (explain) {
    const query = [...qs].join(', ');
    const candidate = [...cs].join(', ');
    explain({ score: 1, weight, detail: `${label} ${query} vs ${candidate}`, query, candidate });
  }
  return weight;
}

/** Whether a query of one schema may match a candidate of another (Person never matches Company). */
export function schemataCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (!model.has(a) || !model.has(b)) return false;
  return model.commonSchema(a, b) !== undefined;
}

export interface FeatureExplanation {
  /** Feature value in [0, 1] before weighting. */
  score: number;
  weight: number;
  detail: string;
  query?: string;
  candidate?: string;
  /** For name features: which query parts matched which candidate parts, and how. */
  pairs?: PartPairExplanation[];
}

export interface MatchResult {
  score: number;
  match: boolean;
  threshold: number;
  algorithm: string;
  explanations: Record<string, FeatureExplanation>;
}

export interface ScoreConfig {
  /** tangle-v1 (default, also "best"/"default"), name-only, jaro-winkler. */
  algorithm?: string;
  /** Per-feature weight overrides. */
  weights?: Readonly<Record<string, number>>;
  /** Match threshold; the algorithm's default when absent. */
  threshold?: number;
  /** Build explanations (default true); screening can skip them for candidates below threshold. */
  explain?: boolean;
}

export interface ResolvedConfig {
  algo: AlgorithmDefinition;
  weights: Record<string, number>;
  threshold: number;
  explain: boolean;
}

const resolvedCache = new Map<string, ResolvedConfig>();

let lastConfig: ScoreConfig | undefined;
let lastResolved: ResolvedConfig | undefined;
let defaultQuiet: ResolvedConfig | undefined;
let defaultExplained: ResolvedConfig | undefined;

/** Validate and resolve a config (throws UsageError on unknown algorithm or feature). */
export function resolveConfig(config: ScoreConfig = {}): ResolvedConfig {
  if (config === lastConfig && lastResolved) return lastResolved;
  if (config.algorithm === undefined && config.weights === undefined && config.threshold === undefined) {
    // The common case (defaults), whatever object carries it.
    const hit = config.explain === false ? defaultQuiet : defaultExplained;
    if (hit) return hit;
  }
  const resolved = resolveConfigUncached(config);
  lastConfig = config;
  lastResolved = resolved;
  if (config.algorithm === undefined && config.weights === undefined && config.threshold === undefined) {
    if (config.explain === false) defaultQuiet = resolved;
    else defaultExplained = resolved;
  }
  return resolved;
}

function resolveConfigUncached(config: ScoreConfig): ResolvedConfig {
  const simple = !config.weights && config.threshold === undefined;
  const key = `${config.algorithm ?? DEFAULT_ALGORITHM}|${config.explain !== false}`;
  if (simple) {
    const hit = resolvedCache.get(key);
    if (hit) return hit;
  }
  const algo = getAlgorithm(config.algorithm ?? DEFAULT_ALGORITHM);
  const threshold = config.threshold ?? algo.threshold;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new RangeError('threshold must be between 0 and 1');
  }
  const resolved = {
    algo,
    weights: resolveWeights(algo, config.weights),
    threshold,
    explain: config.explain !== false,
  };
  if (simple) resolvedCache.set(key, resolved);
  return resolved;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function describeName(
  q: AnalyzedName,
  c: AnalyzedName,
  a: NameAlignment,
): FeatureExplanation & { score: number } {
  const ex = explainAlignment(
    q.analysis,
    c.analysis,
    a.picks.length > 0 || a.score === 0 ? a : alignNames(q.analysis, c.analysis, true),
  );
  const how = ex.pairs.map((p) =>
    p.query === p.candidate ? `${p.query} (${p.how})` : `${p.query} ~ ${p.candidate} (${p.how} ${p.score})`,
  );
  const bits = [`${how.join(', ') || 'no parts matched'}`];
  if (ex.unmatchedQuery.length) bits.push(`not in candidate: ${ex.unmatchedQuery.join(' ')}`);
  if (ex.unmatchedCandidate.length) bits.push(`not in query: ${ex.unmatchedCandidate.join(' ')}`);
  bits.push(...ex.notes);
  const via = c.prop === 'name' || c.prop === 'parts' ? '' : ` (candidate ${c.prop})`;
  return {
    score: round(a.score),
    weight: 0,
    detail: `"${q.value}" ~ "${c.value}"${via}: ${bits.join('; ')}`,
    query: q.value,
    candidate: c.value,
    pairs: ex.pairs,
  };
}

function scoreJaroWinkler(
  q: AnalyzedEntity,
  c: AnalyzedEntity,
  cfg: ResolvedConfig,
  explanations: Record<string, FeatureExplanation> | undefined,
): number {
  let best = 0;
  let bq = '';
  let bc = '';
  for (const qn of q.names) {
    for (const cn of c.names) {
      const s = jaroWinkler(sortedOf(qn), sortedOf(cn));
      if (s > best) {
        best = s;
        bq = qn.value;
        bc = cn.value;
      }
    }
  }
  const w = cfg.weights.name_jaro_winkler!;
  if (explanations) {
    explanations.name_jaro_winkler = {
      score: round(best),
      weight: w,
      detail: `Jaro-Winkler of sorted normalised names`,
      query: bq,
      candidate: bc,
    };
  }
  return round(Math.max(0, Math.min(1, best * w)));
}

/**
 * Score a candidate against a query. Both may be raw entities or analysed ones; analyse the query
 * once (prepareQuery) when scoring it against many candidates.
 */
export function scoreEntity(
  query: MatchEntity | AnalyzedEntity,
  candidate: MatchEntity | AnalyzedEntity,
  config?: ScoreConfig,
): MatchResult {
  const cfg = resolveConfig(config);
  const explanations: Record<string, FeatureExplanation> = {};
  const score = scoreAnalyzed(
    prepareQuery(query),
    isAnalyzed(candidate) ? candidate : analyzeEntityNames(candidate),
    cfg,
    cfg.explain ? explanations : undefined,
  );
  return {
    score,
    match: score >= cfg.threshold,
    threshold: cfg.threshold,
    algorithm: cfg.algo.name,
    explanations,
  };
}

/** Candidates with at least this many names get the quick mayMatch test before alignment. */
const MAY_MATCH_NAMES = 3;

/** Two alignment records the name loop of scoreAnalyzed alternates between: it allocates none. */
let keptAlignment = newAlignment();
let spareAlignment = newAlignment();
const NO_ALIGNMENT: NameAlignment = Object.freeze(newAlignment());

/**
 * The score of an analysed candidate against an analysed query, with the features' explanations
 * written into `explanations` when given. Screening scores hundreds of candidates this way and
 * explains only the few it shows.
 */
export function scoreAnalyzed(
  q: AnalyzedEntity,
  c: AnalyzedEntity,
  cfg: ResolvedConfig,
  explanations?: Record<string, FeatureExplanation>,
): number {
  const w = cfg.weights;
  if (!schemataCompatible(q.schema, c.schema)) {
    if (explanations)
      explanations.schema_mismatch = { score: 1, weight: 0, detail: `a ${q.schema} cannot be a ${c.schema}` };
    return 0;
  }
  if (cfg.algo.name === 'jaro-winkler') return scoreJaroWinkler(q, c, cfg, explanations);

  // Names: best strong and best weak alignment, counting the name-level penalties.
  const wName = w.name_match ?? 0;
  const wWeak = w.weak_alias_match ?? 0;
  const wNum = w.number_mismatch ?? 0;
  const wLegal = w.legal_form_mismatch ?? 0;
  let best: NameAlignment | undefined;
  let bestQi = 0;
  let bestCi = 0;
  let bestValue = 0;
  for (let qi = 0; qi < q.names.length; qi++) {
    const qn = q.names[qi]!;
    // The quick test costs about one alignment: worth it only for candidates with several names.
    if (c.names.length >= MAY_MATCH_NAMES && !mayMatch(qn.analysis, c.summary)) {
      if (!best && c.names.length > 0) {
        best = NO_ALIGNMENT;
        bestQi = qi;
        bestCi = 0;
        bestValue = 0;
      }
      continue;
    }
    for (let ci = 0; ci < c.names.length; ci++) {
      const cn = c.names[ci]!;
      const a = alignNames(qn.analysis, cn.analysis, false, spareAlignment);
      const base = a.score * (cn.weak ? wWeak : wName);
      if (base <= 0 && best) continue;
      const value = base + (a.numbersAgree === false ? wNum : 0) + (a.legalFormsCompatible ? 0 : wLegal);
      if (!best || value > bestValue) {
        best = a;
        bestQi = qi;
        bestCi = ci;
        bestValue = value;
        // Keep this record; the next alignment goes into the other one.
        spareAlignment = keptAlignment;
        keptAlignment = a;
      }
    }
  }

  let main = 0;
  let mainFeature = '';
  let nameQualifiers = 0;
  if (best) {
    const qn = q.names[bestQi]!;
    const cn = c.names[bestCi]!;
    const feature = cn.weak ? 'weak_alias_match' : 'name_match';
    const weight = cn.weak ? wWeak : wName;
    main = best.score * weight;
    mainFeature = feature;
    if (explanations) explanations[feature] = { ...describeName(qn, cn, best), weight };
    if (best.numbersAgree === false && wNum !== 0) {
      nameQualifiers += wNum;
      if (explanations) {
        explanations.number_mismatch = {
          score: 1,
          weight: wNum,
          detail: `numbers differ: [${qn.analysis.numbers.join(', ')}] vs [${cn.analysis.numbers.join(', ')}]`,
          query: qn.value,
          candidate: cn.value,
        };
      }
    }
    if (!best.legalFormsCompatible && wLegal !== 0) {
      nameQualifiers += wLegal;
      if (explanations) {
        const forms = (a: NameAnalysis) => a.legalForms.map((f) => f.canonical).join(', ');
        explanations.legal_form_mismatch = {
          score: 1,
          weight: wLegal,
          detail: `legal forms differ: ${forms(qn.analysis)} vs ${forms(cn.analysis)}`,
          query: qn.value,
          candidate: cn.value,
        };
      }
    }
  } else if (explanations) {
    explanations.name_match = { score: 0, weight: wName, detail: 'no names to compare' };
  }

  // Identifiers.
  let qualifiers = 0;
  if (
    (q.facts.anyIds.size > 0 || q.facts.strongIds.size > 0) &&
    ('identifier_match' in w || 'identifier_generic_match' in w || 'identifier_mismatch' in w)
  ) {
    const ids = compareIdentifiers(q.facts, c.facts);
    if (ids.strong && w.identifier_match) {
      const v = w.identifier_match;
      if (explanations)
        explanations.identifier_match = {
          score: 1,
          weight: v,
          detail: `${ids.strong.kind} ${ids.strong.value} agrees`,
          query: ids.strong.value,
          candidate: ids.strong.value,
        };
      if (v > main) {
        main = v;
        mainFeature = 'identifier_match';
      }
    } else if (ids.generic && w.identifier_generic_match) {
      const v = w.identifier_generic_match;
      if (explanations)
        explanations.identifier_generic_match = {
          score: 1,
          weight: v,
          detail: `identifier ${ids.generic} agrees`,
          query: ids.generic,
          candidate: ids.generic,
        };
      if (v > main) {
        main = v;
        mainFeature = 'identifier_generic_match';
      }
    }
    if (ids.conflict && w.identifier_mismatch) {
      qualifiers += w.identifier_mismatch;
      if (explanations) {
        explanations.identifier_mismatch = {
          score: 1,
          weight: w.identifier_mismatch,
          detail: `${ids.conflict.kind} differs: ${ids.conflict.query.join(', ')} vs ${ids.conflict.candidate.join(', ')}`,
          query: ids.conflict.query.join(', '),
          candidate: ids.conflict.candidate.join(', '),
        };
      }
    }
  }
  // Name-level penalties only qualify a name-based score.
  if (mainFeature === 'name_match' || mainFeature === 'weak_alias_match') qualifiers += nameQualifiers;

  if (
    q.facts.birthDates.length > 0 &&
    c.facts.birthDates.length > 0 &&
    ('dob_year_disjoint' in w || 'dob_day_disjoint' in w)
  ) {
    const d = compareBirthDates(q.facts.birthDates, c.facts.birthDates);
    const detail = `birth dates ${q.facts.birthDates.join(', ')} vs ${c.facts.birthDates.join(', ')}`;
    if (d.yearDisjoint && w.dob_year_disjoint) {
      qualifiers += w.dob_year_disjoint;
      if (explanations)
        explanations.dob_year_disjoint = {
          score: 1,
          weight: w.dob_year_disjoint,
          detail,
          query: q.facts.birthDates.join(', '),
          candidate: c.facts.birthDates.join(', '),
        };
    }
    if (d.dayDisjoint && w.dob_day_disjoint) {
      qualifiers += w.dob_day_disjoint;
      if (explanations)
        explanations.dob_day_disjoint = {
          score: 1,
          weight: w.dob_day_disjoint,
          detail,
          query: q.facts.birthDates.join(', '),
          candidate: c.facts.birthDates.join(', '),
        };
    }
  }
  qualifiers += mismatch(
    w.country_mismatch,
    'countries',
    q.facts.countries,
    c.facts.countries,
    explanations ? (e) => (explanations.country_mismatch = e) : undefined,
  );
  qualifiers += mismatch(
    w.gender_mismatch,
    'gender',
    q.facts.genders,
    c.facts.genders,
    explanations ? (e) => (explanations.gender_mismatch = e) : undefined,
  );
  const score = main > 0 ? main + qualifiers : 0;
  return round(score < 0 ? 0 : score > 1 ? 1 : score);
}
