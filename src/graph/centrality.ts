/**
 * Centrality on the neighbour table (undirected, unweighted, as networkx computes it by default):
 * - betweenness by Brandes' algorithm, exact when the work is small, otherwise estimated from a
 *   seeded random sample of sources, with a standard error per node from the spread of the
 *   per-source contributions;
 * - PageRank by power iteration;
 * - degree.
 * The functions take plain typed arrays so a worker thread can run them on a copy of the table.
 */

export interface Csr {
  nodeCount: number;
  adjOffsets: Int32Array;
  adj: Int32Array;
}

export interface BetweennessResult {
  /** Normalised like networkx (undirected: divided by (n-1)(n-2)). */
  scores: Float64Array;
  /** Standard error of each score; zeros when exact. */
  errors: Float64Array;
  sources: number;
  exact: boolean;
}

/** Deterministic pseudo-random numbers (mulberry32), so a sampled run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k distinct sources drawn with a seed (all nodes when k ≥ n). */
export function sampleSources(n: number, k: number, seed: number): Int32Array {
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const rand = seededRandom(seed);
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(Math.floor(rand() * n));
  return Int32Array.from([...chosen].sort((a, b) => a - b));
}

/** Connected components: a component number per node and the size of each component. */
export function components(g: Csr): { component: Int32Array; sizes: number[] } {
  const n = g.nodeCount;
  const component = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (component[s] !== -1) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    component[s] = c;
    while (head < tail) {
      const u = queue[head++];
      for (let k = g.adjOffsets[u]; k < g.adjOffsets[u + 1]; k++) {
        const v = g.adj[k];
        if (component[v] === -1) {
          component[v] = c;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  return { component, sizes };
}

/**
 * Raw Brandes sums over the given sources: `sum[v]` = Σ_s δ_s(v), `sumSq[v]` = Σ_s δ_s(v)².
 * Only nodes a source reaches are touched, so many small components cost little.
 */
export function brandesSums(g: Csr, sources: Int32Array): { sum: Float64Array; sumSq: Float64Array } {
  const n = g.nodeCount;
  const { adjOffsets, adj } = g;
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  for (const s of sources) {
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const u = order[head++];
      const du = dist[u] + 1;
      const su = sigma[u];
      for (let k = adjOffsets[u], end = adjOffsets[u + 1]; k < end; k++) {
        const v = adj[k];
        const dv = dist[v];
        if (dv === -1) {
          dist[v] = du;
          sigma[v] = su;
          order[tail++] = v;
        } else if (dv === du) {
          sigma[v] += su;
        }
      }
    }
    // Accumulate dependencies in reverse BFS order; predecessors are neighbours one level up.
    for (let i = tail - 1; i >= 0; i--) {
      const w = order[i];
      const coeff = (1 + delta[w]) / sigma[w];
      const dw = dist[w] - 1;
      for (let k = adjOffsets[w], end = adjOffsets[w + 1]; k < end; k++) {
        const v = adj[k];
        if (dist[v] === dw) delta[v] += sigma[v] * coeff;
      }
      if (w !== s) {
        sum[w] += delta[w];
        sumSq[w] += delta[w] * delta[w];
      }
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return { sum, sumSq };
}

/**
 * The same raw Brandes sums as {@link brandesSums}, for sampled runs on large graphs, with the
 * randomly read state small enough to stay in cache: σ in 32-bit floats (4 bytes a node) and
 * visited nodes in a bitmap. On 1M nodes that state is ~5 MB instead of the one-source kernel's
 * ~20 MB, and this work is paid in memory latency (a random read costs ~3 ns within 4 MB here,
 * ~13–25 ns past 8 MB; a random write more, as writes queue).
 * - Forward, level by level: a small frontier pushes to its neighbours; a large one is pulled
 *   ("bottom-up" BFS): every unvisited node, in index order, sums `front` over its neighbours —
 *   `front` holds σ on the frontier and 0 elsewhere, so the sum needs no test per link (an
 *   unpredictable branch per link cost more than the read). A pulled node's parents (its
 *   neighbours on the frontier) are written down on the way, without a branch either.
 * - Backward, from the deepest level: σ of each finished node becomes (1 + δ)/σ; a pulled level
 *   pushes that along its written-down parent links, a pushed (small) level is pulled by its
 *   parents' level instead. So the backward pass reads ~1/3 of the links, not all of them.
 * σ is rounded to 24 bits, so sums agree with the exact kernel to ~1e-7 relative: far inside a
 * sampled estimate's standard error, which is why exact runs keep {@link brandesSums}.
 */
export function brandesSumsCompact(
  g: Csr,
  sources: Int32Array,
  /** A level is pulled when its frontier's links × pushRatio reach the unvisited nodes' links. */
  pushRatio = 12,
): { sum: Float64Array; sumSq: Float64Array } {
  const n = g.nodeCount;
  const { adjOffsets, adj } = g;
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const words = (n + 31) >>> 5;
  const sigma = new Float32Array(n);
  const front = new Float32Array(n);
  const visited = new Int32Array(words);
  const next = new Int32Array(words);
  /** Nodes in BFS order; level d is order[starts[d] .. starts[d + 1]). */
  const order = new Int32Array(n);
  const starts = new Int32Array(n + 2);
  /** Whether level d was pulled (its nodes' parents are written down). */
  const pulled = new Uint8Array(n + 2);
  /** Parents of order[j]: parents[parentStart[j] .. parentStart[j + 1]) (pulled levels only). */
  const parents = new Int32Array(adj.length + 1);
  const parentStart = new Int32Array(n + 1);
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    visited.fill(0);
    order[0] = s;
    visited[s >>> 5] |= 1 << (s & 31);
    sigma[s] = 1;
    let len = 1;
    let depth = 0;
    starts[1] = 1;
    let parentsUsed = 0;
    let unvisitedLinks = adj.length;
    let overflow = false;
    for (;;) {
      const lo = starts[depth];
      const hi = starts[depth + 1];
      let frontLinks = 0;
      let largest = 0;
      for (let j = lo; j < hi; j++) {
        const u = order[j];
        frontLinks += adjOffsets[u + 1] - adjOffsets[u];
        if (sigma[u] > largest) largest = sigma[u];
      }
      unvisitedLinks -= frontLinks;
      if (largest > F32_SAFE) {
        overflow = true;
        break;
      }
      const pull = frontLinks * pushRatio >= unvisitedLinks;
      pulled[depth + 1] = pull ? 1 : 0;
      if (pull) {
        copyLevel(front, sigma, order, lo, hi);
        parentStart[len] = parentsUsed;
        len = pullLevel(n, adjOffsets, adj, sigma, visited, front, order, len, parents, parentStart);
        parentsUsed = parentStart[len];
        clearLevel(front, order, lo, hi);
        markLevel(visited, order, hi, len);
      } else {
        len = pushLevel(adjOffsets, adj, sigma, visited, next, order, lo, hi, len);
      }
      if (len === hi) break;
      depth++;
      starts[depth + 1] = len;
    }
    if (overflow) {
      // Path counts near the float32 range (lattice-like graphs): this source in doubles instead.
      const exact = brandesSums(g, Int32Array.of(s));
      for (let v = 0; v < n; v++) {
        sum[v] += exact.sum[v];
        sumSq[v] += exact.sumSq[v];
      }
      continue;
    }
    for (let d = depth; d >= 1; d--) {
      const lo = starts[d];
      const hi = starts[d + 1];
      if (d === depth || pulled[d + 1]) {
        if (d < depth) pushToParents(sigma, front, order, hi, starts[d + 2], parents, parentStart);
        finishLevel(sigma, front, order, lo, hi, sum, sumSq);
      } else {
        copyLevel(front, sigma, order, hi, starts[d + 2]);
        pullFromChildren(adjOffsets, adj, sigma, front, order, lo, hi, sum, sumSq);
        clearLevel(front, order, hi, starts[d + 2]);
      }
    }
  }
  return { sum, sumSq };
}

/** Largest σ a frontier may carry in float32: its neighbours' sums stay far below 3.4e38. */
const F32_SAFE = 1e30;

// The phases of brandesSumsCompact, each its own function so the engine optimises each loop.

/** Push: the frontier's neighbours not yet visited join the next level; σ flows along each link. */
function pushLevel(
  adjOffsets: Int32Array,
  adj: Int32Array,
  sigma: Float32Array,
  visited: Int32Array,
  next: Int32Array,
  order: Int32Array,
  lo: number,
  hi: number,
  len: number,
): number {
  for (let j = lo; j < hi; j++) {
    const u = order[j];
    const su = sigma[u];
    for (let e = adjOffsets[u], end = adjOffsets[u + 1]; e < end; e++) {
      const v = adj[e];
      const word = v >>> 5;
      const bit = 1 << (v & 31);
      if ((visited[word] & bit) === 0) {
        visited[word] |= bit;
        next[word] |= bit;
        sigma[v] = su;
        order[len++] = v;
      } else if ((next[word] & bit) !== 0) {
        sigma[v] += su;
      }
    }
  }
  for (let j = hi; j < len; j++) next[order[j] >>> 5] = 0;
  return len;
}

/**
 * Pull: each unvisited node sums σ of its neighbours on the frontier (`front`, 0 off it) and,
 * when it has any, joins the next level with those neighbours written down as its parents.
 * Every neighbour is written at the next free place, which only advances for a parent.
 */
function pullLevel(
  n: number,
  adjOffsets: Int32Array,
  adj: Int32Array,
  sigma: Float32Array,
  visited: Int32Array,
  front: Float32Array,
  order: Int32Array,
  len: number,
  parents: Int32Array,
  parentStart: Int32Array,
): number {
  let p = parentStart[len];
  for (let word = 0, words = visited.length; word < words; word++) {
    let free = ~visited[word];
    if (free === 0) continue;
    const base = word << 5;
    if (n - base < 32) free &= (1 << (n - base)) - 1;
    while (free !== 0) {
      const b = 31 - Math.clz32(free);
      free ^= 1 << b;
      const w = base + b;
      let acc = 0;
      for (let e = adjOffsets[w], end = adjOffsets[w + 1]; e < end; e++) {
        const v = adj[e];
        const f = front[v];
        acc += f;
        parents[p] = v;
        p += +(f > 0);
      }
      if (acc !== 0) {
        sigma[w] = acc;
        order[len++] = w;
        parentStart[len] = p;
      }
    }
  }
  return len;
}

/** A pulled level's (1 + δ)/σ, added into `front` of each node's parents. */
function pushToParents(
  sigma: Float32Array,
  front: Float32Array,
  order: Int32Array,
  lo: number,
  hi: number,
  parents: Int32Array,
  parentStart: Int32Array,
): void {
  for (let j = lo; j < hi; j++) {
    const c = sigma[order[j]];
    for (let p = parentStart[j], end = parentStart[j + 1]; p < end; p++) front[parents[p]] += c;
  }
}

/** δ_v = σ_v × acc (acc: Σ (1 + δ)/σ over v's children), added to the sums; σ_v becomes (1 + δ_v)/σ_v. */
function settle(sigma: Float32Array, v: number, acc: number, sum: Float64Array, sumSq: Float64Array): void {
  const sg = sigma[v];
  const delta = sg * acc;
  sum[v] += delta;
  sumSq[v] += delta * delta;
  sigma[v] = (1 + delta) / sg;
}

/** δ of a level whose children pushed into `front` (then cleared); σ becomes (1 + δ)/σ. */
function finishLevel(
  sigma: Float32Array,
  front: Float32Array,
  order: Int32Array,
  lo: number,
  hi: number,
  sum: Float64Array,
  sumSq: Float64Array,
): void {
  for (let j = lo; j < hi; j++) {
    const v = order[j];
    const acc = front[v];
    front[v] = 0;
    settle(sigma, v, acc, sum, sumSq);
  }
}

/** δ of a level whose children were pushed to: each node sums `front` ((1 + δ)/σ on the children). */
function pullFromChildren(
  adjOffsets: Int32Array,
  adj: Int32Array,
  sigma: Float32Array,
  front: Float32Array,
  order: Int32Array,
  lo: number,
  hi: number,
  sum: Float64Array,
  sumSq: Float64Array,
): void {
  for (let j = lo; j < hi; j++) {
    const v = order[j];
    let acc = 0;
    for (let e = adjOffsets[v], end = adjOffsets[v + 1]; e < end; e++) acc += front[adj[e]];
    settle(sigma, v, acc, sum, sumSq);
  }
}

function copyLevel(front: Float32Array, sigma: Float32Array, order: Int32Array, lo: number, hi: number): void {
  for (let j = lo; j < hi; j++) front[order[j]] = sigma[order[j]];
}

function clearLevel(front: Float32Array, order: Int32Array, lo: number, hi: number): void {
  for (let j = lo; j < hi; j++) front[order[j]] = 0;
}

function markLevel(bits: Int32Array, order: Int32Array, lo: number, hi: number): void {
  for (let j = lo; j < hi; j++) bits[order[j] >>> 5] |= 1 << (order[j] & 31);
}

/** Scale raw sums into normalised scores, with standard errors when sampled. */
export function finishBetweenness(
  n: number,
  sum: Float64Array,
  sumSq: Float64Array,
  sources: number,
): BetweennessResult {
  const exact = sources >= n;
  const scores = new Float64Array(n);
  const errors = new Float64Array(n);
  const norm = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  const scale = (n / Math.max(1, sources)) * norm;
  for (let v = 0; v < n; v++) {
    scores[v] = sum[v] * scale;
    if (!exact && sources > 1) {
      const mean = sum[v] / sources;
      const variance = Math.max(0, sumSq[v] / sources - mean * mean) * (sources / (sources - 1));
      // The estimate is n × mean; its standard error n × sd / √k (then normalised).
      errors[v] = n * Math.sqrt(variance / sources) * norm;
    }
  }
  return { scores, errors, sources, exact };
}

/** Work of exact betweenness: Σ over components of size × (size + links). */
export function exactCost(g: Csr): number {
  const { component, sizes } = components(g);
  const links = new Float64Array(sizes.length);
  for (let u = 0; u < g.nodeCount; u++) links[component[u]] += g.adjOffsets[u + 1] - g.adjOffsets[u];
  let cost = 0;
  for (let c = 0; c < sizes.length; c++) cost += sizes[c] * (sizes[c] + links[c]);
  return cost;
}

export function pagerank(g: Csr, damping = 0.85, maxIterations = 100, tolerance = 1e-8): Float64Array {
  const n = g.nodeCount;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) if (g.adjOffsets[u + 1] === g.adjOffsets[u]) dangling += rank[u];
    const base = (1 - damping) / n + (damping * dangling) / n;
    next.fill(base);
    for (let u = 0; u < n; u++) {
      const deg = g.adjOffsets[u + 1] - g.adjOffsets[u];
      if (!deg) continue;
      const share = (damping * rank[u]) / deg;
      for (let k = g.adjOffsets[u]; k < g.adjOffsets[u + 1]; k++) next[g.adj[k]] += share;
    }
    let diff = 0;
    for (let u = 0; u < n; u++) diff += Math.abs(next[u] - rank[u]);
    [rank, next] = [next, rank];
    if (diff < n * tolerance) break;
  }
  return rank;
}
