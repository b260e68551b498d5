/**
 * Finding a party in the network from what a user typed: a node id, a store id merged into a
 * node, or a name. An unknown id or name is an error that suggests the closest captions.
 */
import { distance } from 'fastest-levenshtein';
import { UsageError } from '../errors.js';
import type { Network } from './network.js';

interface NameIndex {
  byMember: Map<string, number>;
  byCaption: Map<string, number[]>;
}

const indexes = new WeakMap<Network, NameIndex>();

function nameIndex(net: Network): NameIndex {
  let idx = indexes.get(net);
  if (!idx) {
    idx = { byMember: new Map(), byCaption: new Map() };
    for (let i = 0; i < net.nodeCount; i++) {
      const info = net.nodes[i];
      for (const m of info.members) if (m !== info.id) idx.byMember.set(m, i);
      const key = normaliseName(info.caption);
      const list = idx.byCaption.get(key);
      if (list) list.push(i);
      else idx.byCaption.set(key, [i]);
    }
    indexes.set(net, idx);
  }
  return idx;
}

function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The node for an id or an exact name, or undefined. Several parties of that name: an error listing them. */
export function findNode(net: Network, query: string): number | undefined {
  const direct = net.index.get(query) ?? nameIndex(net).byMember.get(query);
  if (direct !== undefined) return direct;
  const hits = nameIndex(net).byCaption.get(normaliseName(query));
  if (!hits?.length) return undefined;
  if (hits.length === 1) return hits[0];
  const list = hits
    .slice(0, 20)
    .map((i) => `  ${net.nodes[i].id}  ${net.nodes[i].caption} [${net.nodes[i].schema}]`)
    .join('\n');
  throw new UsageError(`"${query}" names ${hits.length} parties in the network; give an id:\n${list}`);
}

/** Up to `limit` captions close to the query: containing it, or within a small edit distance. */
export function suggest(net: Network, query: string, limit = 5): Array<{ id: string; caption: string }> {
  const q = normaliseName(query);
  if (!q) return [];
  const scored: Array<[number, number]> = [];
  const maxEdits = Math.max(2, Math.floor(q.length / 4));
  for (const [key, nodes] of nameIndex(net).byCaption) {
    let score: number;
    if (key.includes(q) || (key.length >= 4 && q.includes(key)))
      score = Math.abs(key.length - q.length) / 100;
    else if (Math.abs(key.length - q.length) > maxEdits) continue;
    else {
      const d = distance(key, q);
      if (d > maxEdits) continue;
      score = d;
    }
    for (const n of nodes) scored.push([score, n]);
  }
  scored.sort((a, b) => a[0] - b[0] || net.degree(b[1]) - net.degree(a[1]));
  return scored.slice(0, limit).map(([, i]) => ({ id: net.nodes[i].id, caption: net.nodes[i].caption }));
}

export class UnknownPartyError extends UsageError {
  constructor(
    readonly query: string,
    readonly suggestions: Array<{ id: string; caption: string }>,
  ) {
    const hint = suggestions.length
      ? `; did you mean:\n${suggestions.map((s) => `  ${s.id}  ${s.caption}`).join('\n')}`
      : '';
    super(`no party in the network has the id or name "${query}"${hint}`);
    this.name = 'UnknownPartyError';
  }
}

/** The node for an id or name, or an error with close matches. */
export function requireNode(net: Network, query: string): number {
  const i = findNode(net, query);
  if (i === undefined) throw new UnknownPartyError(query, suggest(net, query));
  return i;
}
