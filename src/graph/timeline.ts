/**
 * Timeline of a party, or of a pair: dated listings (per programme), list changes (what each list
 * version added, changed or removed), and the dated relationships and claims — for a pair, the
 * links between the two. Oldest first; undated items last. Paginated.
 */
import type { Store } from '../store/store.js';
import { edgeJson, type EdgeJson } from './json.js';
import { LIMITS } from './limits.js';
import type { Network } from './network.js';

export type TimelineEvent =
  | {
      date: string | null;
      kind: 'listing';
      entity_id: string;
      programme: string;
      dataset: string;
      sanction_id: string;
    }
  | {
      date: string;
      kind: 'list_change';
      entity_id: string;
      change: string;
      dataset: string;
      version: string;
      properties: string[];
    }
  | ({ kind: 'relationship' | 'claim'; entity_id: string; other: string; other_caption: string } & EdgeJson);

export interface TimelineResult {
  entities: Array<{ id: string; caption: string }>;
  total: number;
  offset: number;
  events: TimelineEvent[];
}

export async function timeline(
  net: Network,
  x: number,
  y: number | undefined,
  store: Store | undefined,
  o: { limit?: number; offset?: number } = {},
): Promise<TimelineResult> {
  const limit = Math.min(o.limit ?? 200, LIMITS.results);
  const offset = o.offset ?? 0;
  const subjects = y === undefined ? [x] : [x, y];
  const events: TimelineEvent[] = [];
  for (const s of subjects) {
    const info = net.nodes[s];
    for (const l of info.listings) {
      events.push({
        date: l.date,
        kind: 'listing',
        entity_id: info.id,
        programme: l.programme,
        dataset: l.dataset,
        sanction_id: l.sanction_id,
      });
    }
    if (store) {
      for (const member of info.members) {
        for (const c of await store.listChanges({ entityId: member, limit: LIMITS.results })) {
          events.push({
            date: c.date,
            kind: 'list_change',
            entity_id: member,
            change: c.kind,
            dataset: c.dataset,
            version: c.version,
            properties: Object.keys(c.properties),
          });
        }
      }
    }
  }
  const edges = y === undefined ? incident(net, x) : net.edgesBetween(x, y);
  for (const e of edges) {
    const other = net.other(e, x);
    events.push({
      kind: net.edgeFromClaim[e] ? 'claim' : 'relationship',
      entity_id: net.nodes[x].id,
      other: net.nodes[other].id,
      other_caption: net.nodes[other].caption,
      ...edgeJson(net, e),
    });
  }
  events.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return {
    entities: subjects.map((s) => ({ id: net.nodes[s].id, caption: net.nodes[s].caption })),
    total: events.length,
    offset,
    events: events.slice(offset, offset + limit),
  };
}

function incident(net: Network, u: number): number[] {
  return Array.from(net.incEdges.subarray(net.incOffsets[u], net.incOffsets[u + 1]));
}
