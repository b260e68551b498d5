/**
 * yente-compatible matching and search as library functions: the request and response shapes of
 * OpenSanctions yente's `POST /match/{dataset}` and `GET /search/{dataset}`, so that clients
 * written for yente work against Tangle. The HTTP layer only parses parameters and calls these.
 */
import { FieldError, NotFoundError } from '../errors.js';
import { model } from '../model/model.js';
import { cleanCountry, cleanDate } from '../model/values.js';
import { getAlgorithm, weightProblem } from './algorithms.js';
import { CandidateIndex, type IndexedEntity, type ScreenOptions } from './candidate-index.js';
import { analyzeEntityNames, scoreEntity, type FeatureExplanation, type MatchEntity } from './entity.js';
import { matchableSchemata, MAX_QUERY_NAME_CHARS } from './query.js';

export const MAX_QUERIES = 100;
export const MAX_LIMIT = 500;
export const MAX_EXCLUDE_IDS = 50;

export interface MatchParams {
  limit?: number;
  threshold?: number;
  algorithm?: string;
  include_dataset?: string[];
  exclude_dataset?: string[];
  exclude_schema?: string[];
  topics?: string[];
  changed_since?: string;
  exclude_entity_ids?: string[];
}

export interface YenteEntity {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string;
  last_seen: string;
  last_change: string;
}

export interface YenteResult extends YenteEntity {
  score: number;
  match: boolean;
  explanations: Record<string, FeatureExplanation>;
}

export interface YenteQueryResponse {
  status: number;
  results: YenteResult[];
  total: { value: number; relation: 'eq' };
  query: { id: string | null; schema: string; properties: Record<string, string[]> };
}

export interface YenteMatchResponse {
  responses: Record<string, YenteQueryResponse>;
  limit: number;
}

export function yenteEntity(e: IndexedEntity): YenteEntity {
  return {
    id: e.id,
    caption: e.caption,
    schema: e.schema,
    properties: e.properties,
    datasets: e.datasets,
    referents: [],
    target: (e.properties.topics?.length ?? 0) > 0,
    first_seen: e.firstSeen,
    last_seen: e.lastSeen,
    last_change: e.lastChange,
  };
}

/** Path datasets that mean every dataset (yente's collections). */
const ALL_DATASETS = ['default', 'all', 'sanctions'];

/** The datasets an index holds, worked out once per index. */
const datasetsOf = new WeakMap<CandidateIndex, ReadonlySet<string>>();

function knownDatasets(index: CandidateIndex): ReadonlySet<string> {
  let known = datasetsOf.get(index);
  if (!known) {
    const names = new Set<string>();
    for (const e of index.entities) for (const d of e.datasets) names.add(d);
    datasetsOf.set(index, (known = names));
  }
  return known;
}

/**
 * The datasets a request narrows to: the path's (unless a collection) and those of a parameter.
 * A mistyped name would screen nothing and read as "no hit": the path's answers 404, a
 * parameter's 400, both naming the datasets there are (as yente does).
 */
function checkDatasets(
  index: CandidateIndex,
  dataset: string,
  params: Record<string, readonly string[] | undefined>,
): string[] {
  const known = knownDatasets(index);
  const list = () => [...ALL_DATASETS.slice(0, 1), ...[...known].sort()].join(', ');
  if (!ALL_DATASETS.includes(dataset) && !known.has(dataset)) {
    throw new NotFoundError(`no dataset "${dataset}"; the datasets are: ${list()}`);
  }
  for (const [field, names] of Object.entries(params)) {
    for (const name of names ?? []) {
      if (!known.has(name)) throw new FieldError(field, `no dataset "${name}"; the datasets are: ${list()}`);
    }
  }
  return ALL_DATASETS.includes(dataset) ? [] : [dataset];
}

function checkParams(index: CandidateIndex, dataset: string, params: MatchParams): ScreenOptions {
  const limit = params.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new FieldError('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  const threshold = params.threshold;
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
    throw new FieldError('threshold', 'must be a number from 0 to 1');
  }
  const algorithm =
    params.algorithm === 'best' || params.algorithm === 'default' ? undefined : params.algorithm;
  if (algorithm !== undefined) {
    try {
      getAlgorithm(algorithm);
    } catch {
      throw new FieldError('algorithm', `unknown algorithm "${algorithm}" (GET /algorithms lists them)`);
    }
  }
  if ((params.exclude_entity_ids?.length ?? 0) > MAX_EXCLUDE_IDS) {
    throw new FieldError('exclude_entity_ids', `at most ${MAX_EXCLUDE_IDS} ids`);
  }
  if (params.changed_since !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(params.changed_since)) {
    throw new FieldError('changed_since', 'must be a date, YYYY-MM-DD');
  }
  for (const s of params.exclude_schema ?? []) {
    if (!model.has(s)) throw new FieldError('exclude_schema', `unknown schema "${s}"`);
  }
  // The path's dataset narrows like include_dataset; "default" and "sanctions" mean everything.
  const scope = checkDatasets(index, dataset, {
    include_dataset: params.include_dataset,
    exclude_dataset: params.exclude_dataset,
  });
  return {
    limit,
    threshold,
    algorithm,
    includeDatasets: [...scope, ...(params.include_dataset ?? [])],
    excludeDatasets: params.exclude_dataset,
    excludeSchemata: params.exclude_schema,
    topics: params.topics,
    changedSince: params.changed_since,
    excludeIds: params.exclude_entity_ids,
  };
}

/**
 * A date or country that cannot be read would be dropped by the scorer, and the query screened
 * without it: refuse it instead, naming the field.
 */
function checkTypedValue(field: string, type: string, value: string): void {
  if (type === 'date' && !cleanDate(value)) {
    throw new FieldError(field, `"${value.slice(0, 40)}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (type === 'country' && !cleanCountry(value)) {
    throw new FieldError(
      field,
      `unknown country "${value.slice(0, 40)}" (use an ISO code such as IR, or a name)`,
    );
  }
}

/** Validate one query of a /match body; string values are accepted where yente takes lists. */
export function checkQuery(key: string, raw: unknown): MatchEntity & { id?: string } {
  const field = `queries.${key}`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new FieldError(field, 'must be an object');
  const q = raw as { id?: unknown; schema?: unknown; properties?: unknown };
  if (typeof q.schema !== 'string') throw new FieldError(`${field}.schema`, 'is required');
  if (!model.has(q.schema)) throw new FieldError(`${field}.schema`, `unknown schema "${q.schema}"`);
  if (!matchableSchemata().includes(q.schema) && !['Thing', 'LegalEntity'].includes(q.schema)) {
    throw new FieldError(`${field}.schema`, `schema "${q.schema}" is not matchable`);
  }
  if (!q.properties || typeof q.properties !== 'object' || Array.isArray(q.properties)) {
    throw new FieldError(`${field}.properties`, 'must be an object of property: [values]');
  }
  const schema = model.get(q.schema);
  const properties: Record<string, string[]> = {};
  for (const [prop, value] of Object.entries(q.properties as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    const type = schema.getProperty(prop)?.type;
    if (!type) {
      throw new FieldError(`${field}.properties.${prop}`, `${q.schema} has no property "${prop}"`);
    }
    const clean: string[] = [];
    values.forEach((v, i) => {
      if (typeof v !== 'string' && typeof v !== 'number') {
        throw new FieldError(`${field}.properties.${prop}[${i}]`, 'must be a string');
      }
      const s = String(v);
      if (s.length > MAX_QUERY_NAME_CHARS) {
        throw new FieldError(
          `${field}.properties.${prop}[${i}]`,
          `longer than ${MAX_QUERY_NAME_CHARS} characters`,
        );
      }
      if (!s.trim()) return;
      checkTypedValue(`${field}.properties.${prop}[${i}]`, type, s);
      clean.push(s);
    });
    if (clean.length) properties[prop] = clean;
  }
  const names = [
    'name',
    'alias',
    'firstName',
    'lastName',
    'imoNumber',
    'registrationNumber',
    'idNumber',
    'taxNumber',
  ];
  if (!names.some((p) => properties[p]?.length)) {
    throw new FieldError(`${field}.properties.name`, 'a query needs a name (or an identifier) to match on');
  }
  return { id: typeof q.id === 'string' ? q.id : undefined, schema: q.schema, properties };
}

/** POST /match/{dataset}: score each query of the body against the index. */
export function yenteMatch(
  index: CandidateIndex,
  dataset: string,
  body: unknown,
  params: MatchParams = {},
): YenteMatchResponse {
  const options = checkParams(index, dataset, params);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new FieldError('body', 'must be a JSON object');
  const b = body as { queries?: unknown; weights?: unknown; config?: unknown };
  if (!b.queries || typeof b.queries !== 'object' || Array.isArray(b.queries)) {
    throw new FieldError('queries', 'must be an object of query id: {schema, properties}');
  }
  const entries = Object.entries(b.queries as Record<string, unknown>);
  if (!entries.length) throw new FieldError('queries', 'is empty');
  if (entries.length > MAX_QUERIES)
    throw new FieldError('queries', `at most ${MAX_QUERIES} queries per request`);
  if (b.weights !== undefined) {
    if (!b.weights || typeof b.weights !== 'object' || Array.isArray(b.weights)) {
      throw new FieldError('weights', 'must be an object of feature: weight');
    }
    const algorithm = getAlgorithm(options.algorithm);
    for (const [k, v] of Object.entries(b.weights as Record<string, unknown>)) {
      const problem = weightProblem(algorithm, k, v);
      if (problem) throw new FieldError(`weights.${k}`, problem);
    }
    options.weights = b.weights as Record<string, number>;
  }
  if (
    b.config !== undefined &&
    (typeof b.config !== 'object' || b.config === null || Object.keys(b.config).length)
  ) {
    throw new FieldError('config', 'no configuration keys are supported; use weights');
  }
  const queries = entries.map(([key, raw]) => [key, checkQuery(key, raw)] as const);
  const responses: Record<string, YenteQueryResponse> = {};
  for (const [key, query] of queries) {
    const outcome = index.screen(query, options);
    responses[key] = {
      status: 200,
      results: outcome.hits.map((h) => ({
        ...yenteEntity(h.entity),
        score: h.result.score,
        match: h.result.match,
        explanations: h.result.explanations,
      })),
      total: { value: outcome.matches, relation: 'eq' },
      query: {
        id: query.id ?? null,
        schema: query.schema,
        properties: query.properties as Record<string, string[]>,
      },
    };
  }
  return { responses, limit: options.limit ?? 5 };
}

export interface SearchParams {
  q?: string;
  schema?: string;
  countries?: string[];
  topics?: string[];
  datasets?: string[];
  /** "prop:value" filters. */
  filter?: string[];
  changed_since?: string;
  limit?: number;
  offset?: number;
  facets?: string[];
}

export interface YenteSearchResponse {
  limit: number;
  offset: number;
  total: { value: number; relation: 'eq' };
  results: Array<YenteEntity & { score: number }>;
  facets: Record<string, { label: string; values: Array<{ name: string; label: string; count: number }> }>;
}

const FACETS = ['datasets', 'schema', 'countries', 'topics', 'program'];

/** GET /search/{dataset}: entities whose names resemble q, with filters and facets. */
export function yenteSearch(
  index: CandidateIndex,
  dataset: string,
  params: SearchParams,
): YenteSearchResponse {
  const limit = params.limit ?? 10;
  const offset = params.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT)
    throw new FieldError('limit', `must be 0 to ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0 || offset > 10_000)
    throw new FieldError('offset', 'must be 0 to 10000');
  const q = (params.q ?? '').trim();
  if (q.length > MAX_QUERY_NAME_CHARS)
    throw new FieldError('q', `longer than ${MAX_QUERY_NAME_CHARS} characters`);
  if (params.schema && !model.has(params.schema))
    throw new FieldError('schema', `unknown schema "${params.schema}"`);
  const filters = (params.filter ?? []).map((f) => {
    const cut = f.indexOf(':');
    if (cut < 1) throw new FieldError('filter', `"${f}" is not property:value`);
    return [f.slice(0, cut), f.slice(cut + 1)] as const;
  });
  const facetNames = params.facets ?? FACETS;
  for (const f of facetNames) if (!FACETS.includes(f)) throw new FieldError('facets', `unknown facet "${f}"`);
  const scope = checkDatasets(index, dataset, { datasets: params.datasets });
  const datasets = [...scope, ...(params.datasets ?? [])];
  const keep = (e: IndexedEntity) =>
    (!params.schema || model.get(e.schema).isA(params.schema)) &&
    (!datasets.length || e.datasets.some((d) => datasets.includes(d))) &&
    (!params.topics?.length || (e.properties.topics ?? []).some((t) => params.topics!.includes(t))) &&
    (!params.countries?.length || countriesOf(e).some((c) => params.countries!.includes(c))) &&
    (!params.changed_since || e.lastChange >= params.changed_since) &&
    filters.every(([p, v]) => (e.properties[p] ?? []).includes(v));

  let hits: Array<{ e: IndexedEntity; score: number }>;
  if (q) {
    const query = analyzeEntityNames({ schema: 'Thing', properties: { name: [q] } });
    hits = [];
    for (const i of index.candidates(query, {}, 1000, (k) => keep(index.entities[k]!))) {
      const e = index.entities[i]!;
      const score = scoreEntity(query, index.analysisOf(i), { algorithm: 'name-only', explain: false }).score;
      if (score >= 0.3) hits.push({ e, score });
    }
    hits.sort((a, b) => b.score - a.score || a.e.caption.localeCompare(b.e.caption));
  } else {
    hits = index.entities.filter(keep).map((e) => ({ e, score: 1 }));
  }
  const facets: YenteSearchResponse['facets'] = {};
  for (const f of facetNames) {
    const counts = new Map<string, number>();
    for (const { e } of hits) {
      const values =
        f === 'datasets'
          ? e.datasets
          : f === 'schema'
            ? [e.schema]
            : f === 'topics' || f === 'program'
              ? (e.properties[f] ?? [])
              : countriesOf(e);
      for (const v of new Set(values)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    facets[f] = {
      label: f,
      values: [...counts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 50)
        .map(([name, count]) => ({ name, label: name, count })),
    };
  }
  return {
    limit,
    offset,
    total: { value: hits.length, relation: 'eq' },
    results: hits.slice(offset, offset + limit).map(({ e, score }) => ({ ...yenteEntity(e), score })),
    facets,
  };
}

function countriesOf(e: IndexedEntity): string[] {
  const out: string[] = [];
  for (const p of ['country', 'nationality', 'citizenship', 'jurisdiction', 'flag'])
    out.push(...(e.properties[p] ?? []));
  return out;
}
