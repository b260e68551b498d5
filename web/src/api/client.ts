/**
 * The one typed client for Tangle's HTTP API. Every page talks to the server through it; nothing
 * else calls fetch. Shapes follow the README's HTTP API section and docs/design-network.md.
 *
 * Errors come back as `ApiError` carrying the server's `{error, detail, field}`. Writes made with
 * the session cookie carry the CSRF token that login (or GET /auth/session) handed out.
 */

export type Role = 'viewer' | 'analyst' | 'admin';

export interface User {
  username: string;
  role: Role;
  createdAt: string;
}

export interface Statement {
  id: string;
  entityId: string;
  schema: string;
  prop: string;
  propType: string;
  value: string;
  originalValue: string | null;
  lang: string | null;
  dataset: string;
  recordId: string;
  origin: string | null;
  firstSeen: string;
  lastSeen: string;
  firstVersion: string;
  lastVersion: string;
  current: boolean;
}

export interface EntityRef {
  prop: string;
  id: string;
  schema: string | null;
  caption: string | null;
}

export interface Relationship {
  id: string;
  schema: string;
  caption: string;
  via: string;
  others: EntityRef[];
  properties: Record<string, string[]>;
  datasets: string[];
}

export interface Entity {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  target: boolean;
  /** With entity resolution: the cluster's id, and its other list entries. */
  canonical_id?: string;
  referents?: string[];
  first_seen: string;
  last_seen: string;
  last_change: string;
  statements: Statement[];
  references?: EntityRef[];
  relationships?: Relationship[];
}

export interface Comment {
  id: number;
  entityId: string;
  author: string;
  text: string;
  createdAt: string;
}

export interface SearchResult {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  target: boolean;
  score: number;
  last_change: string;
}

export interface FacetValue {
  name: string;
  label: string;
  count: number;
}

export interface SearchResponse {
  limit: number;
  offset: number;
  total: { value: number };
  results: SearchResult[];
  facets: Record<string, { label: string; values: FacetValue[] }>;
}

export interface SearchQuery {
  q: string;
  schema?: string;
  countries?: string[];
  topics?: string[];
  datasets?: string[];
  programs?: string[];
  limit?: number;
  offset?: number;
}

export interface Dataset {
  name: string;
  title: string;
  format: string;
  versions: number;
  latestVersion: string | null;
  latestDate: string | null;
  entities: number;
}

export interface Version {
  dataset: string;
  label: string;
  date: string;
  importedAt: string;
  files: string[];
  entities: number;
  statements: number;
  added: number;
  removed: number;
  changed: number;
  warnings: number;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Change {
  dataset: string;
  version: string;
  date: string;
  entityId: string;
  kind: ChangeKind;
  schema: string;
  caption: string;
  properties: Record<string, { added: string[]; removed: string[] }>;
}

export interface FeatureExplanation {
  score?: number;
  weight?: number;
  detail?: string;
  [key: string]: unknown;
}

export interface MatchResult extends SearchResult {
  match: boolean;
  explanations: Record<string, FeatureExplanation>;
}

export interface MatchQuery {
  schema: string;
  properties: Record<string, string[]>;
}

export interface MatchResponse {
  responses: Record<string, { status: number; results: MatchResult[]; total: { value: number } }>;
}

// ---- graph and documents (docs/design-network.md, "HTTP shapes the web app relies on") ----

export interface ListEvidence {
  kind: 'list';
  dataset: string;
  version: string | null;
  record_id: string;
  entity_id?: string;
}

export interface DocumentEvidence {
  kind: 'document';
  document_id: string;
  title: string | null;
  date: string | null;
  sentence: string;
  start: number;
  end: number;
  hedged: boolean;
  status: string;
  claim_id?: string;
}

export type Evidence = ListEvidence | DocumentEvidence;

export interface GraphNode {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  programmes: string[];
  categories: string[];
  sanctioned: boolean;
  distance?: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  domain: string;
  directed?: boolean;
  strength: number;
  date?: string | null;
  evidence: Evidence[];
}

export interface Neighbourhood {
  center: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface ExposureResponse {
  entity?: GraphNode;
  exposures: Array<{
    entity_id: string;
    caption: string;
    programmes: string[];
    distance: number;
    path: string[];
    path_captions: string[];
  }>;
  total: number;
}

export interface PathStep {
  source: string;
  target: string;
  type: string;
  domain?: string;
  strength?: number;
  evidence: Evidence[];
}

export interface GraphPath {
  length: number;
  weight: number;
  nodes?: string[];
  captions?: string[];
  steps: PathStep[];
}

export interface PathResponse {
  paths: GraphPath[];
  message?: string;
}

export interface ConvergenceResponse {
  selection: { size: number; with_categories: number };
  entities: GraphNode[];
  categories: Array<{ category: string; entities: number }>;
  intersections: Array<{ categories: string[]; size: number; entities: string[] }>;
  pairs: Array<{ a: string; b: string; size: number }>;
  meeting_points: Array<GraphNode & { degree: number }>;
}

export type TimelineEvent =
  | { kind: 'listing'; date: string | null; entity_id: string; programme: string; dataset: string }
  | {
      kind: 'list_change';
      date: string;
      entity_id: string;
      change: string;
      dataset: string;
      version: string;
      properties: string[];
    }
  | (GraphEdge & { kind: 'relationship' | 'claim'; entity_id: string; other: string; other_caption: string });

export interface TimelineResponse {
  entities: Array<{ id: string; caption: string }>;
  total: number;
  events: TimelineEvent[];
}

// ---- entity resolution (README, "HTTP API": /xref, /judgements, /resolve) ----

export type Decision = 'same' | 'different' | 'unsure';

export interface XrefSide {
  id: string;
  dataset: string;
  caption: string;
  schema?: string;
  source_ids: Record<string, string[]>;
}

export interface XrefPair {
  left: XrefSide;
  right: XrefSide;
  score: number;
  decision: Decision | null;
  auto: boolean;
  shared_ids: Array<{ kind: string; value: string }>;
  explanations: Record<string, { score: number; weight: number; detail: string }>;
}

export type XrefResponse =
  | { status: 'computing'; stage?: string; done: number; total: number }
  | { status: 'ready'; total: number; screened: number; seconds: number; pairs: XrefPair[] };

export interface Judgement {
  left: string;
  right: string;
  decision: Decision;
  user: string;
  at: string;
  method: string;
  reason: string | null;
}

export interface JudgementLogEntry {
  at: string;
  user: string;
  action: 'judge' | 'split' | 'import';
  left: string | null;
  right: string | null;
  decision: string | null;
  detail: string | null;
  left_caption: string | null;
  right_caption: string | null;
}

export interface ClusterView {
  canonical_id: string;
  members: string[];
  member_details: Array<{
    id: string;
    caption: string | null;
    schema: string | null;
    datasets: string[];
    source_ids: Record<string, string[]>;
  }>;
  judgements: Judgement[];
}

export interface DocumentSummary {
  id: string;
  title: string | null;
  date: string | null;
  url: string | null;
  publisher?: string | null;
  version?: number;
  read_at?: string;
  entity_count: number;
  claim_count: number;
}

export interface Mention {
  text: string;
  start: number;
  end: number;
}

export interface DocumentEntity {
  /** The store id the party stands for: its list entry, or `doc-<hash>` for a party no list knows. */
  id: string;
  /** Its id within the document's reading (e1, e2…). */
  local_id: string;
  name: string;
  schema: string;
  linked_id: string | null;
  ambiguous?: boolean;
  /** proposed until reviewed; a rejected party's claims make no link. */
  status?: ClaimStatus;
  mentions: Mention[];
  /** A doc-… party an analyst judged the same as a list entry: that entry. */
  same_as?: SameAs | null;
}

export interface SameAs {
  /** The merged party's canonical id. */
  id: string;
  entity_id: string;
  caption: string;
}

/** Where a document names a party no list knows. */
export interface PartyMention extends Mention {
  document_id: string;
  title: string | null;
  sentence_start: number | null;
  sentence_end: number | null;
  sentence: string | null;
}

/** GET /documents/entities/{id}: a party no list knows, with its evidence. */
export interface DocumentParty {
  id: string;
  name: string;
  schema: string;
  status: ClaimStatus;
  first_document_id: string;
  documents: string[];
  same_as: SameAs | null;
  mentions: PartyMention[];
  claims: Claim[];
  history: unknown[];
}

export interface PartyReviewBody {
  action: 'accept' | 'reject' | 'edit';
  name?: string;
  schema?: string;
  reason?: string;
}

export type ClaimStatus = 'proposed' | 'accepted' | 'rejected';

export interface Claim {
  id: string;
  source_id: string;
  target_id: string;
  source_local: string;
  target_local: string;
  type: string;
  subtype?: string | null;
  item?: string | null;
  domain: string;
  status: ClaimStatus;
  hedged: boolean;
  negated: boolean;
  date: string | null;
  confidence?: number;
  reviewed_by?: string | null;
  sentence: string;
  start: number;
  end: number;
}

export interface DocumentRef {
  id: string;
  title: string | null;
  date: string | null;
  url: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  entities: DocumentEntity[];
  claims: Claim[];
}

export type ClaimReview =
  | { action: 'accept' }
  | { action: 'reject' }
  | { action: 'edit'; type?: string; domain?: string; reverse?: boolean };

// ---- the transport ----

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly detail: string,
    readonly field?: string,
  ) {
    super(detail || error);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Params = Record<string, string | number | boolean | string[] | undefined | null>;

function queryString(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) q.append(k, item);
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function request<T>(
  method: string,
  path: string,
  options: { params?: Params; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path + queryString(options.params ?? {}), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // fall through: a non-JSON answer is an error below
  }
  if (!res.ok || json === undefined) {
    const e = (json ?? {}) as { error?: string; detail?: string; field?: string };
    throw new ApiError(res.status, e.error ?? 'http_error', e.detail ?? `HTTP ${res.status}`, e.field);
  }
  return json as T;
}

const enc = encodeURIComponent;

let routes: Promise<Set<string>> | null = null;

/**
 * The API paths this server has (from /openapi.json), so that pages built on routes that a
 * deployment lacks (graph, documents) say so instead of calling them and failing.
 */
export function serverRoutes(): Promise<Set<string>> {
  routes ??= request<{ paths: Record<string, unknown> }>('GET', '/openapi.json').then(
    (doc) => new Set(Object.keys(doc.paths)),
    () => new Set<string>(),
  );
  return routes;
}

export async function hasRoute(path: string): Promise<boolean> {
  return (await serverRoutes()).has(path);
}

export const api = {
  session: () =>
    request<{ user: User | null; csrfToken?: string; readAccess: 'open' | 'login' }>('GET', '/auth/session'),
  login: (username: string, password: string) =>
    request<{ user: User; csrfToken: string }>('POST', '/auth/login', { body: { username, password } }),
  logout: () => request<void>('POST', '/auth/logout'),

  search: (query: SearchQuery, signal?: AbortSignal) =>
    request<SearchResponse>('GET', '/search/default', {
      signal,
      params: {
        q: query.q,
        schema: query.schema,
        countries: query.countries,
        topics: query.topics,
        datasets: query.datasets,
        filter: query.programs?.map((p) => `program:${p}`),
        facets: ['schema', 'datasets', 'program', 'countries', 'topics'],
        limit: query.limit ?? 25,
        offset: query.offset ?? 0,
      },
    }),
  entity: (id: string) => request<Entity>('GET', `/entities/${enc(id)}`),
  comments: (id: string) =>
    request<{ comments: Comment[] }>('GET', `/entities/${enc(id)}/comments`).then((r) => r.comments),
  addComment: (id: string, text: string) =>
    request<Comment>('POST', `/entities/${enc(id)}/comments`, { body: { text } }),
  entityChanges: (id: string) =>
    request<{ changes: Change[] }>('GET', `/entities/${enc(id)}/changes`).then((r) => r.changes),

  datasets: () => request<{ datasets: Dataset[] }>('GET', '/datasets').then((r) => r.datasets),
  versions: (name: string) =>
    request<{ versions: Version[] }>('GET', `/datasets/${enc(name)}/versions`).then((r) => r.versions),
  changes: (name: string, params: { version?: string; kind?: ChangeKind; limit?: number; offset?: number }) =>
    request<{ changes: Change[] }>('GET', `/datasets/${enc(name)}/changes`, { params }).then(
      (r) => r.changes,
    ),

  match: (queries: Record<string, MatchQuery>, params: { threshold?: number; limit?: number } = {}) =>
    request<MatchResponse>('POST', '/match/default', { body: { queries }, params }),

  exposure: (id: string, hops = 2) =>
    request<ExposureResponse>('GET', `/graph/exposure/${enc(id)}`, { params: { hops } }),
  neighbours: (id: string, params: { hops?: number; domain?: string; limit?: number } = {}) =>
    request<Neighbourhood>('GET', `/graph/neighbours/${enc(id)}`, { params }),
  path: (source: string, target: string, params: { k?: number; max_hops?: number } = {}) =>
    request<PathResponse>('GET', '/graph/path', { params: { source, target, ...params } }),

  convergence: (ids: string[], hops: number) =>
    request<ConvergenceResponse>('GET', '/graph/convergence', { params: { ids, hops, limit: 200 } }),
  timeline: (id: string, other?: string | null) =>
    request<TimelineResponse>('GET', `/graph/timeline/${enc(id)}`, { params: { with: other, limit: 1000 } }),

  documents: () => request<{ documents: DocumentSummary[] }>('GET', '/documents').then((r) => r.documents),
  claims: (params: { entity?: string; document?: string; status?: string; limit?: number }) =>
    request<{ total: number; claims: Array<Claim & { document: DocumentRef }> }>('GET', '/claims', {
      params,
    }),
  document: (id: string) => request<DocumentDetail>('GET', `/documents/${enc(id)}`),
  xref: (
    params: {
      dataset?: string[];
      against?: string[];
      min_score?: number;
      pending?: boolean;
      limit?: number;
      offset?: number;
      wait?: number;
    },
    signal?: AbortSignal,
  ) => request<XrefResponse>('GET', '/xref', { params, signal }),
  judge: (left: string, right: string, decision: Decision, reason?: string) =>
    request<{ judgements: Judgement[] }>('POST', '/judgements', {
      body: { judgements: [{ left, right, decision, reason }] },
    }),
  judgementLog: (limit = 50) =>
    request<{ entries: JudgementLogEntry[] }>('GET', '/judgements/log', { params: { limit } }).then(
      (r) => r.entries,
    ),
  cluster: (id: string) => request<ClusterView>('GET', `/resolve/${enc(id)}`),
  split: (id: string) => request<unknown>('POST', '/resolve/split', { body: { id } }),

  documentParty: (id: string) => request<DocumentParty>('GET', `/documents/entities/${enc(id)}`),
  reviewParty: (id: string, review: PartyReviewBody) =>
    request<{ party: unknown }>('POST', `/documents/entities/${enc(id)}/review`, { body: review }),

  reviewClaim: (id: string, review: ClaimReview) =>
    request<{ claim: Claim }>('POST', `/claims/${enc(id)}/review`, { body: review }).then((r) => r.claim),
};
