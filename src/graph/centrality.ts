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
