/**
 * The compact Brandes kernel for sampled betweenness on large graphs, in WebAssembly.
 *
 * The work is paid in memory latency (a random read costs ~3 ns within 4 MB here, 13–25 ns past
 * 8 MB), so the randomly read state is kept small: σ in float32 (4 bytes a node) and visited and
 * frontier nodes in bitmaps (1 bit a node). Per source:
 * - Forward, level by level: a small frontier pushes to its neighbours; a large one is pulled
 *   ("bottom-up" BFS): every unvisited node, in index order, scans its links for frontier nodes
 *   (a bit test in a 125 kB bitmap on 1M nodes, not a read of σ) and writes each neighbour at the
 *   next free place of a parents list, a place that advances only for a frontier neighbour: no
 *   branch per link (an unpredictable branch per link cost more than the read). σ of a pulled
 *   node is then the sum over its parents.
 * - Backward, from the deepest level: σ of each finished node becomes (1 + δ)/σ; a pulled level
 *   pushes that along its written-down parent links, a pushed (small) level is pulled by its
 *   parents' level instead. So the backward pass reads ~1/3 of the links, not all of them.
 * σ is rounded to 24 bits, so sums agree with the doubles kernel ({@link brandesSums}) to ~1e-7
 * relative, far inside a sampled estimate's standard error. A source whose path counts near the
 * float32 range is redone in doubles.
 *
 * Why WebAssembly: the same loops in JavaScript on typed arrays passed as arguments ran ~2× slower
 * per link (bounds checks, and every array's base and length kept live across the loop); wasm
 * addresses one linear memory from a register. The kernel is written below as WebAssembly text,
 * assembled from a few helpers, and compiled once per process with wabt.
 */
import wabtInit from 'wabt';
import { brandesSums, type Csr } from './centrality.js';

// ---- WebAssembly text helpers -------------------------------------------------------------

const get = (name: string) => `(local.get $${name})`;
const set = (name: string, value: string) => `(local.set $${name} ${value})`;
const i32 = (value: number) => `(i32.const ${value})`;
/** Address of item `index` of the array at `base`, items of 2^shift bytes. */
const at = (base: string, index: string, shift = 2) => `(i32.add ${base} (i32.shl ${index} ${i32(shift)}))`;
const load = (base: string, index: string) => `(i32.load ${at(base, index)})`;
const store = (base: string, index: string, value: string) => `(i32.store ${at(base, index)} ${value})`;
const inc = (name: string) => set(name, `(i32.add ${get(name)} ${i32(1)})`);
/** for each item `name` of row `row` of a CSR table whose row starts are at `starts` (uses $end). */
const forRow = (name: string, starts: string, row: string, ...body: string[]) =>
  set('end', `(i32.load offset=4 ${at(starts, row)})`) +
  forRange(name, load(starts, row), get('end'), ...body);
/** for (name = from; name < to; name++) body — `to` is read every round. */
const forRange = (name: string, from: string, to: string, ...body: string[]) => `
    ${set(name, from)}
    (block $${name}_done (loop $${name}_next
      (br_if $${name}_done (i32.ge_u ${get(name)} ${to}))
      ${body.join('\n      ')}
      ${inc(name)}
      (br $${name}_next)))`;
/** Copies of the layout's globals into locals, so the engine keeps them in registers. */
const bases = (...names: string[]) =>
  names.map((x) => `(local $${x} i32)`).join(' ') +
  '\n    ' +
  names.map((x) => set(x, `(global.get $${x})`)).join(' ');
/** The item of `order` at position `j`. */
const orderAt = (j: string) => load('(global.get $ORDER)', j);

/** Arrays in linear memory, in the order init() takes their byte offsets. */
const ARRAYS = [
  'OFF',
  'ADJ',
  'SIG',
  'FRONT',
  'VIS',
  'NEXT',
  'FB',
  'ORDER',
  'STARTS',
  'PULLED',
  'PAR',
  'PST',
  'SUM',
  'SQ',
];

/** δ_v = σ_v × acc (acc: Σ (1 + δ)/σ over v's children) into SUM and SQ; σ_v becomes (1 + δ_v)/σ_v. */
const settle = (v: string, acc: string) => `
      ${set('sa', at('(global.get $SIG)', v))}
      ${set('sg', `(f64.promote_f32 (f32.load ${get('sa')}))`)}
      ${set('delta', `(f64.mul ${get('sg')} ${acc})`)}
      (f32.store ${get('sa')} (f32.demote_f64 (f64.div (f64.add (f64.const 1) ${get('delta')}) ${get('sg')})))
      ${set('sa', at('(global.get $SUM)', v, 3))}
      (f64.store ${get('sa')} (f64.add (f64.load ${get('sa')}) ${get('delta')}))
      ${set('sa', at('(global.get $SQ)', v, 3))}
      (f64.store ${get('sa')} (f64.add (f64.load ${get('sa')}) (f64.mul ${get('delta')} ${get('delta')})))`;
const settleLocals = '(local $sa i32) (local $sg f64) (local $delta f64)';

const WAT = `(module
  (import "env" "memory" (memory 1))
  (global $n (mut i32) (i32.const 0))
  (global $links (mut i32) (i32.const 0))
  (global $words (mut i32) (i32.const 0))
  (global $ratio (mut f64) (f64.const 24))
  ${ARRAYS.map((x) => `(global $${x} (mut i32) (i32.const 0))`).join('\n  ')}

  (func (export "init") (param $n i32) (param $links i32) (param $ratio f64)
    ${ARRAYS.map((x) => `(param $${x} i32)`).join(' ')}
    (global.set $n ${get('n')})
    (global.set $links ${get('links')})
    (global.set $words (i32.shr_u (i32.add ${get('n')} ${i32(31)}) ${i32(5)}))
    (global.set $ratio ${get('ratio')})
    ${ARRAYS.map((x) => `(global.set $${x} ${get(x)})`).join(' ')})

  ;; One source: forward BFS with σ, then dependencies back up the levels into SUM and SQ.
  ;; Returns 0, with no sum touched, when a level's σ nears the float32 range.
  (func (export "source") (param $s i32) (result i32)
    (local $len i32) (local $depth i32) (local $used i32) (local $unvisited i32)
    (local $lo i32) (local $hi i32) (local $j i32) (local $u i32) (local $frontLinks i32)
    (local $largest f32) (local $pull i32) (local $d i32) (local $after i32)
    (memory.fill (global.get $VIS) ${i32(0)} (i32.shl (global.get $words) ${i32(2)}))
    ${store('(global.get $ORDER)', i32(0), get('s'))}
    (call $markBits (global.get $VIS) ${i32(0)} ${i32(1)})
    (f32.store ${at('(global.get $SIG)', get('s'))} (f32.const 1))
    ${set('len', i32(1))}
    ${store('(global.get $STARTS)', i32(0), i32(0))}
    ${store('(global.get $STARTS)', i32(1), i32(1))}
    ${set('unvisited', '(global.get $links)')}
    (block $forward_done (loop $forward
      ${set('lo', load('(global.get $STARTS)', get('depth')))}
      ${set('hi', load('(global.get $STARTS)', `(i32.add ${get('depth')} ${i32(1)})`))}
      ;; The frontier's links and its largest σ.
      ${set('frontLinks', i32(0))}
      ${set('largest', '(f32.const 0)')}
      ${forRange(
        'j',
        get('lo'),
        get('hi'),
        set('u', orderAt(get('j'))),
        set(
          'frontLinks',
          `(i32.add ${get('frontLinks')} (i32.sub ${load('(global.get $OFF)', `(i32.add ${get('u')} ${i32(1)})`)} ${load('(global.get $OFF)', get('u'))}))`,
        ),
        set('largest', `(f32.max ${get('largest')} (f32.load ${at('(global.get $SIG)', get('u'))}))`),
      )}
      ${set('unvisited', `(i32.sub ${get('unvisited')} ${get('frontLinks')})`)}
      (if (f32.gt ${get('largest')} (f32.const 1e30)) (then (return ${i32(0)})))
      ;; Pull when the frontier's links × ratio reach the unvisited nodes' links.
      ${set('pull', `(f64.ge (f64.mul (f64.convert_i32_u ${get('frontLinks')}) (global.get $ratio)) (f64.convert_i32_s ${get('unvisited')}))`)}
      (i32.store8 (i32.add (global.get $PULLED) (i32.add ${get('depth')} ${i32(1)})) ${get('pull')})
      (if ${get('pull')}
        (then
          (call $markBits (global.get $FB) ${get('lo')} ${get('hi')})
          ${store('(global.get $PST)', get('len'), get('used'))}
          ${set('len', `(call $pullLevel ${get('len')})`)}
          (call $sigmaFromParents ${get('hi')} ${get('len')})
          ${set('used', load('(global.get $PST)', get('len')))}
          (call $clearBits (global.get $FB) ${get('lo')} ${get('hi')})
          (call $markBits (global.get $VIS) ${get('hi')} ${get('len')}))
        (else ${set('len', `(call $pushLevel ${get('lo')} ${get('hi')} ${get('len')})`)}))
      (br_if $forward_done (i32.eq ${get('len')} ${get('hi')}))
      ${inc('depth')}
      ${store('(global.get $STARTS)', `(i32.add ${get('depth')} ${i32(1)})`, get('len'))}
      (br $forward)))
    ;; Backward, from the deepest level up to level 1.
    ${set('d', get('depth'))}
    (block $backward_done (loop $backward
      (br_if $backward_done (i32.lt_s ${get('d')} ${i32(1)}))
      ${set('lo', load('(global.get $STARTS)', get('d')))}
      ${set('hi', load('(global.get $STARTS)', `(i32.add ${get('d')} ${i32(1)})`))}
      ${set('after', `(i32.load ${at('(global.get $STARTS)', `(i32.add ${get('d')} ${i32(2)})`)})`)}
      (if (i32.or (i32.eq ${get('d')} ${get('depth')})
                  (i32.load8_u (i32.add (global.get $PULLED) (i32.add ${get('d')} ${i32(1)}))))
        (then
          (if (i32.lt_s ${get('d')} ${get('depth')}) (then (call $pushToParents ${get('hi')} ${get('after')})))
          (call $finishLevel ${get('lo')} ${get('hi')}))
        (else
          (call $copyLevel ${get('hi')} ${get('after')})
          (call $pullFromChildren ${get('lo')} ${get('hi')})
          (call $clearLevel ${get('hi')} ${get('after')})))
      ${set('d', `(i32.sub ${get('d')} ${i32(1)})`)}
      (br $backward)))
    ${i32(1)})

  ;; Push: the frontier's unvisited neighbours join the next level; σ flows along each link.
  (func $pushLevel (param $lo i32) (param $hi i32) (param $len i32) (result i32)
    (local $j i32) (local $u i32) (local $su f32) (local $e i32) (local $end i32) (local $v i32)
    (local $bit i32) (local $word i32) (local $seen i32)
    ${bases('OFF', 'ADJ', 'SIG', 'VIS', 'NEXT', 'ORDER')}
    ${forRange(
      'j',
      get('lo'),
      get('hi'),
      set('u', load(get('ORDER'), get('j'))),
      set('su', `(f32.load ${at(get('SIG'), get('u'))})`),
      forRow(
        'e',
        get('OFF'),
        get('u'),
        set('v', load(get('ADJ'), get('e'))),
        set('bit', `(i32.shl ${i32(1)} ${get('v')})`),
        set('word', at(get('VIS'), `(i32.shr_u ${get('v')} ${i32(5)})`)),
        set('seen', `(i32.load ${get('word')})`),
        `(if (i32.eqz (i32.and ${get('seen')} ${get('bit')}))
          (then
            (i32.store ${get('word')} (i32.or ${get('seen')} ${get('bit')}))
            ${set('word', at(get('NEXT'), `(i32.shr_u ${get('v')} ${i32(5)})`))}
            (i32.store ${get('word')} (i32.or (i32.load ${get('word')}) ${get('bit')}))
            (f32.store ${at(get('SIG'), get('v'))} ${get('su')})
            ${store(get('ORDER'), get('len'), get('v'))}
            ${inc('len')})
          (else
            (if (i32.and ${load(get('NEXT'), `(i32.shr_u ${get('v')} ${i32(5)})`)} ${get('bit')})
              (then (f32.store ${at(get('SIG'), get('v'))} (f32.add (f32.load ${at(get('SIG'), get('v'))}) ${get('su')}))))))`,
      ),
    )}
    (call $clearBits ${get('NEXT')} ${get('hi')} ${get('len')})
    ${get('len')})

  ;; Pull: every unvisited node scans its links for frontier nodes (bits in FB) and writes each
  ;; neighbour at the next free place of PAR, which advances only for a frontier neighbour; a node
  ;; with any joins the next level, its parents PAR[PST[j] .. PST[j + 1]).
  (func $pullLevel (param $len i32) (result i32)
    (local $n i32) (local $words i32) (local $word i32) (local $free i32) (local $base i32)
    (local $w i32) (local $e i32) (local $end i32) (local $v i32) (local $p i32)
    ${bases('OFF', 'ADJ', 'FB', 'VIS', 'ORDER', 'PAR', 'PST')}
    ${set('n', '(global.get $n)')} ${set('words', '(global.get $words)')}
    ${set('p', load(get('PST'), get('len')))}
    ${forRange(
      'word',
      i32(0),
      get('words'),
      set('free', `(i32.xor ${load(get('VIS'), get('word'))} ${i32(-1)})`),
      set('base', `(i32.shl ${get('word')} ${i32(5)})`),
      `(if (i32.lt_s (i32.sub ${get('n')} ${get('base')}) ${i32(32)})
        (then ${set('free', `(i32.and ${get('free')} (i32.sub (i32.shl ${i32(1)} (i32.sub ${get('n')} ${get('base')})) ${i32(1)}))`)}))`,
      `(block $bits_done (loop $bits
        (br_if $bits_done (i32.eqz ${get('free')}))
        ${set('w', `(i32.add ${get('base')} (i32.ctz ${get('free')}))`)}
        ${set('free', `(i32.and ${get('free')} (i32.sub ${get('free')} ${i32(1)}))`)}
        ${forRow(
          'e',
          get('OFF'),
          get('w'),
          set('v', load(get('ADJ'), get('e'))),
          store(get('PAR'), get('p'), get('v')),
          set(
            'p',
            `(i32.add ${get('p')} (i32.and (i32.shr_u ${load(get('FB'), `(i32.shr_u ${get('v')} ${i32(5)})`)} ${get('v')}) ${i32(1)}))`,
          ),
        )}
        ${store(get('ORDER'), get('len'), get('w'))}
        ${set('len', `(i32.add ${get('len')} (i32.ne ${get('p')} ${load(get('PST'), get('len'))}))`)}
        ${store(get('PST'), get('len'), get('p'))}
        (br $bits)))`,
    )}
    ${get('len')})

  ;; σ of each node of a pulled level: the sum over its written-down parents.
  (func $sigmaFromParents (param $lo i32) (param $hi i32)
    (local $j i32) (local $q i32) (local $end i32) (local $acc f64)
    ${bases('SIG', 'PAR', 'PST', 'ORDER')}
    ${forRange(
      'j',
      get('lo'),
      get('hi'),
      set('acc', '(f64.const 0)'),
      forRow(
        'q',
        get('PST'),
        get('j'),
        set(
          'acc',
          `(f64.add ${get('acc')} (f64.promote_f32 (f32.load ${at(get('SIG'), load(get('PAR'), get('q')))})))`,
        ),
      ),
      `(f32.store ${at(get('SIG'), load(get('ORDER'), get('j')))} (f32.demote_f64 ${get('acc')}))`,
    )})

  ;; A pulled level's (1 + δ)/σ (in SIG once settled), added into FRONT of each node's parents.
  (func $pushToParents (param $lo i32) (param $hi i32)
    (local $j i32) (local $q i32) (local $end i32) (local $c f32) (local $a i32)
    ${bases('SIG', 'FRONT', 'PAR', 'PST', 'ORDER')}
    ${forRange(
      'j',
      get('lo'),
      get('hi'),
      set('c', `(f32.load ${at(get('SIG'), load(get('ORDER'), get('j')))})`),
      forRow(
        'q',
        get('PST'),
        get('j'),
        set('a', at(get('FRONT'), load(get('PAR'), get('q')))),
        `(f32.store ${get('a')} (f32.add (f32.load ${get('a')}) ${get('c')}))`,
      ),
    )})

  ;; δ of a level whose children pushed into FRONT, which is cleared on the way.
  (func $finishLevel (param $lo i32) (param $hi i32)
    (local $j i32) (local $v i32) (local $a i32) ${settleLocals}
    ${forRange(
      'j',
      get('lo'),
      get('hi'),
      set('v', orderAt(get('j'))),
      set('a', at('(global.get $FRONT)', get('v'))),
      settle(get('v'), `(f64.promote_f32 (f32.load ${get('a')}))`),
      `(f32.store ${get('a')} (f32.const 0))`,
    )})

  ;; δ of a pushed level: each node sums FRONT ((1 + δ)/σ on its children, 0 elsewhere) over its links.
  (func $pullFromChildren (param $lo i32) (param $hi i32)
    (local $j i32) (local $v i32) (local $e i32) (local $end i32) (local $acc f64) ${settleLocals}
    ${bases('OFF', 'ADJ', 'FRONT')}
    ${forRange(
      'j',
      get('lo'),
      get('hi'),
      set('v', orderAt(get('j'))),
      set('acc', '(f64.const 0)'),
      forRow(
        'e',
        get('OFF'),
        get('v'),
        set(
          'acc',
          `(f64.add ${get('acc')} (f64.promote_f32 (f32.load ${at(get('FRONT'), load(get('ADJ'), get('e')))})))`,
        ),
      ),
      settle(get('v'), get('acc')),
    )})

  ;; FRONT := SIG on the nodes order[lo .. hi).
  (func $copyLevel (param $lo i32) (param $hi i32)
    (local $j i32) (local $v i32)
    ${forRange(
      'j',
      get('lo'),
      get('hi'),
      set('v', orderAt(get('j'))),
      `(f32.store ${at('(global.get $FRONT)', get('v'))} (f32.load ${at('(global.get $SIG)', get('v'))}))`,
    )})

  ;; FRONT := 0 on the nodes order[lo .. hi).
  (func $clearLevel (param $lo i32) (param $hi i32)
    (local $j i32)
    ${forRange('j', get('lo'), get('hi'), `(f32.store ${at('(global.get $FRONT)', orderAt(get('j')))} (f32.const 0))`)})

  ;; Sets the bits of the nodes order[lo .. hi) in the bitmap at $bits.
  (func $markBits (param $bits i32) (param $lo i32) (param $hi i32)
    (local $j i32) (local $v i32) (local $a i32)
    ${forRange(
      'j',
      get('lo'),
      get('hi'),
      set('v', orderAt(get('j'))),
      set('a', at(get('bits'), `(i32.shr_u ${get('v')} ${i32(5)})`)),
      `(i32.store ${get('a')} (i32.or (i32.load ${get('a')}) (i32.shl ${i32(1)} ${get('v')})))`,
    )})

  ;; Zeroes the words holding the nodes order[lo .. hi) in the bitmap at $bits.
  (func $clearBits (param $bits i32) (param $lo i32) (param $hi i32)
    (local $j i32)
    ${forRange('j', get('lo'), get('hi'), store(get('bits'), `(i32.shr_u ${orderAt(get('j'))} ${i32(5)})`, i32(0)))})
)`;

// ---- Loading and running ----------------------------------------------------------------

interface KernelExports {
  init(n: number, links: number, ratio: number, ...offsets: number[]): void;
  source(s: number): number;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** The kernel compiled (once per process); a worker thread can be handed the module. */
export function compactKernel(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const wabt = await wabtInit();
    const parsed = wabt.parseWat('compact-brandes.wat', WAT, { bulk_memory: true });
    try {
      parsed.validate();
      return new WebAssembly.Module(parsed.toBinary({}).buffer as Uint8Array<ArrayBuffer>);
    } finally {
      parsed.destroy();
    }
  })();
  return compiled;
}

/** wasm32 memory ends at 4 GiB; a larger graph runs in the doubles kernel. */
const MAX_BYTES = 2 ** 32;

/**
 * Raw Brandes sums over the sources with the compiled kernel: `sum[v]` = Σ_s δ_s(v), `sumSq[v]` =
 * Σ_s δ_s(v)². Synchronous, for worker threads that were handed the module.
 */
export function compactSumsWith(
  module: WebAssembly.Module,
  g: Csr,
  sources: Int32Array,
  /**
   * A level is pulled when its frontier's links × pushRatio reach the unvisited nodes' links; 24
   * was a little faster than 12 or 48 on the 1M synthetic graph (`npm run bench:betweenness`).
   */
  pushRatio = 24,
): { sum: Float64Array; sumSq: Float64Array } {
  const n = g.nodeCount;
  const links = g.adj.length;
  const words = (n + 31) >>> 5;
  let end = 0;
  const sizes: Record<string, number> = {
    OFF: 4 * (n + 1),
    ADJ: 4 * links,
    SIG: 4 * n,
    FRONT: 4 * n,
    VIS: 4 * words,
    NEXT: 4 * words,
    FB: 4 * words,
    ORDER: 4 * n,
    STARTS: 4 * (n + 2),
    PULLED: n + 2,
    PAR: 4 * (links + 1),
    PST: 4 * (n + 1),
    SUM: 8 * n,
    SQ: 8 * n,
  };
  const offsets = ARRAYS.map((name) => {
    const start = (end + 7) & ~7;
    end = start + sizes[name];
    return start;
  });
  if (end > MAX_BYTES) return brandesSums(g, sources);
  const offset = (name: string) => offsets[ARRAYS.indexOf(name)];
  const memory = new WebAssembly.Memory({ initial: Math.ceil(end / 65536) });
  const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  new Int32Array(memory.buffer, offset('OFF'), n + 1).set(g.adjOffsets);
  new Int32Array(memory.buffer, offset('ADJ'), links).set(g.adj);
  kernel.init(n, links, pushRatio, ...offsets);
  const sum = new Float64Array(memory.buffer, offset('SUM'), n);
  const sumSq = new Float64Array(memory.buffer, offset('SQ'), n);
  for (const s of sources) {
    if (kernel.source(s)) continue;
    // Path counts near the float32 range (lattice-like graphs): this source in doubles instead.
    const exact = brandesSums(g, Int32Array.of(s));
    for (let v = 0; v < n; v++) {
      sum[v] += exact.sum[v];
      sumSq[v] += exact.sumSq[v];
    }
  }
  return { sum: sum.slice(), sumSq: sumSq.slice() };
}
