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

/** Sources handled together by {@link brandesSumsBatched}: one bit of a 32-bit mask each. */
export const BATCH_SOURCES = 32;

/**
 * The same raw Brandes sums as {@link brandesSums}, computed for 32 sources at a time (multi-source
 * BFS): every node carries a bit mask of the batch's sources that have reached it, BFS levels
 * advance for all 32 together, and one read of a neighbour's mask serves all of them. σ of node v
 * for source i sits at `v * 32 + i`, so a neighbour's 32 counts are contiguous. A level with a
 * small frontier pushes from it; a large one is pulled by a sweep over the nodes in index order,
 * where the random reads go to a 4-byte mask per node instead of the per-source arrays.
 * Dependencies are accumulated level by level from the deepest, each node pulling from its
 * neighbours one level down the BFS (for each source separately); σ is then replaced in place by
 * (1 + δ) / σ, which is all the next level up needs.
 * Exactly the same sums as the one-source kernel up to floating-point rounding of δ (σ are
 * integers, exact in doubles).
 */
export function brandesSumsBatched(
  g: Csr,
  sources: Int32Array,
  /** A level is pushed when its frontier's links × pushRatio are fewer than nodes + links (what a
   * pull sweep reads); else pulled. */
  pushRatio = 64,
): { sum: Float64Array; sumSq: Float64Array } {
  const W = BATCH_SOURCES;
  const n = g.nodeCount;
  const { adjOffsets, adj } = g;
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  if (n === 0 || sources.length === 0) return { sum, sumSq };
  const sigma = new Float64Array(n * W);
  const acc = new Float64Array(W);
  /** Sources of the batch that have reached each node. */
  const seen = new Int32Array(n);
  /** Masks of the level being expanded (forward) or of the level below (backward); else 0. */
  const level = new Int32Array(n);
  /** Masks being gathered for the next level in a push step; else 0. */
  const next = new Int32Array(n);
  // All levels of the batch, one after the other: node and the batch's sources at that level.
  let lvNodes = new Int32Array(Math.max(1024, 2 * n));
  let lvMasks = new Int32Array(lvNodes.length);
  const starts: number[] = [];
  const sweep = n + adj.length;

  for (let b0 = 0; b0 < sources.length; b0 += W) {
    const k = Math.min(W, sources.length - b0);
    let len = 0;
    starts.length = 0;
    starts.push(0);
    for (let i = 0; i < k; i++) {
      const s = sources[b0 + i];
      if (seen[s] === 0) lvNodes[len++] = s;
      seen[s] |= 1 << i;
      sigma[s * W + i] = 1;
    }
    for (let j = 0; j < len; j++) lvMasks[j] = seen[lvNodes[j]];
    starts.push(len);

    // Forward: BFS levels for all sources of the batch at once, counting shortest paths.
    for (;;) {
      const lo = starts[starts.length - 2];
      const hi = starts[starts.length - 1];
      let active = 0;
      let frontLinks = 0;
      for (let j = lo; j < hi; j++) {
        const v = lvNodes[j];
        level[v] = lvMasks[j];
        active |= lvMasks[j];
        frontLinks += adjOffsets[v + 1] - adjOffsets[v];
      }
      const room = len + Math.min(n, frontLinks);
      if (room > lvNodes.length) {
        const size = Math.max(room, Math.floor(lvNodes.length * 1.5));
        const nodes = new Int32Array(size);
        nodes.set(lvNodes.subarray(0, len));
        const masks = new Int32Array(size);
        masks.set(lvMasks.subarray(0, len));
        lvNodes = nodes;
        lvMasks = masks;
      }
      if (frontLinks * pushRatio < sweep) {
        for (let j = lo; j < hi; j++) {
          const v = lvNodes[j];
          const fv = lvMasks[j];
          const vb = v * W;
          for (let e = adjOffsets[v], end = adjOffsets[v + 1]; e < end; e++) {
            const w = adj[e];
            let b = fv & ~seen[w];
            if (b === 0) continue;
            if (next[w] === 0) lvNodes[len++] = w;
            next[w] |= b;
            const wb = w * W;
            do {
              const s = 31 - Math.clz32(b);
              sigma[wb + s] += sigma[vb + s];
              b ^= 1 << s;
            } while (b !== 0);
          }
        }
        for (let j = hi; j < len; j++) {
          const w = lvNodes[j];
          const m = next[w];
          lvMasks[j] = m;
          seen[w] |= m;
          next[w] = 0;
        }
      } else {
        // Pull: each node not yet reached by every expanding source looks at its neighbours.
        // Only a node's own `seen` is written, and only `level` is read from its neighbours.
        for (let w = 0; w < n; w++) {
          const miss = active & ~seen[w];
          if (miss === 0) continue;
          let got = 0;
          const wb = w * W;
          for (let e = adjOffsets[w], end = adjOffsets[w + 1]; e < end; e++) {
            const v = adj[e];
            let b = level[v] & miss;
            if (b === 0) continue;
            got |= b;
            const vb = v * W;
            do {
              const s = 31 - Math.clz32(b);
              sigma[wb + s] += sigma[vb + s];
              b ^= 1 << s;
            } while (b !== 0);
          }
          if (got !== 0) {
            seen[w] |= got;
            lvNodes[len] = w;
            lvMasks[len++] = got;
          }
        }
      }
      for (let j = lo; j < hi; j++) level[lvNodes[j]] = 0;
      if (len === hi) break;
      starts.push(len);
    }

    // Backward: from the deepest level up, δ_s(v) = σ_s(v) Σ_w (1 + δ_s(w)) / σ_s(w) over the
    // neighbours w one level further from s. Level 0 (the sources themselves) counts for nothing.
    const depth = starts.length - 1;
    for (let d = depth - 1; d >= 1; d--) {
      const lo = starts[d];
      const hi = starts[d + 1];
      if (d + 1 < depth) {
        for (let j = hi, end = starts[d + 2]; j < end; j++) level[lvNodes[j]] = lvMasks[j];
      }
      for (let j = lo; j < hi; j++) {
        const v = lvNodes[j];
        const mv = lvMasks[j];
        const vb = v * W;
        let b = mv;
        do {
          const s = 31 - Math.clz32(b);
          acc[s] = 0;
          b ^= 1 << s;
        } while (b !== 0);
        if (d + 1 < depth) {
          for (let e = adjOffsets[v], end = adjOffsets[v + 1]; e < end; e++) {
            const w = adj[e];
            let c = level[w] & mv;
            if (c === 0) continue;
            const wb = w * W;
            do {
              const s = 31 - Math.clz32(c);
              acc[s] += sigma[wb + s];
              c ^= 1 << s;
            } while (c !== 0);
          }
        }
        let sv = 0;
        let sq = 0;
        b = mv;
        do {
          const s = 31 - Math.clz32(b);
          const sg = sigma[vb + s];
          const delta = sg * acc[s];
          sv += delta;
          sq += delta * delta;
          sigma[vb + s] = (1 + delta) / sg;
          b ^= 1 << s;
        } while (b !== 0);
        sum[v] += sv;
        sumSq[v] += sq;
      }
      if (d + 1 < depth) {
        for (let j = hi, end = starts[d + 2]; j < end; j++) level[lvNodes[j]] = 0;
      }
    }

    // Clear what the batch touched.
    for (let j = 0; j < len; j++) {
      const v = lvNodes[j];
      seen[v] = 0;
      const vb = v * W;
      let b = lvMasks[j];
      do {
        const s = 31 - Math.clz32(b);
        sigma[vb + s] = 0;
        b ^= 1 << s;
      } while (b !== 0);
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
