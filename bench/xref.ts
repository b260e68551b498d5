/**
 * Cross-referencing the lists (issue 12): how fast does `tangle xref` pair the whole store
 * (SDN × UN × CSL × non-SDN × US Congress PEPs), and how precise and complete are its proposals and
 * automatic merges on the labelled pairs of bench/data/xref-pairs.csv (built from the lists' own
 * evidence by `npm run bench:xref-labels`)? The peer, in the same run: a plain join of entities on
 * an identical normalised name (words sorted), and for automatic merges an identical strong
 * identifier alone.
 *
 * Usage: npm run bench:xref   (needs ../shared/data)
 */
import { readFileSync, rmSync } from 'node:fs';
import { CandidateIndex, isScreenable } from '../src/match/candidate-index.js';
import { normalizeName } from '../src/names/normalize.js';
import { sharedStrongIds, strongIdKeys } from '../src/resolve/identifiers.js';
import { pairString } from '../src/resolve/judgements.js';
import { crossReference, XREF_THRESHOLD, type XrefPair } from '../src/resolve/xref.js';
import { parseCsv } from '../src/sources/csv.js';
import type { EntityRecord } from '../src/store/store.js';
import { LABELS_FILE, xrefStore } from './xref-store.js';

interface Labelled {
  left: string;
  right: string;
  label: boolean;
  kind: string;
  why: string;
}

function readLabels(): Labelled[] {
  const rows = [...parseCsv(readFileSync(LABELS_FILE, 'utf8'), LABELS_FILE)].slice(1);
  return rows.map(({ fields: [left, right, label, kind, why] }) => ({
    left,
    right,
    label: label === '1',
    kind,
    why,
  }));
}

interface Score {
  proposed: number;
  labelled: number;
  truePositives: number;
  precision: number;
  recall: number;
}

function evaluate(proposed: ReadonlySet<string>, labels: readonly Labelled[]): Score {
  let labelled = 0;
  let tp = 0;
  const positives = labels.filter((l) => l.label).length;
  for (const l of labels) {
    if (!proposed.has(pairString(l.left, l.right))) continue;
    labelled++;
    if (l.label) tp++;
  }
  return {
    proposed: proposed.size,
    labelled,
    truePositives: tp,
    precision: labelled ? tp / labelled : 1,
    recall: positives ? tp / positives : 1,
  };
}

/** The peer: entities of two datasets with an identical normalised name (words sorted). */
function exactNameJoin(records: readonly EntityRecord[]): Set<string> {
  const byKey = new Map<string, EntityRecord[]>();
  for (const e of records) {
    const keys = new Set<string>();
    for (const p of ['name', 'alias', 'previousName']) {
      for (const v of e.properties[p] ?? []) {
        const k = normalizeName(v).split(' ').sort().join(' ');
        if (k) keys.add(`${e.schema === 'Person' ? 'p' : 'o'}:${k}`);
      }
    }
    for (const k of keys) {
      const l = byKey.get(k) ?? [];
      l.push(e);
      byKey.set(k, l);
    }
  }
  const pairs = new Set<string>();
  for (const group of byKey.values()) {
    if (group.length > 50) continue;
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++)
        if (group[i].datasets[0] !== group[j].datasets[0]) pairs.add(pairString(group[i].id, group[j].id));
  }
  return pairs;
}

/** The peer for automatic merges: any identical strong identifier across datasets, names unseen. */
function identifierJoin(records: readonly EntityRecord[]): Set<string> {
  const byKey = new Map<string, EntityRecord[]>();
  for (const e of records) {
    for (const k of strongIdKeys(e.properties)) {
      const l = byKey.get(k) ?? [];
      l.push(e);
      byKey.set(k, l);
    }
  }
  const pairs = new Set<string>();
  for (const group of byKey.values())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++)
        if (
          group[i].datasets[0] !== group[j].datasets[0] &&
          sharedStrongIds(strongIdKeys(group[i].properties), strongIdKeys(group[j].properties)).length
        )
          pairs.add(pairString(group[i].id, group[j].id));
  return pairs;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const keysOf = (pairs: readonly XrefPair[]) => new Set(pairs.map((p) => pairString(p.left.id, p.right.id)));

async function main(): Promise<void> {
  const labels = readLabels();
  const { store, dir, seconds: importSeconds } = await xrefStore();
  const records: EntityRecord[] = [];
  for await (const r of store.currentEntities()) records.push(r);
  const screenable = records.filter((r) => isScreenable(r.schema));
  const counts = new Map<string, number>();
  for (const e of screenable) counts.set(e.datasets[0], (counts.get(e.datasets[0]) ?? 0) + 1);
  console.log(
    `store: ${[...counts].map(([d, n]) => `${d} ${n}`).join(', ')} (imported in ${importSeconds.toFixed(1)} s)`,
  );
  console.log(
    `labelled pairs: ${labels.length} (${labels.filter((l) => l.label).length} same, ${labels.filter((l) => !l.label).length} different)\n`,
  );

  const t0 = performance.now();
  const index = CandidateIndex.build(records);
  const indexSeconds = (performance.now() - t0) / 1000;
  const whole = crossReference(index, records);
  const unSdn = crossReference(index, records, { datasets: ['un_sc_sanctions'], against: ['us_ofac_sdn'] });
  const t1 = performance.now();
  const baseline = exactNameJoin(screenable);
  const baselineSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  const idJoin = identifierJoin(screenable);
  const idJoinSeconds = (performance.now() - t2) / 1000;

  console.log('Time (one thread)');
  console.log('| run | entities screened | pairs | seconds |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| matcher index build (all lists) | ${screenable.length} indexed | — | ${indexSeconds.toFixed(2)} |`,
  );
  console.log(
    `| tangle xref, whole store (SDN × UN × CSL × non-SDN × PEPs) | ${whole.screened} | ${whole.pairs.length} | ${whole.seconds.toFixed(2)} |`,
  );
  console.log(
    `| tangle xref --dataset un_sc_sanctions --against us_ofac_sdn | ${unSdn.screened} | ${unSdn.pairs.length} | ${unSdn.seconds.toFixed(2)} |`,
  );
  console.log(
    `| peer: exact normalised-name join | ${screenable.length} | ${baseline.size} | ${baselineSeconds.toFixed(2)} |`,
  );
  console.log(
    `| peer: identical strong identifier join | ${screenable.length} | ${idJoin.size} | ${idJoinSeconds.toFixed(2)} |\n`,
  );

  const ours = evaluate(keysOf(whole.pairs), labels);
  const oursAuto = evaluate(keysOf(whole.pairs.filter((p) => p.auto)), labels);
  const peer = evaluate(baseline, labels);
  const peerAuto = evaluate(idJoin, labels);
  console.log(`Accuracy on the labelled pairs (threshold ${XREF_THRESHOLD})`);
  console.log('| what | pairs | of them labelled | precision | recall |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const row = (name: string, s: Score) =>
    console.log(`| ${name} | ${s.proposed} | ${s.labelled} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  row('tangle xref proposals', ours);
  row('peer: exact normalised-name join', peer);
  row('tangle automatic merges (strong id + name)', oursAuto);
  row('peer: identical strong identifier alone', peerAuto);
  console.log(
    `\nrecall ratio ours/peer: proposals ${(ours.recall / Math.max(peer.recall, 1e-9)).toFixed(2)}×`,
  );

  console.log('\nRecall of proposals by kind of evidence');
  const kinds = [...new Set(labels.filter((l) => l.label).map((l) => l.kind))];
  const proposed = keysOf(whole.pairs);
  for (const k of kinds) {
    const of = labels.filter((l) => l.label && l.kind === k);
    const found = of.filter((l) => proposed.has(pairString(l.left, l.right))).length;
    const peerFound = of.filter((l) => baseline.has(pairString(l.left, l.right))).length;
    console.log(
      `  ${k.padEnd(20)} ours ${found}/${of.length} (${pct(found / of.length)}), peer ${peerFound}/${of.length} (${pct(peerFound / of.length)})`,
    );
  }
  const negKinds = [...new Set(labels.filter((l) => !l.label).map((l) => l.kind))];
  for (const k of negKinds) {
    const of = labels.filter((l) => !l.label && l.kind === k);
    const wrong = of.filter((l) => proposed.has(pairString(l.left, l.right))).length;
    const peerWrong = of.filter((l) => baseline.has(pairString(l.left, l.right))).length;
    console.log(
      `  ${k.padEnd(20)} proposed wrongly: ours ${wrong}/${of.length}, peer ${peerWrong}/${of.length}`,
    );
  }
  const peps = whole.pairs.filter(
    (p) => p.left.datasets[0] === 'senzing' || p.right.datasets[0] === 'senzing',
  );
  console.log(`  proposals with a US Congress member (none is on these lists): ours ${peps.length}`);

  const missed = labels.filter((l) => l.label && !proposed.has(pairString(l.left, l.right)));
  console.log(`\nMissed same pairs (${missed.length}):`);
  for (const l of missed.slice(0, 15)) console.log(`  ${l.left} ${l.right}: ${l.why}`);
  const autoKeys = keysOf(whole.pairs.filter((p) => p.auto));
  const wrongAuto = labels.filter((l) => !l.label && autoKeys.has(pairString(l.left, l.right)));
  console.log(`Automatic merges labelled different (${wrongAuto.length}):`);
  for (const l of wrongAuto.slice(0, 15)) console.log(`  ${l.left} ${l.right}: ${l.why}`);
  const positives = new Set(labels.filter((l) => l.label).map((l) => pairString(l.left, l.right)));
  const notAuto = [...idJoin].filter((k) => positives.has(k) && !autoKeys.has(k));
  const byKey = new Map(whole.pairs.map((p) => [pairString(p.left.id, p.right.id), p]));
  console.log(
    `Same pairs with a shared strong identifier not merged automatically (${notAuto.length}), first 15:`,
  );
  for (const k of notAuto.slice(0, 15)) {
    const p = byKey.get(k);
    console.log(
      `  ${k.replace('\u0000', ' ')}: ${p ? `score ${p.score}; ${Object.keys(p.explanations).join(', ')}; ${p.left.caption} / ${p.right.caption}` : 'not proposed'}`,
    );
  }
  const unlabelledAuto = whole.pairs.filter(
    (p) => p.auto && !labels.some((l) => pairString(l.left, l.right) === pairString(p.left.id, p.right.id)),
  );
  console.log(`Automatic merges outside the labelled set (${unlabelledAuto.length}), to check by hand:`);
  for (const p of unlabelledAuto)
    console.log(
      `  ${p.left.id} ${p.right.id}: ${p.left.caption} / ${p.right.caption}; same ${p.sharedIds.map((x) => `${x.kind} ${x.value}`).join(', ')}; born ${(p.left.properties.birthDate ?? []).join('/') || '?'} vs ${(p.right.properties.birthDate ?? []).join('/') || '?'}`,
    );
  const wrongProposals = labels.filter((l) => !l.label && proposed.has(pairString(l.left, l.right)));
  console.log(`Proposals labelled different (${wrongProposals.length}), first 15:`);
  for (const l of wrongProposals.slice(0, 15)) console.log(`  ${l.left} ${l.right}: ${l.why}`);

  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
