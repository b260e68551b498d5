/**
 * Build the labelled cross-list pairs for `npm run bench:xref` (bench/data/xref-pairs.csv) from
 * evidence the lists themselves give, never from the matcher:
 *
 * - CSL × OFAC by reference number: a CSL row taken from the SDN or non-SDN lists carries OFAC's
 *   entity number, so `us_trade_csl-N` is `us_ofac_sdn-N` (or `us_ofac_cons-N`) — positive. Other
 *   OFAC entries that share two or more name words with it (and half the words of the shorter
 *   name) are another listing — hard negative. OFAC numbers entries once across its lists, so
 *   the same number on the SDN and non-SDN lists is one entry listed twice — positive.
 * - UN × SDN people by documents and birth dates: a shared passport or national id number with a
 *   compatible date of birth, or an identical full date of birth and two or more shared name
 *   words — positive. People who share two or more name words (half the shorter name) but whose
 *   birth years all differ — hard negative (namesakes, relatives).
 * - UN × SDN organisations and vessels by a shared strong identifier (IMO, SWIFT, tax id) — positive.
 *
 * Usage: npm run bench:xref-labels (needs ../shared/data); prints counts per kind of evidence.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { isScreenable } from '../src/match/candidate-index.js';
import { compareBirthDates } from '../src/match/features.js';
import { normalizeName } from '../src/names/normalize.js';
import { strongIdKeys } from '../src/resolve/identifiers.js';
import type { EntityRecord } from '../src/store/store.js';
import { LABELS_FILE, xrefStore } from './xref-store.js';

const NAME_PROPS = ['name', 'alias', 'previousName'];

/** Distinct name words of an entity (three letters or more: "al", "bin" and initials say little). */
function nameWords(e: EntityRecord): Set<string> {
  const words = new Set<string>();
  for (const p of NAME_PROPS) {
    for (const v of e.properties[p] ?? [])
      for (const w of normalizeName(v).split(' ')) if (w.length >= 3) words.add(w);
  }
  return words;
}

function shared(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((w) => b.has(w));
}

interface Label {
  left: string;
  right: string;
  label: 0 | 1;
  kind: string;
  why: string;
}

async function main(): Promise<void> {
  const { store, dir } = await xrefStore();
  const byDataset = new Map<string, EntityRecord[]>();
  const byId = new Map<string, EntityRecord>();
  for await (const e of store.currentEntities()) {
    if (!isScreenable(e.schema)) continue;
    byId.set(e.id, e);
    const list = byDataset.get(e.datasets[0]) ?? [];
    list.push(e);
    byDataset.set(e.datasets[0], list);
  }
  const labels = new Map<string, Label>();
  const add = (l: Label) => {
    const key = [l.left, l.right].sort().join('|');
    if (!labels.has(key)) labels.set(key, l);
  };
  const words = new Map<string, Set<string>>();
  const wordsOf = (e: EntityRecord) => {
    let w = words.get(e.id);
    if (!w) words.set(e.id, (w = nameWords(e)));
    return w;
  };
  /** OFAC entries by name word, for hard negatives. */
  const index = new Map<string, EntityRecord[]>();
  for (const ds of ['us_ofac_sdn', 'us_ofac_cons']) {
    for (const e of byDataset.get(ds) ?? []) {
      for (const w of wordsOf(e)) {
        const l = index.get(w) ?? [];
        l.push(e);
        index.set(w, l);
      }
    }
  }
  /**
   * OFAC entries that share at least two name words with an entity, and at least half the words
   * of the one with fewer: the entries a matcher could confuse with it.
   */
  const sharingWords = (e: EntityRecord) => {
    const counts = new Map<EntityRecord, number>();
    const mine = wordsOf(e);
    for (const w of mine) {
      const list = index.get(w) ?? [];
      if (list.length > 400) continue; // "mohammed", "company": shared by hundreds, says nothing
      for (const o of list) counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    return [...counts]
      .filter(([o, n]) => n >= 2 && n >= 0.5 * Math.min(mine.size, wordsOf(o).size))
      .map(([o]) => o);
  };

  // OFAC numbers its entries once across its lists: the same number on the SDN and the non-SDN
  // lists is one entry listed twice, and a CSL row carrying it is that entry again.
  for (const c of byDataset.get('us_ofac_cons') ?? []) {
    const n = c.recordIds.us_ofac_cons?.[0];
    const s = byId.get(`us_ofac_sdn-${n}`);
    if (s)
      add({
        left: c.id,
        right: s.id,
        label: 1,
        kind: 'ofac-number',
        why: `OFAC entry ${n} on both the SDN and non-SDN lists`,
      });
  }
  for (const c of byDataset.get('us_trade_csl') ?? []) {
    const n = c.recordIds.us_trade_csl?.[0];
    if (!n || !/^\d+$/.test(n)) continue;
    const targets = [byId.get(`us_ofac_sdn-${n}`), byId.get(`us_ofac_cons-${n}`)].filter(
      (t) => t !== undefined,
    );
    if (!targets.length) continue;
    for (const t of targets)
      add({
        left: c.id,
        right: t.id,
        label: 1,
        kind: 'csl-reference',
        why: `CSL entity_number ${n} is OFAC entry ${n}`,
      });
    for (const o of sharingWords(c)) {
      if (targets.includes(o)) continue;
      const w = shared(wordsOf(c), wordsOf(o));
      add({
        left: c.id,
        right: o.id,
        label: 0,
        kind: 'csl-other-listing',
        why: `CSL entity_number ${n} names OFAC entry ${n}, not ${o.recordIds[o.datasets[0]]?.[0]}; shares ${w.join(' ')}`,
      });
    }
  }

  // UN × SDN.
  const sdnByKey = new Map<string, EntityRecord[]>();
  for (const e of byDataset.get('us_ofac_sdn') ?? []) {
    for (const k of strongIdKeys(e.properties)) {
      const l = sdnByKey.get(k) ?? [];
      l.push(e);
      sdnByKey.set(k, l);
    }
  }
  for (const u of byDataset.get('un_sc_sanctions') ?? []) {
    const dobU = u.properties.birthDate ?? [];
    for (const k of strongIdKeys(u.properties)) {
      for (const s of sdnByKey.get(k) ?? []) {
        if (u.schema === 'Person') {
          const dates = compareBirthDates(dobU, s.properties.birthDate ?? []);
          if (!dates.compatible) continue;
          add({
            left: u.id,
            right: s.id,
            label: 1,
            kind: 'un-document',
            why: `same ${k.replace(':', ' ')}; born ${dobU.join('/')}`,
          });
        } else {
          add({
            left: u.id,
            right: s.id,
            label: 1,
            kind: 'un-identifier',
            why: `same ${k.replace(':', ' ')}`,
          });
        }
      }
    }
    if (u.schema !== 'Person' || !dobU.length) continue;
    for (const s of sharingWords(u)) {
      if (s.datasets[0] !== 'us_ofac_sdn' || s.schema !== 'Person') continue;
      const dobS = s.properties.birthDate ?? [];
      if (!dobS.length) continue;
      const w = shared(wordsOf(u), wordsOf(s));
      const fullU = dobU.filter((d) => d.length === 10);
      const sameDay = fullU.some((d) => dobS.includes(d));
      const dates = compareBirthDates(dobU, dobS);
      if (sameDay) {
        add({
          left: u.id,
          right: s.id,
          label: 1,
          kind: 'un-birthdate-name',
          why: `born ${fullU.find((d) => dobS.includes(d))}; shares ${w.join(' ')}`,
        });
      } else if (dates.yearDisjoint) {
        add({
          left: u.id,
          right: s.id,
          label: 0,
          kind: 'un-namesake',
          why: `shares ${w.join(' ')}; born ${dobU.join('/')} vs ${dobS.join('/')}`,
        });
      }
    }
  }

  const rows = [...labels.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.left.localeCompare(b.left) || a.right.localeCompare(b.right),
  );
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  writeFileSync(
    LABELS_FILE,
    [
      'left,right,label,kind,why',
      ...rows.map((r) => [r.left, r.right, String(r.label), r.kind, r.why].map(esc).join(',')),
    ].join('\n') + '\n',
  );
  const counts = new Map<string, number>();
  for (const r of rows)
    counts.set(
      `${r.kind} (${r.label ? 'same' : 'different'})`,
      (counts.get(`${r.kind} (${r.label ? 'same' : 'different'})`) ?? 0) + 1,
    );
  for (const [k, n] of [...counts].sort()) console.log(`${k.padEnd(36)} ${n}`);
  console.log(`${rows.length} pairs written to ${LABELS_FILE}`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
