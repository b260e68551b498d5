/**
 * The resolver: judgements as a graph whose `same` edges join entity ids into clusters, each
 * cluster with one stable canonical id.
 *
 * A canonical id (`tgl-` and 16 base32 characters) is made at a cluster's first merge, from a hash
 * of the members it had then, and is kept: later merges keep the id most members already carry,
 * new list versions do not touch it (entity ids are stable across versions), and a split gives the
 * members that leave their own ids back. An id never merged is its own canonical id.
 *
 * Readers (show, /entities, /match, the graph) load a Resolver and ask `canonicalId` and `members`;
 * changes go through `planJudgements` / `planSplit`, which check for contradictions before anything
 * is written.
 */
import { createHash } from 'node:crypto';
import { ConflictError } from '../errors.js';
import { openJudgements } from '../store/sqlite-judgements.js';
import type { Store } from '../store/store.js';
import {
  pairKey,
  pairString,
  type Decision,
  type Judgement,
  type JudgementInput,
  type JudgementStore,
  type LogEntry,
} from './judgements.js';

export const CANONICAL_PREFIX = 'tgl-';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A new canonical id for a cluster, from its members (and a salt, should that id be taken). */
export function newCanonicalId(members: readonly string[], salt = 0): string {
  const digest = createHash('sha256')
    .update([...members].sort().join('\u001f') + (salt ? `\u001f${salt}` : ''))
    .digest();
  return CANONICAL_PREFIX + base32(digest).slice(0, 16);
}

export function isCanonicalId(id: string): boolean {
  return /^tgl-[a-z2-7]{16}$/.test(id);
}

export interface Cluster {
  canonicalId: string;
  members: string[];
}

/** A refused judgement: the message names the pair, where it came from and the conflict. */
export class JudgementConflict extends ConflictError {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'JudgementConflict';
  }
}

/** Same-edges and different-edges, with the searches the checks need. */
class JudgementGraph {
  readonly same = new Map<string, Set<string>>();
  readonly different = new Map<string, Set<string>>();
  readonly byPair = new Map<string, Judgement>();

  constructor(judgements: Iterable<Judgement>) {
    for (const j of judgements) this.set(j);
  }

  private edges(kind: Decision): Map<string, Set<string>> | undefined {
    return kind === 'same' ? this.same : kind === 'different' ? this.different : undefined;
  }

  get(a: string, b: string): Judgement | undefined {
    return this.byPair.get(pairString(a, b));
  }

  set(j: Judgement): void {
    this.remove(j.left, j.right);
    this.byPair.set(pairString(j.left, j.right), j);
    const edges = this.edges(j.decision);
    if (!edges) return;
    for (const [x, y] of [
      [j.left, j.right],
      [j.right, j.left],
    ]) {
      let s = edges.get(x);
      if (!s) edges.set(x, (s = new Set()));
      s.add(y);
    }
  }

  remove(a: string, b: string): Judgement | undefined {
    const key = pairString(a, b);
    const old = this.byPair.get(key);
    if (!old) return undefined;
    this.byPair.delete(key);
    const edges = this.edges(old.decision);
    if (edges) {
      edges.get(a)?.delete(b);
      edges.get(b)?.delete(a);
      if (!edges.get(a)?.size) edges.delete(a);
      if (!edges.get(b)?.size) edges.delete(b);
    }
    return old;
  }

  /** The ids joined to `start` by same-edges, each with the id it was reached from. */
  component(start: string): Map<string, string | null> {
    const seen = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const next of this.same.get(queue[i]) ?? []) {
        if (seen.has(next)) continue;
        seen.set(next, queue[i]);
        queue.push(next);
      }
    }
    return seen;
  }

  /** "A = B, B = C": the chain of same judgements from `from` to `to` in a component of `from`. */
  static chain(component: Map<string, string | null>, to: string): string {
    const steps: string[] = [];
    let at = to;
    for (let prev = component.get(at); prev; prev = component.get(at)) {
      steps.unshift(`${prev} = ${at}`);
      at = prev;
    }
    return steps.join(', ');
  }

  components(): string[][] {
    const done = new Set<string>();
    const out: string[][] = [];
    for (const id of [...this.same.keys()].sort()) {
      if (done.has(id)) continue;
      const members = [...this.component(id).keys()].sort();
      for (const m of members) done.add(m);
      out.push(members);
    }
    return out;
  }
}

/**
 * Canonical ids for the clusters: a cluster keeps the id most of its members already carry (the
 * larger part of a split keeps it, the smaller gets a new one); a new cluster gets one from its
 * members' hash.
 */
export function assignCanonicalIds(
  components: readonly string[][],
  previous: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const claimed = new Set<string>();
  const order = [...components].sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  for (const members of order) {
    if (members.length < 2) continue;
    const counts = new Map<string, number>();
    for (const m of members) {
      const c = previous.get(m);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    let id = ranked.find(([c]) => !claimed.has(c))?.[0];
    for (let salt = 0; !id || claimed.has(id); salt++) id = newCanonicalId(members, salt);
    claimed.add(id);
    for (const m of members) out.set(m, id);
  }
  return out;
}

export interface PlannedChange {
  upserts: Judgement[];
  deletes: Array<[string, string]>;
  canonical: Map<string, string>;
  log: LogEntry[];
}

/** The last resolver read per store, with the judgement marker it was read at. */
const loaded = new WeakMap<Store, { marker: string; resolver: Resolver }>();

export class Resolver {
  private readonly graph: JudgementGraph;
  private readonly canonical: Map<string, string>;
  private readonly membersOf = new Map<string, string[]>();

  constructor(judgements: Iterable<Judgement>, canonical: ReadonlyMap<string, string>) {
    this.graph = new JudgementGraph(judgements);
    this.canonical = new Map(canonical);
    for (const [member, c] of this.canonical) {
      let list = this.membersOf.get(c);
      if (!list) this.membersOf.set(c, (list = []));
      list.push(member);
    }
    for (const list of this.membersOf.values()) list.sort();
  }

  /** The resolver as the store holds it now (re-read only when the judgements changed). */
  static async load(store: Store): Promise<Resolver> {
    const js = openJudgements(store);
    const marker = js.marker();
    const cached = loaded.get(store);
    if (cached?.marker === marker) return cached.resolver;
    const resolver = Resolver.fromStore(js);
    loaded.set(store, { marker, resolver });
    return resolver;
  }

  static fromStore(judgements: JudgementStore): Resolver {
    return new Resolver(judgements.judgements(), judgements.canonicalIds());
  }

  /** The canonical id of an entity id (itself when never merged); a canonical id maps to itself. */
  canonicalId(id: string): string {
    return this.canonical.get(id) ?? id;
  }

  /** The entity ids of a cluster, given its canonical id or any member's id; [id] when unmerged. */
  members(id: string): string[] {
    const members = this.membersOf.get(this.canonicalId(id));
    return members ? [...members] : [id];
  }

  /** Whether this is the canonical id of a cluster of two or more. */
  isCluster(id: string): boolean {
    return this.membersOf.has(id);
  }

  /** Whether anything is merged at all (readers skip resolving when not). */
  get hasClusters(): boolean {
    return this.membersOf.size > 0;
  }

  clusters(): Cluster[] {
    return [...this.membersOf].map(([canonicalId, members]) => ({ canonicalId, members: [...members] }));
  }

  judgements(): Judgement[] {
    return [...this.graph.byPair.values()];
  }

  judgement(a: string, b: string): Judgement | undefined {
    return this.graph.get(a, b);
  }

  /**
   * What is decided about a pair: its own judgement, else `same` when both are in one cluster;
   * null when nothing is (a proposal).
   */
  decision(a: string, b: string): Decision | null {
    const direct = this.graph.get(a, b)?.decision;
    if (direct && direct !== 'unsure') return direct;
    if (this.canonicalId(a) === this.canonicalId(b) && this.canonical.has(a)) return 'same';
    return direct ?? null;
  }

  /** Whether some member of a's cluster was judged different from some member of b's. */
  judgedApart(a: string, b: string): boolean {
    const right = new Set(this.members(b));
    for (const x of this.members(a)) {
      for (const y of this.graph.different.get(x) ?? []) if (right.has(y)) return true;
    }
    return false;
  }

  /**
   * Check judgements in order against the current state and what came before them in the batch,
   * and plan the change. Throws JudgementConflict naming the first refused input, so nothing is
   * planned half-way — unless `skipConflicts`, which plans the rest and lists what it left out.
   */
  planJudgements(
    inputs: readonly JudgementInput[],
    options: { now?: string; skipConflicts?: boolean } = {},
  ): PlannedChange & { skipped: JudgementConflict[] } {
    const now = options.now ?? new Date().toISOString();
    const graph = new JudgementGraph(this.graph.byPair.values());
    const touched = new Map<string, Judgement>();
    const givenAt = new Map<string, JudgementInput>();
    const skipped: JudgementConflict[] = [];
    for (const input of inputs) {
      const fail = (message: string): never => {
        throw new JudgementConflict(message, input.where);
      };
      try {
        const { left: a, right: b, decision } = input;
        if (a === b) fail(`${a} cannot be judged against itself`);
        const [left, right] = pairKey(a, b);
        // One batch is one decision per pair: two different answers for a pair contradict each other.
        const earlier = givenAt.get(pairString(left, right));
        if (earlier && earlier.decision !== decision)
          fail(
            `${a} and ${b} are judged ${earlier.decision}${earlier.where ? ` at ${earlier.where}` : ''} and ${decision} here`,
          );
        const j: Judgement = {
          left,
          right,
          decision,
          user: input.user,
          at: input.at ?? now,
          method: input.method ?? 'manual',
          reason: input.reason ?? null,
        };
        if (decision === 'same') {
          const ca = graph.component(a);
          if (!ca.has(b)) {
            const cb = graph.component(b);
            for (const x of ca.keys()) {
              for (const y of graph.different.get(x) ?? []) {
                if (!cb.has(y)) continue;
                const apart = graph.get(x, y)!;
                const via = [JudgementGraph.chain(ca, x), JudgementGraph.chain(cb, y)]
                  .filter(Boolean)
                  .join(', ');
                fail(
                  `${a} = ${b} would make ${x} and ${y} one entity, but they were judged different ` +
                    `(by ${apart.user} at ${apart.at})${via ? `; ${via}` : ''}`,
                );
              }
            }
          }
          graph.set(j);
        } else {
          const old = graph.remove(a, b);
          const ca = graph.component(a);
          if (decision === 'different' && ca.has(b)) {
            if (old) graph.set(old);
            fail(
              `${a} and ${b} are one entity through ${JudgementGraph.chain(ca, b)}; split it first or judge those pairs`,
            );
          }
          graph.set(j);
        }
        givenAt.set(pairString(left, right), input);
        touched.set(pairString(left, right), j);
      } catch (err) {
        // Automatic merges leave a conflicting pair for a person instead of refusing the batch.
        if (!options.skipConflicts || !(err instanceof JudgementConflict)) throw err;
        skipped.push(err);
      }
    }
    const upserts = [...touched.values()];
    return {
      skipped,
      upserts,
      deletes: [],
      canonical: assignCanonicalIds(graph.components(), this.canonical),
      log: upserts.map((j) => ({
        at: now,
        user: j.user,
        action: j.method === 'import' ? ('import' as const) : ('judge' as const),
        left: j.left,
        right: j.right,
        decision: j.decision,
        detail: j.reason,
      })),
    };
  }

  /**
   * Undo merges: given a cluster's canonical id, every member gets its own id back; given a member
   * id, only that member leaves (the rest keep the canonical id if they still hang together).
   */
  planSplit(id: string, user: string, now = new Date().toISOString()): PlannedChange {
    const canonicalId = this.canonicalId(id);
    const members = this.membersOf.get(canonicalId);
    if (!members) throw new JudgementConflict(`${id} is not part of a merged entity; nothing to split`);
    const whole = canonicalId === id;
    const graph = new JudgementGraph(this.graph.byPair.values());
    const deletes: Array<[string, string]> = [];
    const memberSet = new Set(members);
    for (const j of this.graph.byPair.values()) {
      if (j.decision !== 'same' || !memberSet.has(j.left)) continue;
      if (whole || j.left === id || j.right === id) {
        graph.remove(j.left, j.right);
        deletes.push([j.left, j.right]);
      }
    }
    return {
      upserts: [],
      deletes,
      canonical: assignCanonicalIds(graph.components(), this.canonical),
      log: [
        {
          at: now,
          user,
          action: 'split',
          left: id,
          right: null,
          decision: null,
          detail: whole
            ? `split ${canonicalId} into ${members.join(', ')}`
            : `took ${id} out of ${canonicalId}; removed ${deletes.map(([l, r]) => `${l} = ${r}`).join(', ')}`,
        },
      ],
    };
  }
}
