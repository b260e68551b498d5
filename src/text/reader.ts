/**
 * The reading engine: document text → typed, sourced parties and relation claims. The gazetteer
 * of the store's names is built once per reader and reused for every document.
 */
import type { Store } from '../store/store.js';
import { resolveDescriptions } from './coreference.js';
import type {
  DocumentMeta,
  DocumentReader,
  ExtractedEntity,
  ExtractedMention,
  Extraction,
} from './extraction.js';
import { Gazetteer } from './gazetteer.js';
import { linkClusters, type Link } from './linking.js';
import {
  analyzeMentions,
  decideSchema,
  mergeClusters,
  schemaOfStore,
  type Cluster,
  type DocumentAnalysis,
} from './mentions.js';
import { extractRelations } from './relations.js';

export interface ReaderOptions {
  /** Skip relation extraction. */
  entitiesOnly?: boolean;
  /** A part-of-speech filter for proper nouns (see AnalyzeOptions; the benchmark's wink-nlp variant). */
  properNounStarts?: (text: string) => ReadonlySet<number>;
}

/** Given names of the store's people: a hint that an unknown phrase is a person's name. */
function givenNamesOf(g: Gazetteer): Set<string> {
  const out = new Set<string>();
  for (const e of g.entities) {
    if (e.schema !== 'Person') continue;
    const first = e.caption.split(',')[1]?.trim().split(/\s+/)[0];
    if (first && first.length > 2) out.add(first.toLowerCase());
  }
  return out;
}

export function readWith(
  g: Gazetteer | undefined,
  givenNames: ReadonlySet<string>,
  text: string,
  meta: DocumentMeta = {},
  options: ReaderOptions = {},
): Extraction {
  const doc = analyzeMentions(text, { gazetteer: g, givenNames, properNounStarts: options.properNounStarts });
  resolveDescriptions(doc);
  for (const c of doc.clusters)
    if (c.mergedInto === undefined && !c.country && c.schema !== 'Location') c.schema = decideSchema(c);
  let links = linkClusters(doc, g);
  if (mergeSameLinks(doc, links)) links = linkClusters(doc, g);
  for (const [index, link] of links) {
    const c = doc.clusters[index]!;
    // An appositive called it a place, but the lists know it as a company ("Alabuga … Zone").
    if (c.schema === 'Location') c.schema = schemaOfStore(link.storeSchema, link.caption, link.programs);
  }
  const live = liveClusters(doc);
  const entities = outputEntities(live, links);
  const idOf = new Map<number, string>();
  entities.forEach((e, i) => idOf.set(live[i]!.index, e.id));
  const relations = options.entitiesOnly ? [] : extractRelations(doc, idOf, meta);
  return { sentences: doc.sentences, entities, relations };
}

function liveClusters(doc: DocumentAnalysis): Cluster[] {
  return doc.clusters.filter((c) => c.mergedInto === undefined && c.mentions.some((m) => m.output));
}

/** Two clusters linked to one store entry ("Hizballah", "Hezbollah") are one party. */
function mergeSameLinks(doc: DocumentAnalysis, links: Map<number, Link>): boolean {
  const byId = new Map<string, Cluster>();
  let merged = false;
  for (const [index, link] of links) {
    if (link.ambiguous) continue;
    const c = doc.clusters[index]!;
    const other = byId.get(link.id);
    if (!other) {
      byId.set(link.id, c);
      continue;
    }
    mergeClusters(other, c);
    merged = true;
  }
  return merged;
}

function outputEntities(live: Cluster[], links: Map<number, Link>): ExtractedEntity[] {
  return live.map((c, i) => {
    const link = links.get(c.index);
    const mentions: ExtractedMention[] = c.mentions
      .filter((m) => m.output)
      .sort((a, b) => a.start - b.start)
      .map((m) => ({ text: m.text, start: m.start, end: m.end }));
    return {
      id: `e${i + 1}`,
      name: displayName(c),
      schema: c.schema,
      linked_id: link?.id ?? null,
      link_confidence: link?.confidence ?? 0,
      ambiguous: link?.ambiguous ?? false,
      mentions,
    };
  });
}

/** The fullest name the text gives (a country's own name; a body's canonical name). */
function displayName(c: Cluster): string {
  if (c.country) return c.country.name;
  if (c.body) return c.body.name;
  // 'Joaquín "El Chapo" Guzmán' is named without its nickname.
  const names = c.mentions
    .filter((m) => m.kind === 'name')
    .map((m) => m.text.replace(/\s["“][^"”]+["”]\s/g, ' '));
  if (names.length === 0) return c.name;
  return names.reduce((a, b) => (b.length > a.length ? b : a));
}

export async function createReader(store: Store, options: ReaderOptions = {}): Promise<DocumentReader> {
  const g = await Gazetteer.fromStore(store);
  return readerFor(g, options);
}

export function readerFor(g: Gazetteer | undefined, options: ReaderOptions = {}): DocumentReader {
  const givenNames = g ? givenNamesOf(g) : new Set<string>();
  return {
    read: (text, meta) => readWith(g, givenNames, text, meta, options),
    stats: { names: g?.names ?? 0, entities: g?.size ?? 0, buildMs: Math.round(g?.buildMs ?? 0) },
  };
}
