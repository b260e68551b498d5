/**
 * Cross-referencing: candidate pairs of entities that may be one party, across datasets (and within
 * one, when asked), with score, explanation and what is already decided about them.
 *
 * Each entity of the smaller side is screened against the matcher's index restricted to the other
 * side, excluding itself; pairs at or above the threshold are kept, and pairs found from both
 * sides are kept once with the better score. Entities that share a strong identifier (see
 * identifiers.ts) are paired as well, whatever the index ranked, so that no identifier match is
 * lost to a crowded name. A pair judged `different` (or whose clusters hold a pair judged so) is
 * never proposed again.
 */
import type { CandidateIndex } from '../match/candidate-index.js';
import { isScreenable } from '../match/candidate-index.js';
import { scoreEntity, type FeatureExplanation } from '../match/entity.js';
import type { EntityRecord } from '../store/store.js';
import type { Decision } from './judgements.js';
import { pairString } from './judgements.js';
import { sharedStrongIds, strongIdKeys, type StrongId } from './identifiers.js';
import type { Resolver } from './resolver.js';

/** The default proposal threshold: the matcher's own match threshold. */
export const XREF_THRESHOLD = 0.7;
/**
 * A shared strong identifier merges automatically when the names score at least this (either way
 * round): the identifier carries the proof, the name guards against a number mistyped onto the
 * wrong entry. Lists order and tag name parts differently ("NASER MALEKI" / "MALEKI, Naser" reads
 * as swapped given and family names), so the bar is below the matcher's strict name scores.
 */
export const AUTO_MERGE_NAME_SCORE = 0.75;
/** Candidates per screened entity. */
const PER_ENTITY = 10;
/**
 * A pair has no query side, but the matcher's score has one (a word only the query has costs more
 * than one only the candidate has). Hits this far below the threshold are scored the other way
 * round too, and the better score counts, as `tangle match-pairs` does.
 */
const REVERSE_MARGIN = 0.3;

export interface XrefOptions {
  /** Left side: entities of these datasets (default: all, or all but `against`). */
  datasets?: readonly string[];
  /** Right side: entities of these datasets (default: all). */
  against?: readonly string[];
  threshold?: number;
  /** Also pairs within one dataset. */
  within?: boolean;
  /** Also pairs already judged different. */
  includeDifferent?: boolean;
}

export interface XrefPair {
  left: EntityRecord;
  right: EntityRecord;
  score: number;
  explanations: Record<string, FeatureExplanation>;
  sharedIds: StrongId[];
  /** A strong identifier agrees and the names match: the pair may be merged without a person. */
  auto: boolean;
  decision: Decision | null;
}

export interface XrefRun {
  pairs: XrefPair[];
  /** Entities screened against the other side. */
  screened: number;
  seconds: number;
}

const datasetOf = (e: EntityRecord) => e.datasets[0] ?? '';

/** How far a run has come: entities screened of those to screen. */
export interface XrefProgress {
  done: number;
  total: number;
}

/**
 * Pairs among `records` (the store's current entities) using `index` (built from the same
 * records). `resolver` supplies decisions; without one every pair is a proposal.
 */
export function crossReference(
  index: CandidateIndex,
  records: readonly EntityRecord[],
  options: XrefOptions = {},
  resolver?: Resolver,
): XrefRun {
  const steps = crossReferenceSteps(index, records, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return withJudgements(step.value, options, resolver);
}

/**
 * The same run in slices of about `sliceMs` of work, letting the event loop answer other
 * requests between them (a server pairs its whole store in seconds). Judgements are not applied:
 * they change more often than the lists, so callers keep the run and apply them when asked.
 */
export async function crossReferenceInSlices(
  index: CandidateIndex,
  records: readonly EntityRecord[],
  options: XrefOptions = {},
  onProgress: (p: XrefProgress) => void = () => {},
  sliceMs = 20,
): Promise<XrefRun> {
  const steps = crossReferenceSteps(index, records, options);
  let step = steps.next();
  let sliceStart = performance.now();
  while (!step.done) {
    if (performance.now() - sliceStart >= sliceMs) {
      onProgress(step.value);
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    step = steps.next();
  }
  return step.value;
}

/** Decisions on the pairs of a run, as the resolver has them now; judged-apart pairs left out. */
export function withJudgements(run: XrefRun, options: XrefOptions = {}, resolver?: Resolver): XrefRun {
  const pairs: XrefPair[] = [];
  for (const raw of run.pairs) {
    const p = { ...raw, decision: null as Decision | null };
    if (resolver) {
      p.decision = resolver.decision(p.left.id, p.right.id);
      if (
        !options.includeDifferent &&
        (p.decision === 'different' || resolver.judgedApart(p.left.id, p.right.id))
      )
        continue;
    }
    pairs.push(p);
  }
  return { ...run, pairs };
}

/**
 * The run itself, one screened entity per step; returns the pairs without decisions. Callers
 * decide how to drive it: all at once, in slices on the event loop, or in a worker thread.
 */
export function* crossReferenceSteps(
  index: CandidateIndex,
  records: readonly EntityRecord[],
  options: XrefOptions = {},
): Generator<XrefProgress, XrefRun> {
  const t0 = performance.now();
  const threshold = options.threshold ?? XREF_THRESHOLD;
  const screenable = records.filter((r) => isScreenable(r.schema));
  const all = [...new Set(screenable.map(datasetOf))].sort();
  // `--against B` alone pairs every other dataset with B.
  const others = options.against?.length ? all.filter((d) => !options.against!.includes(d)) : all;
  const sideA = new Set(options.datasets?.length ? options.datasets : options.within ? all : others);
  const sideB = new Set(options.against?.length ? options.against : all);
  const inSide = (e: EntityRecord, side: ReadonlySet<string>) => e.datasets.some((d) => side.has(d));
  const allowed = (x: EntityRecord, y: EntityRecord) =>
    x.id !== y.id &&
    (options.within || datasetOf(x) !== datasetOf(y)) &&
    ((inSide(x, sideA) && inSide(y, sideB)) || (inSide(y, sideA) && inSide(x, sideB)));

  // Screen the smaller side against the other. With no sides given and pairs across datasets only,
  // the largest dataset need not be screened: each of its pairs has its other end elsewhere.
  const countA = screenable.filter((e) => inSide(e, sideA)).length;
  const countB = screenable.filter((e) => inSide(e, sideB)).length;
  const [query, target] = countA <= countB ? [sideA, sideB] : [sideB, sideA];
  let skip: string | undefined;
  if (!options.within && !options.datasets?.length && !options.against?.length) {
    const sizes = new Map<string, number>();
    for (const e of screenable) sizes.set(datasetOf(e), (sizes.get(datasetOf(e)) ?? 0) + 1);
    skip = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  const found = new Map<string, XrefPair>();
  const orient = (x: EntityRecord, y: EntityRecord): [EntityRecord, EntityRecord] => {
    if (options.datasets?.length) {
      if (inSide(x, sideA) !== inSide(y, sideA)) return inSide(x, sideA) ? [x, y] : [y, x];
    } else if (options.against?.length && inSide(x, sideB) !== inSide(y, sideB)) {
      return inSide(y, sideB) ? [x, y] : [y, x];
    }
    const kx = `${datasetOf(x)}\u0000${x.id}`;
    const ky = `${datasetOf(y)}\u0000${y.id}`;
    return kx <= ky ? [x, y] : [y, x];
  };
  const keys = new Map<string, Set<string>>();
  const idKeys = (e: EntityRecord) => {
    let k = keys.get(e.id);
    if (!k) keys.set(e.id, (k = strongIdKeys(e.properties)));
    return k;
  };
  const offer = (x: EntityRecord, y: EntityRecord, score: number, explanations: XrefPair['explanations']) => {
    const key = pairString(x.id, y.id);
    const seen = found.get(key);
    if (seen && seen.score >= score) return;
    const [left, right] = orient(x, y);
    found.set(key, {
      left,
      right,
      score,
      explanations,
      sharedIds: sharedStrongIds(idKeys(left), idKeys(right)),
      auto: false,
      decision: null,
    });
  };

  let screened = 0;
  const targetList = [...target];
  const total = screenable.filter((e) => inSide(e, query) && datasetOf(e) !== skip).length;
  for (const e of screenable) {
    if (!inSide(e, query) || datasetOf(e) === skip) continue;
    screened++;
    yield { done: screened, total };
    const outcome = index.screen(
      { id: e.id, schema: e.schema, properties: e.properties },
      {
        threshold: Math.max(0, threshold - REVERSE_MARGIN),
        limit: PER_ENTITY,
        includeDatasets: targetList,
        excludeDatasets: options.within ? undefined : [datasetOf(e)],
        excludeIds: [e.id],
      },
    );
    for (const hit of outcome.hits) {
      if (!allowed(e, hit.entity)) continue;
      let { score, explanations } = hit.result;
      if (score < threshold) {
        const back = scoreEntity(hit.entity, e, { threshold });
        if (back.score > score) ({ score, explanations } = back);
      }
      if (score >= threshold) offer(e, hit.entity, score, explanations);
    }
  }

  // Pairs through a shared strong identifier, whatever the index ranked.
  const byKey = new Map<string, EntityRecord[]>();
  for (const e of screenable) {
    for (const k of idKeys(e)) {
      let list = byKey.get(k);
      if (!list) byKey.set(k, (list = []));
      list.push(e);
    }
  }
  for (const group of byKey.values()) {
    if (group.length < 2 || group.length > 20) continue; // a value many entries share is no identifier
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [x, y] = [group[i], group[j]];
        if (!allowed(x, y) || found.has(pairString(x.id, y.id))) continue;
        const result = scoreEntity(x, y, { threshold });
        if (result.score >= threshold) offer(x, y, result.score, result.explanations);
      }
    }
  }

  const pairs: XrefPair[] = [];
  for (const p of found.values()) {
    p.auto = p.sharedIds.length > 0 && isAutoMerge(p);
    pairs.push(p);
  }
  pairs.sort((a, b) => b.score - a.score || (a.left.id < b.left.id ? -1 : a.left.id > b.left.id ? 1 : 0));
  return { pairs, screened, seconds: (performance.now() - t0) / 1000 };
}

/** The automatic rule, given a shared identifier: names match well and nothing disagrees. */
function isAutoMerge(p: XrefPair): boolean {
  const ex = p.explanations;
  if (ex.dob_day_disjoint || ex.dob_year_disjoint || ex.identifier_mismatch || ex.gender_mismatch)
    return false;
  const config = { algorithm: 'name-only', explain: false };
  return (
    scoreEntity(p.left, p.right, config).score >= AUTO_MERGE_NAME_SCORE ||
    scoreEntity(p.right, p.left, config).score >= AUTO_MERGE_NAME_SCORE
  );
}

/** One side of a pair as `tangle xref --json` prints it: the lists' own ids as in `tangle screen`. */
export function pairSideJson(e: EntityRecord) {
  return { id: e.id, dataset: datasetOf(e), caption: e.caption, source_ids: e.recordIds, schema: e.schema };
}

export function pairJson(p: XrefPair) {
  return {
    left: pairSideJson(p.left),
    right: pairSideJson(p.right),
    score: p.score,
    decision: p.decision,
    auto: p.auto,
    shared_ids: p.sharedIds,
    explanations: p.explanations,
  };
}
