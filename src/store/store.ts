/**
 * The store: entities as FollowTheMoney statements with provenance, grouped into dataset versions.
 *
 * Every property value is a statement that names its dataset, the source record it came from,
 * where in the source file it was read, and the first and last dataset version that contained it.
 * An import is one transaction: it either becomes a new version in full, or leaves no trace.
 *
 * The interface is asynchronous so that a PostgreSQL implementation can stand beside the embedded
 * SQLite one; callers never see SQL.
 */
import { UsageError } from '../errors.js';
import type { EntityDraft } from '../model/entity.js';

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
  /** The source's own id for the record this value came from (OFAC ent_num, UN DATAID…). */
  recordId: string;
  /** Where in the source the value was read, e.g. "sdn.csv line 1234". */
  origin: string | null;
  firstSeen: string;
  lastSeen: string;
  /** Labels of the first and last dataset versions that contained this value. */
  firstVersion: string;
  lastVersion: string;
  /** True while the dataset's latest version still contains the value. */
  current: boolean;
}

export interface StoredEntity {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
  /** Source record ids per dataset, e.g. { us_ofac_sdn: ['22790'] }. */
  recordIds: Record<string, string[]>;
  firstSeen: string;
  lastSeen: string;
  lastChange: string;
  /** False when every dataset that listed the entity has dropped it in its latest version. */
  active: boolean;
  /** Current values by property. */
  properties: Record<string, string[]>;
  /** Every statement, current and historical. */
  statements: Statement[];
}

export interface EntitySummary {
  id: string;
  schema: string;
  caption: string;
  dataset: string;
  active: boolean;
}

export interface DatasetInfo {
  name: string;
  title: string;
  format: string;
  versions: number;
  latestVersion: string | null;
  latestDate: string | null;
  entities: number;
}

export interface VersionInfo {
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
  checksum: string | null;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface PropertyChange {
  added: string[];
  removed: string[];
}

export interface ChangeRecord {
  dataset: string;
  version: string;
  date: string;
  entityId: string;
  kind: ChangeKind;
  schema: string;
  caption: string;
  /** For 'changed': the properties whose values differ, with values added and removed. */
  properties: Record<string, PropertyChange>;
}

export interface ChangeQuery {
  dataset?: string;
  /** Only changes introduced by this version label. */
  version?: string;
  /** Only versions dated on or after this date. */
  since?: string;
  until?: string;
  entityId?: string;
  kind?: ChangeKind;
  limit?: number;
  offset?: number;
}

export interface ImportRequest {
  dataset: string;
  title: string;
  format: string;
  /** Date of the list version (YYYY-MM-DD or full ISO timestamp). */
  versionDate: string;
  files: string[];
  /** SHA-256 over the source files' bytes, so an unchanged download can be recognised. */
  checksum?: string;
  entities: EntityDraft[];
  warnings: string[];
}

export interface ImportResult {
  dataset: string;
  version: string;
  date: string;
  entities: number;
  statements: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  warnings: number;
}

export interface StoreStats {
  datasets: number;
  versions: number;
  entities: number;
  activeEntities: number;
  statements: number;
  currentStatements: number;
  bySchema: Record<string, number>;
}

/** One current entity as the matcher and exporters consume it, without statement detail. */
export interface EntityRecord {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
  /** Source record ids per dataset (OFAC ent_num, UN DATAID…). */
  recordIds: Record<string, string[]>;
  properties: Record<string, string[]>;
  firstSeen: string;
  lastSeen: string;
  lastChange: string;
}

export type ImportProgress = (phase: string, done: number, total: number) => void;

export interface CurrentEntitiesFilter {
  datasets?: string[];
  /** The properties the caller reads; the others may be left out. */
  properties?: readonly string[];
  /** Only entities of these schemata (as stored per dataset). */
  schemata?: readonly string[];
}

export interface Store {
  /** Validates and applies an import in one transaction; throws and changes nothing on failure. */
  importVersion(request: ImportRequest, progress?: ImportProgress): Promise<ImportResult>;
  /**
   * Record a new version whose files are byte-identical (same checksum) to the dataset's latest:
   * nothing changed, so no entity needs reading. Returns undefined when the checksum differs.
   */
  repeatVersion(request: Omit<ImportRequest, 'entities' | 'warnings'>): Promise<ImportResult | undefined>;
  listDatasets(): Promise<DatasetInfo[]>;
  listVersions(dataset?: string): Promise<VersionInfo[]>;
  listChanges(query: ChangeQuery): Promise<ChangeRecord[]>;
  getEntity(id: string): Promise<StoredEntity | undefined>;
  /** Entities whose name (any name-typed value, current or not) equals the text, case-insensitively. */
  findByName(name: string, limit?: number): Promise<EntitySummary[]>;
  /** Entities that refer to this one through an entity-typed property (relationships, sanctions…). */
  getReferencing(id: string): Promise<StoredEntity[]>;
  /**
   * Every entity that is current in its dataset, merged across datasets, in id order. With
   * `properties`, only those properties need be filled in (a reader that needs a few skips the rest).
   */
  currentEntities(filter?: CurrentEntitiesFilter): AsyncIterable<EntityRecord>;
  stats(): Promise<StoreStats>;
  /** Changes whenever any dataset gets a new version (also one written by another process). */
  versionMarker(): Promise<string>;
  isEmpty(): Promise<boolean>;
  /** Ids of the entities the dataset's latest version lists (for the mass-removal check). */
  activeEntityIds(dataset: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Versions of a dataset are imported oldest first: refuse an earlier date, with what to do
 * instead (a store that received the bundled snapshot cannot take the years before it).
 */
export function checkVersionOrder(
  dataset: string,
  latest: { label: string; date: string } | undefined,
  date: string,
): void {
  if (!latest || date >= latest.date) return;
  throw new UsageError(
    `dataset ${dataset} already has version ${latest.label} (dated ${latest.date.slice(0, 10)}), and this one ` +
      `is dated ${date.slice(0, 10)}: versions are imported in date order, oldest first. To build a history from older ` +
      'files, import them oldest first into a store of their own (--db NEW.sqlite --no-bundled, so the ' +
      'bundled snapshot is not loaded first); if the date was read wrongly from the file, give the right ' +
      'one with --version-date',
  );
}
