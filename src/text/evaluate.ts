/**
 * Scoring an extraction against a hand-annotated gold graph (the format of the reading dev set:
 * article_N.txt, article_N.gold.json, optional equivalences.json). Entities match by a shared
 * mention string or name; relations by their endpoints (equivalence groups count as one party),
 * their type family, and their direction where the family has one. Also reported: schema and
 * link accuracy (linked_id against the gold sdn_uid), negated claims emitted as positive (must
 * be 0), and hedged / date agreement on matched relations.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Extraction } from './extraction.js';

export interface GoldEntity {
  id: string;
  name: string;
  type: string;
  mentions: string[];
  sdn_uid?: number;
}

export interface GoldRelation {
  source: string;
  target: string;
  type: string;
  domain: string;
  sentence: string;
  negated: boolean;
  hedged: boolean;
  date: string | null;
}

export interface GoldArticle {
  name: string;
  text: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
  equivalences: string[][];
}

export const FAMILIES: Record<string, string[]> = {
  control: ['ownership', 'controls', 'directorship', 'operates'],
  membership: ['membership', 'employment'],
  association: ['associate', 'allied_with'],
  kinship: ['family'],
  financial: ['pays', 'finances'],
  trade: ['supplies', 'transports', 'trades_with'],
  sanctions: ['sanctions'],
  violence: ['strikes'],
  threat: ['threatens', 'deploys'],
};
const FAMILY_OF = new Map(Object.entries(FAMILIES).flatMap(([f, ts]) => ts.map((t) => [t, f] as const)));
/** Families whose relations read the same both ways. */
const UNDIRECTED = new Set(['association', 'kinship']);

export function familyOf(type: string): string {
  return FAMILY_OF.get(type) ?? type;
}

/** Read every annotated article of a folder (none when it does not exist). */
export function loadAnnotatedSet(dir: string): GoldArticle[] {
  if (!existsSync(dir)) return [];
  const eqPath = join(dir, 'equivalences.json');
  const eq = existsSync(eqPath)
    ? (JSON.parse(readFileSync(eqPath, 'utf8')) as Record<string, string[][]>)
    : {};
  return readdirSync(dir)
    .filter((f) => /\.gold\.json$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .flatMap((f) => {
      const name = f.replace(/\.gold\.json$/, '');
      const txt = join(dir, `${name}.txt`);
      if (!existsSync(txt)) return [];
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        entities: GoldEntity[];
        relations: GoldRelation[];
      };
      return [
        {
          name,
          text: readFileSync(txt, 'utf8'),
          entities: gold.entities,
          relations: gold.relations,
          equivalences: eq[name] ?? [],
        },
      ];
    });
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ArticleScore {
  name: string;
  entities: Counts;
  relations: Counts;
  schemaCorrect: number;
  linkCorrect: number;
  linkTotal: number;
  /** Links made where gold has no sdn_uid, or to the wrong entry. */
  wrongLinks: number;
  negatedAsPositive: number;
  hedgedAgree: number;
  dateAgree: number;
  /** Matched relations whose negated flag agrees. */
  negatedAgree: number;
  errors: string[];
}

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Predicted entity index → gold entity id, one to one, by the most shared mention strings. */
export function matchEntities(pred: Extraction, gold: GoldEntity[]): Map<string, string> {
  const pairs: Array<[number, string, string]> = [];
  for (const p of pred.entities) {
    const texts = new Set(p.mentions.map((m) => m.text));
    for (const g of gold) {
      let shared = g.mentions.filter((m) => texts.has(m)).length;
      if (norm(p.name) === norm(g.name)) shared += 0.5;
      if (shared > 0) pairs.push([shared, p.id, g.id]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0]);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const [, pid, gid] of pairs) {
    if (out.has(pid) || used.has(gid)) continue;
    out.set(pid, gid);
    used.add(gid);
  }
  return out;
}

export function scoreArticle(article: GoldArticle, pred: Extraction): ArticleScore {
  const errors: string[] = [];
  const map = matchEntities(pred, article.entities);
  const goldById = new Map(article.entities.map((e) => [e.id, e]));
  const s = emptyScore(article.name, errors);
  s.entities = { tp: map.size, fp: pred.entities.length - map.size, fn: article.entities.length - map.size };
  const matchedGold = new Set(map.values());
  for (const p of pred.entities) {
    const gid = map.get(p.id);
    if (!gid) {
      errors.push(`entity FP: ${p.name} [${p.schema}] ${p.mentions.map((m) => m.text).join('|')}`);
      if (p.linked_id) s.wrongLinks++;
      continue;
    }
    const g = goldById.get(gid)!;
    if (g.type === p.schema) s.schemaCorrect++;
    else errors.push(`schema: ${p.name} ${p.schema} ≠ ${g.type}`);
    const want = g.sdn_uid !== undefined ? `us_ofac_sdn-${g.sdn_uid}` : null;
    if (want) {
      s.linkTotal++;
      if (p.linked_id === want) s.linkCorrect++;
      else errors.push(`link: ${g.name} → ${p.linked_id ?? 'none'} (want ${want})`);
    }
    if (p.linked_id && p.linked_id !== want) {
      s.wrongLinks++;
      if (!want) errors.push(`link FP: ${g.name} → ${p.linked_id}`);
    }
  }
  for (const g of article.entities)
    if (!matchedGold.has(g.id)) errors.push(`entity FN: ${g.name} [${g.type}] ${g.mentions.join('|')}`);

  // Relations: endpoints through equivalence groups.
  const group = new Map<string, string>();
  for (const eq of article.equivalences) for (const id of eq) group.set(id, eq[0]!);
  const canon = (id: string) => group.get(id) ?? id;
  const keyOf = (a: string, b: string, type: string) => {
    const f = familyOf(type);
    let [x, y] = [canon(a), canon(b)];
    if (UNDIRECTED.has(f) && x > y) [x, y] = [y, x];
    return `${x}|${y}|${f}`;
  };
  const goldKeys = new Map<string, GoldRelation>();
  for (const r of article.relations) goldKeys.set(keyOf(r.source, r.target, r.type), r);
  const found = new Set<string>();
  const seenPred = new Set<string>();
  const nameOf = (pid: string) => pred.entities.find((e) => e.id === pid)?.name ?? pid;
  for (const r of pred.relations) {
    const a = map.get(r.source);
    const b = map.get(r.target);
    const key = a && b ? keyOf(a, b, r.type) : `?${r.source}|${r.target}|${familyOf(r.type)}`;
    if (seenPred.has(key)) continue;
    seenPred.add(key);
    const g = goldKeys.get(key);
    if (!g) {
      s.relations.fp++;
      errors.push(
        `relation FP: ${nameOf(r.source)} -${r.type}${r.negated ? '(neg)' : ''}-> ${nameOf(r.target)} | ${r.sentence.slice(0, 90)}`,
      );
      continue;
    }
    found.add(key);
    s.relations.tp++;
    if (g.negated && !r.negated) s.negatedAsPositive++;
    if (g.negated === r.negated) s.negatedAgree++;
    else errors.push(`negated: ${nameOf(r.source)} -${r.type}-> ${nameOf(r.target)} got ${r.negated}`);
    if (g.hedged === r.hedged) s.hedgedAgree++;
    else errors.push(`hedged: ${nameOf(r.source)} -${r.type}-> ${nameOf(r.target)} got ${r.hedged}`);
    if (g.date === r.date) s.dateAgree++;
    else
      errors.push(`date: ${nameOf(r.source)} -${r.type}-> ${nameOf(r.target)} got ${r.date} want ${g.date}`);
  }
  for (const [key, g] of goldKeys) {
    if (found.has(key)) continue;
    s.relations.fn++;
    errors.push(
      `relation FN: ${goldById.get(g.source)?.name} -${g.type}${g.negated ? '(neg)' : ''}-> ${goldById.get(g.target)?.name} | ${g.sentence.slice(0, 90)}`,
    );
  }
  return s;
}

export function f1(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function emptyScore(name: string, errors: string[] = []): ArticleScore {
  return {
    name,
    entities: { tp: 0, fp: 0, fn: 0 },
    relations: { tp: 0, fp: 0, fn: 0 },
    schemaCorrect: 0,
    linkCorrect: 0,
    linkTotal: 0,
    wrongLinks: 0,
    negatedAsPositive: 0,
    hedgedAgree: 0,
    dateAgree: 0,
    negatedAgree: 0,
    errors,
  };
}

/** The scores of several articles added up (errors left out). */
export function sumScores(scores: ArticleScore[]): ArticleScore {
  const total = emptyScore('all');
  const add = (a: Counts, b: Counts) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
  for (const s of scores) {
    total.entities = add(total.entities, s.entities);
    total.relations = add(total.relations, s.relations);
    for (const k of [
      'schemaCorrect',
      'linkCorrect',
      'linkTotal',
      'wrongLinks',
      'negatedAsPositive',
      'hedgedAgree',
      'dateAgree',
      'negatedAgree',
    ] as const)
      total[k] += s[k];
  }
  return total;
}
