/**
 * OpenRefine reconciliation: the W3C Entity Reconciliation community group's Reconciliation
 * Service API, version 0.2 — service manifest, batched queries with type and property
 * constraints, entity/type/property suggest and an HTML preview — answered by the matcher.
 *
 * A reconciliation query `{query, type, limit, properties: [{pid, v}]}` becomes a yente-style
 * query-by-example (`{schema: type, properties: {name: [query], <pid>: [v]}}`), so property
 * constraints are scored the way /match scores them (dates of birth, countries, identifiers).
 * Types are FollowTheMoney schemata; property ids are FtM property names. Results name the
 * resolved entity: a merged list entry answers with its cluster's canonical id.
 */
import { FieldError } from '../errors.js';
import { model } from '../model/model.js';
import type { CandidateIndex } from '../match/candidate-index.js';
import { matchableSchemata, MAX_QUERY_NAME_CHARS } from '../match/query.js';
import { MAX_QUERIES, yenteMatch, yenteSearch } from '../match/yente.js';
import type { StoredEntity } from '../store/store.js';
import { resolveMatchResponse } from './referents.js';
import type { Resolver } from './resolver.js';

export const RECONCILE_MAX_LIMIT = 100;
/** A result is declared the match only when it is the clear best at this score or higher. */
const AUTO_MATCH_SCORE = 0.95;
const AUTO_MATCH_MARGIN = 0.05;
/** Types offered in the manifest: the schemata lists hold. */
const DEFAULT_TYPES = ['Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Airplane'];
/** Untyped queries with properties the generic Thing lacks are tried as these, in order. */
const FALLBACK_TYPES = ['Thing', 'LegalEntity', 'Person', 'Organization', 'Vessel', 'Airplane'];

export interface ReconcileQuery {
  query: string;
  type?: string;
  limit: number;
  properties: Array<{ pid: string; values: string[] }>;
}

export interface ReconcileCandidate {
  id: string;
  name: string;
  type: Array<{ id: string; name: string }>;
  score: number;
  match: boolean;
  description: string;
}

const typeRef = (schema: string) => ({ id: schema, name: model.get(schema).label });

export function reconcileManifest(origin: string) {
  const suggest = (kind: string) => ({ service_url: origin, service_path: `/reconcile/suggest/${kind}` });
  return {
    versions: ['0.2'],
    name: 'Tangle sanctions and watch lists',
    identifierSpace: `${origin}/entities/`,
    schemaSpace: 'https://followthemoney.tech/explorer/schemata/',
    defaultTypes: DEFAULT_TYPES.map(typeRef),
    view: { url: `${origin}/entities/{{id}}` },
    preview: { url: `${origin}/reconcile/preview?id={{id}}`, width: 430, height: 300 },
    suggest: { entity: suggest('entity'), type: suggest('type'), property: suggest('property') },
    batchSize: MAX_QUERIES,
  };
}

function valueStrings(v: unknown, field: string): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap((x, i) => valueStrings(x, `${field}[${i}]`));
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
  if (typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string')
    return [(v as { id: string }).id];
  throw new FieldError(field, 'must be a string, a number, an {id} object or a list of them');
}

function checkType(raw: unknown, field: string): string | undefined {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined || first === null || first === '') return undefined;
  const name = typeof first === 'object' ? (first as { id?: unknown }).id : first;
  if (typeof name !== 'string') throw new FieldError(field, 'must be a type id (a FollowTheMoney schema)');
  if (name !== 'Thing' && !matchableSchemata().includes(name))
    throw new FieldError(field, `unknown type "${name}" (use one of: ${matchableSchemata().join(', ')})`);
  return name;
}

/** Parse the `queries` parameter: a JSON object of key → query, as OpenRefine sends it. */
export function parseQueries(raw: unknown): Record<string, ReconcileQuery> {
  let parsed = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      throw new FieldError('queries', `is not JSON: ${(err as Error).message}`);
    }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new FieldError('queries', 'must be a JSON object of key: {query, type, limit, properties}');
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (!entries.length) throw new FieldError('queries', 'is empty');
  if (entries.length > MAX_QUERIES)
    throw new FieldError('queries', `at most ${MAX_QUERIES} queries per request`);
  const out: Record<string, ReconcileQuery> = {};
  for (const [key, q] of entries) {
    const field = `queries.${key}`;
    if (!q || typeof q !== 'object' || Array.isArray(q)) throw new FieldError(field, 'must be an object');
    const o = q as Record<string, unknown>;
    if (typeof o.query !== 'string' || !o.query.trim())
      throw new FieldError(`${field}.query`, 'must be a non-empty string');
    if (o.query.length > MAX_QUERY_NAME_CHARS)
      throw new FieldError(`${field}.query`, `longer than ${MAX_QUERY_NAME_CHARS} characters`);
    const limit = o.limit === undefined ? 5 : Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > RECONCILE_MAX_LIMIT)
      throw new FieldError(`${field}.limit`, `must be an integer from 1 to ${RECONCILE_MAX_LIMIT}`);
    const properties: ReconcileQuery['properties'] = [];
    if (o.properties !== undefined) {
      if (!Array.isArray(o.properties))
        throw new FieldError(`${field}.properties`, 'must be a list of {pid, v}');
      o.properties.forEach((p: unknown, i) => {
        const pf = `${field}.properties[${i}]`;
        if (!p || typeof p !== 'object') throw new FieldError(pf, 'must be {pid, v}');
        const { pid, v } = p as { pid?: unknown; v?: unknown };
        if (typeof pid !== 'string' || !pid) throw new FieldError(`${pf}.pid`, 'must be a property id');
        const values = valueStrings(v, `${pf}.v`);
        if (values.length) properties.push({ pid, values });
      });
    }
    out[key] = { query: o.query.trim(), type: checkType(o.type, `${field}.type`), limit, properties };
  }
  return out;
}

/** The schema a query runs as: its type, or for untyped ones the first that has every property. */
function schemaFor(q: ReconcileQuery, key: string): string {
  const candidates = q.type ? [q.type] : FALLBACK_TYPES;
  for (const name of candidates) {
    const schema = model.get(name);
    const missing = q.properties.find((p) => !schema.getProperty(p.pid));
    if (!missing) return name;
    if (q.type) {
      const i = q.properties.indexOf(missing);
      throw new FieldError(`queries.${key}.properties[${i}].pid`, `${name} has no property "${missing.pid}"`);
    }
  }
  throw new FieldError(`queries.${key}.type`, 'give a type: no schema has all the properties asked for');
}

function describe(e: { schema: string; datasets: string[]; properties: Record<string, string[]> }): string {
  const bits = [model.get(e.schema).label, e.datasets.join(', ')];
  const programmes = e.properties.program ?? [];
  if (programmes.length) bits.push(programmes.slice(0, 5).join(', '));
  const born = e.properties.birthDate ?? [];
  if (born.length) bits.push(`born ${born.join(', ')}`);
  return bits.filter(Boolean).join(' · ');
}

/** Answer a batch of reconciliation queries. */
export function reconcile(
  index: CandidateIndex,
  resolver: Resolver,
  queries: Record<string, ReconcileQuery>,
): Record<string, { result: ReconcileCandidate[] }> {
  const yenteQueries: Record<string, { schema: string; properties: Record<string, string[]> }> = {};
  let maxLimit = 1;
  for (const [key, q] of Object.entries(queries)) {
    const properties: Record<string, string[]> = { name: [q.query] };
    for (const p of q.properties) properties[p.pid] = [...(properties[p.pid] ?? []), ...p.values];
    yenteQueries[key] = { schema: schemaFor(q, key), properties };
    maxLimit = Math.max(maxLimit, q.limit);
  }
  // A few more than asked, so merged entries collapsing into one result still fill the limit.
  const response = resolveMatchResponse(
    yenteMatch(
      index,
      'default',
      { queries: yenteQueries },
      { limit: Math.min(maxLimit + 5, 500), threshold: 0 },
    ),
    resolver,
    index,
  );
  const out: Record<string, { result: ReconcileCandidate[] }> = {};
  for (const [key, q] of Object.entries(queries)) {
    const results = response.responses[key]?.results ?? [];
    const shown = results.slice(0, q.limit);
    out[key] = {
      result: shown.map((r, i) => ({
        id: r.id,
        name: r.caption,
        type: [typeRef(r.schema)],
        score: Math.round(r.score * 1000) / 10,
        match:
          i === 0 &&
          r.score >= AUTO_MATCH_SCORE &&
          (results[1] === undefined || results[1].score <= r.score - AUTO_MATCH_MARGIN),
        description: describe(r),
      })),
    };
  }
  return out;
}

/** Entity suggest: names that resemble what was typed so far, of a type when given. */
export function suggestEntities(index: CandidateIndex, resolver: Resolver, prefix: string, type?: string) {
  const schema = checkType(type, 'type');
  const found = yenteSearch(index, 'default', { q: prefix, schema, limit: 20 });
  const seen = new Set<string>();
  const result: Array<{ id: string; name: string; description: string }> = [];
  for (const e of found.results) {
    const id = resolver.canonicalId(e.id);
    if (seen.has(id)) continue;
    seen.add(id);
    result.push({ id, name: e.caption, description: describe(e) });
    if (result.length >= 10) break;
  }
  return { result };
}

const startsWithWord = (text: string, prefix: string) =>
  text
    .toLowerCase()
    .split(/[\s_-]+/)
    .some((w) => w.startsWith(prefix.toLowerCase())) || text.toLowerCase().startsWith(prefix.toLowerCase());

/** Type suggest: the matchable schemata whose name or label starts with the prefix. */
export function suggestTypes(prefix: string) {
  return {
    result: ['Thing', ...matchableSchemata()]
      .filter((s) => startsWithWord(s, prefix) || startsWithWord(model.get(s).label, prefix))
      .map((s) => ({ id: s, name: model.get(s).label })),
  };
}

/** Property suggest: properties of the type (default: any matchable schema) matching the prefix. */
export function suggestProperties(prefix: string, type?: string) {
  const schema = checkType(type, 'type');
  const seen = new Map<string, string>();
  for (const name of schema ? [schema] : matchableSchemata()) {
    for (const p of model.get(name).properties.values()) {
      if (p.stub || p.type === 'entity' || seen.has(p.name)) continue;
      if (startsWithWord(p.name, prefix) || startsWithWord(p.label, prefix)) seen.set(p.name, p.label);
    }
  }
  return { result: [...seen].slice(0, 20).map(([id, name]) => ({ id, name })) };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML: list text is hostile and goes into the page only as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const PREVIEW_PROPS = [
  'alias',
  'birthDate',
  'nationality',
  'country',
  'program',
  'passportNumber',
  'imoNumber',
  'idNumber',
];

/** The preview OpenRefine shows in a small frame: caption, type, lists and key properties. */
export function previewHtml(e: StoredEntity, referents: readonly string[]): string {
  const schema = model.get(e.schema);
  const rows = PREVIEW_PROPS.filter((p) => e.properties[p]?.length && schema.getProperty(p)).map(
    (p) =>
      `<tr><th>${escapeHtml(schema.getProperty(p)!.label)}</th><td>${escapeHtml(e.properties[p].slice(0, 6).join('; '))}</td></tr>`,
  );
  const sources = Object.entries(e.recordIds)
    .map(([d, ids]) => `${d} ${ids.join(', ')}`)
    .join('; ');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(e.caption)}</title>
<style>body{font:13px sans-serif;margin:6px}th{text-align:left;padding-right:8px;vertical-align:top;color:#555}</style></head>
<body><h3>${escapeHtml(e.caption)}</h3><p>${escapeHtml(schema.label)} · ${escapeHtml(sources)}${
    referents.length > 1 ? ` · merged from ${escapeHtml(referents.join(', '))}` : ''
  }</p><table>${rows.join('')}</table></body></html>`;
}
