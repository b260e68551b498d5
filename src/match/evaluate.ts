/**
 * Accuracy measures for the matcher: precision/recall/F1 at a threshold on labelled pairs, the
 * threshold that maximises F1, and rank agreement (Spearman, Kendall tau-b) with a reference
 * scorer such as OFAC's search tool.
 */
import { type MatchEntity, prepareQuery, scoreEntity, type ScoreConfig } from './entity.js';

export interface LabelledPair {
  schema: string;
  query: MatchEntity;
  candidate: MatchEntity;
  match: boolean;
  label?: string;
}

export interface ScoredPair {
  pair: LabelledPair;
  score: number;
}

export interface Evaluation {
  threshold: number;
  total: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Pairs judged wrongly at the threshold (false positives and false negatives). */
  errors: ScoredPair[];
}

/** Score every labelled pair with an algorithm configuration. */
export function scorePairs(pairs: readonly LabelledPair[], config?: ScoreConfig): ScoredPair[] {
  return pairs.map((pair) => ({
    pair,
    score: scoreEntity(prepareQuery(pair.query), pair.candidate, { ...config, explain: false }).score,
  }));
}

/** Confusion counts and precision/recall/F1 at a threshold. */
export function evaluateAt(scored: readonly ScoredPair[], threshold: number): Evaluation {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  const errors: ScoredPair[] = [];
  for (const s of scored) {
    const predicted = s.score >= threshold;
    if (predicted && s.pair.match) tp++;
    else if (predicted) {
      fp++;
      errors.push(s);
    } else if (s.pair.match) {
      fn++;
      errors.push(s);
    } else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    threshold,
    total: scored.length,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    precision,
    recall,
    f1,
    accuracy: scored.length === 0 ? 1 : (tp + tn) / scored.length,
    errors,
  };
}

/** The threshold (among the observed scores) with the best F1. */
export function bestThreshold(scored: readonly ScoredPair[]): Evaluation {
  const candidates = [...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  let best = evaluateAt(scored, 1.01);
  for (const t of candidates) {
    const e = evaluateAt(scored, t);
    if (e.f1 > best.f1) best = e;
  }
  return best;
}

function ranks(values: readonly number[]): number[] {
  const idx = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length);
  let k = 0;
  while (k < idx.length) {
    let j = k;
    while (j + 1 < idx.length && idx[j + 1]!.v === idx[k]!.v) j++;
    const avg = (k + j) / 2 + 1;
    for (let m = k; m <= j; m++) out[idx[m]!.i] = avg;
    k = j + 1;
  }
  return out;
}

/** Spearman rank correlation (Pearson on average ranks, so ties are handled). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError('spearman: lengths differ');
  const n = a.length;
  if (n < 2) return 0;
  const ra = ranks(a);
  const rb = ranks(b);
  const ma = ra.reduce((s, x) => s + x, 0) / n;
  const mb = rb.reduce((s, x) => s + x, 0) / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    const da = ra[i]! - ma;
    const db = rb[i]! - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va === 0 || vb === 0 ? 0 : cov / Math.sqrt(va * vb);
}

/** Kendall's tau-b (accounts for ties on either side). */
export function kendallTau(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError('kendallTau: lengths differ');
  const n = a.length;
  let concordant = 0;
  let discordant = 0;
  let tiesA = 0;
  let tiesB = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const da = Math.sign(a[i]! - a[j]!);
      const db = Math.sign(b[i]! - b[j]!);
      if (da === 0 && db === 0) continue;
      if (da === 0) tiesA++;
      else if (db === 0) tiesB++;
      else if (da === db) concordant++;
      else discordant++;
    }
  }
  const denom = Math.sqrt((concordant + discordant + tiesA) * (concordant + discordant + tiesB));
  return denom === 0 ? 0 : (concordant - discordant) / denom;
}
