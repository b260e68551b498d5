/**
 * Entity linking: each party of a document to the store entry it is, with a confidence. A link
 * needs a compatible type (a person to a person, an organisation to a company or organisation,
 * never a place or a country), a name match (full name, a reduced or partial form, or all the
 * words of a multi-word name inside one listed name), and passes guards: a one-word name that is
 * also an ordinary word of the document, a weak alias alone, or a short word never links.
 * Several entries that fit equally well make the link ambiguous.
 */
import type { Gazetteer, GazetteerHit } from './gazetteer.js';
import { foldWord, FUNCTION_WORDS, nameWords, weakOneWordHit } from './gazetteer.js';
import { COMPANY_HEADS, KIN_BEFORE, SENTENCE_STARTERS } from './lexicon.js';
import type { Cluster, DocumentAnalysis } from './mentions.js';
import { isAllCaps } from './tokens.js';

export interface Link {
  id: string;
  confidence: number;
  ambiguous: boolean;
  storeSchema: string;
  caption: string;
  programs: string[];
}

const BASE: Record<GazetteerHit['kind'], number> = { name: 0.95, reduced: 0.9, partial: 0.78, weak: 0.6 };

/** Words that every listed organisation might contain; they do not count as a missed word. */
const GENERIC = new Set(
  'of the and for company joint stock limited liability open closed public private industrial production group holding holdings co ltd llc ooo jsc pjsc ao oao zao sal dmcc fze lda sa'
    .split(' ')
    .map(foldWord),
);

function compatible(schema: string, storeSchema: string): boolean {
  if (schema === 'Country') return false;
  if (schema === 'Location') return storeSchema !== 'Person' && storeSchema !== 'Vessel';
  if (schema === 'Person' || storeSchema === 'Person') return schema === storeSchema;
  if (schema === 'Vessel' || storeSchema === 'Vessel') return schema === storeSchema;
  return true;
}

/** Program words that hint an entry belongs to the document's story. */
function contextScore(g: Gazetteer, entity: number, docCountries: Set<string>, docText: string): number {
  const e = g.entities[entity]!;
  let s = 0;
  if (e.countries.some((c) => docCountries.has(c))) s += 0.03;
  const progs = e.programs.join(' ');
  if (/IRAN|IRGC|IFSR|NPWMD/.test(progs) && docCountries.has('ir')) s += 0.02;
  if (/VENEZUELA/.test(progs) && docCountries.has('ve')) s += 0.02;
  if (/RUSSIA|UKRAINE/.test(progs) && (docCountries.has('ru') || docCountries.has('ua'))) s += 0.02;
  if (/SDGT|FTO/.test(progs) && /terror|hezbollah|hizballah|hamas|militant/i.test(docText)) s += 0.02;
  if (/SDNTK|ILLICIT-DRUGS/.test(progs) && /cocaine|drug|cartel|narco/i.test(docText)) s += 0.02;
  return s;
}

export function linkClusters(doc: DocumentAnalysis, g: Gazetteer | undefined): Map<number, Link> {
  const links = new Map<number, Link>();
  if (!g) return links;
  const lowerSeen = new Set<string>();
  for (const ts of doc.tokens)
    for (const t of ts) if (t.word && t.text === t.text.toLowerCase()) lowerSeen.add(t.text);
  const docCountries = new Set<string>();
  for (const c of doc.clusters) if (c.mergedInto === undefined && c.country) docCountries.add(c.country.iso);

  for (const c of doc.clusters) {
    if (c.mergedInto !== undefined || c.country) continue;
    // A place links only when nothing in the text made it one for sure ("an industrial park" may be a company).
    if (c.schema === 'Location' && c.strongPlace) continue;
    const scored = new Map<number, number>();
    const consider = (entity: number, score: number) => {
      const e = g.entities[entity]!;
      if (!compatible(c.schema, e.schema)) return;
      if (score > (scored.get(entity) ?? 0)) scored.set(entity, score);
    };
    const names = [...new Set(c.names)];
    for (const name of names) {
      const words = nameWords(name);
      if (words.length === 0 || !safeName(name, words, lowerSeen)) continue;
      // A given name or surname alone is never enough for a person, but for a leader's surname
      // ("the Maduro government") that opens a listed name whose programmes fit the story.
      if (c.schema === 'Person' && words.length === 1 && c.leader) {
        for (const [entity, score] of leaderCandidates(g, words[0]!, docCountries, doc.text))
          consider(entity, score);
        continue;
      }
      // "his brothers Ali and Husayn", "Barakat's son Hamzi": a kin's given name takes the family name.
      if (c.schema === 'Person' && words.length === 1) {
        for (const surname of kinSurnames(doc, c)) {
          const full = nameWords(`${name} ${surname}`);
          for (const h of g.lookup(full)) {
            if (h.kind === 'weak' || g.entities[h.entity]!.schema !== 'Person') continue;
            consider(h.entity, BASE[h.kind] - 0.1 - (h.folded ? 0.08 : 0));
          }
        }
        continue;
      }
      if (c.schema === 'Person' && words.length < 2) continue;
      const hits = g.lookup(words);
      for (const h of hits) {
        // A one-word vessel name ("Fortune") needs a ship nearby in the text.
        if (words.length === 1 && g.entities[h.entity]!.schema === 'Vessel' && !vesselContext(doc, c))
          continue;
        if (h.kind === 'weak' && !(isAllCaps(name) && names.length > 1)) continue;
        if (weakOneWordHit(h, words.length)) continue;
        // So does a one-word vessel name need the entry's flag or programmes in the story.
        if (
          words.length === 1 &&
          g.entities[h.entity]!.schema === 'Vessel' &&
          contextScore(g, h.entity, docCountries, doc.text) === 0
        )
          continue;
        if (h.kind === 'partial' && words.length < 2) continue;
        const e = g.entities[h.entity]!;
        const mine = new Set(words.map(foldWord));
        // Words the text does not give, of the entry's closest name (other aliases add none).
        let missed = Infinity;
        for (const name of e.nameWords.length > 0 ? e.nameWords : [e.words]) {
          let n = 0;
          for (const w of name) if (!mine.has(w) && !GENERIC.has(w)) n++;
          missed = Math.min(missed, n);
        }
        // A partial person name ("Nicolás Maduro" for MADURO MOROS) needs the story to fit the entry.
        if (h.kind === 'partial' && contextScore(g, h.entity, docCountries, doc.text) === 0) continue;
        consider(h.entity, BASE[h.kind] - (h.folded ? 0.08 : 0) - 0.03 * missed);
      }
      if (hits.length === 0 && words.length >= 2 && c.schema !== 'Person') {
        // Every word of the phrase inside one listed name, with at most two other real words.
        // At least one distinctive word ("Golfrate Holdings" yes, "Petroleum Holdings" no).
        const content = words.filter((w) => !GENERIC.has(foldWord(w)));
        if (content.length === 0 || (content.length === 1 && g.wordFrequency(content[0]!) > 3)) continue;
        const mine = new Set(words.map(foldWord));
        const needed = words.filter((w) => !FUNCTION_WORDS.has(w)).map(foldWord);
        for (const entity of g.containing(words)) {
          const e = g.entities[entity]!;
          const extraOf = (words: Set<string>) => {
            let n = 0;
            for (const w of words) if (!mine.has(w) && !GENERIC.has(w) && w.length > 1) n++;
            return n;
          };
          // Distinctive words the entry has beyond the phrase, over all its names; or none in one
          // of its names that holds the whole phrase (aliases in other languages add no word).
          const extra = extraOf(e.words);
          const exactName = e.nameWords.some(
            (name) => needed.every((w) => name.has(w)) && extraOf(name) === 0,
          );
          // A listed name with more distinctive words is another party ("… of Colombia - People's Army").
          if (extra === 0 || exactName || (extra === 1 && content.length >= 3))
            consider(entity, exactName ? 0.72 : 0.72 - 0.04 * extra);
        }
      }
    }
    if (scored.size === 0) continue;
    const ranked = [...scored].map(
      ([entity, s]) => [entity, s + contextScore(g, entity, docCountries, doc.text)] as const,
    );
    ranked.sort((a, b) => b[1] - a[1]);
    preferRichestListing(g, ranked);
    const [bestEntity, bestScore] = ranked[0]!;
    const ambiguous =
      ranked.length > 1 && !sameParty(g, ranked[0]![0], ranked[1]![0]) && ranked[1]![1] >= bestScore - 0.015;
    const e = g.entities[bestEntity]!;
    links.set(c.index, {
      id: e.id,
      confidence: Math.min(0.99, Math.round((ambiguous ? bestScore * 0.8 : bestScore) * 100) / 100),
      ambiguous,
      storeSchema: e.schema,
      caption: e.caption,
      programs: e.programs,
    });
  }
  return links;
}

/** Family names a one-word person's mention inherits from the kin phrase before it. */
function kinSurnames(doc: DocumentAnalysis, c: Cluster): string[] {
  const out = new Set<string>();
  for (const m of c.mentions) {
    const lead = KIN_BEFORE.exec(doc.text.slice(Math.max(0, m.start - 80), m.start));
    if (!lead) continue;
    if (lead[2]) {
      out.add(lead[2]);
      continue;
    }
    // "his": the last person named with a family name, in this sentence or the one before.
    const named = doc.mentions.filter(
      (x) =>
        x.start < m.start - lead[0].length &&
        x.sentence >= m.sentence - 1 &&
        x.kind === 'name' &&
        doc.clusters[x.cluster]!.schema === 'Person' &&
        x.text.trim().split(/\s+/).length >= 2,
    );
    const last = named[named.length - 1];
    if (last)
      out.add(
        last.text
          .trim()
          .split(/\s+/)
          .pop()!
          .replace(/['’]s$/, ''),
      );
  }
  return [...out];
}

/** The id's dataset: "us_ofac_sdn-10481" → "us_ofac_sdn". */
function datasetOf(id: string): string {
  const dash = id.indexOf('-');
  return dash < 0 ? id : id.slice(0, dash);
}

/**
 * Two lists' entries for one party: the same schema, other datasets, and the words of one's
 * names all in the other's ("Qasem Soleimani" on the UN list, "SOLEIMANI, Qasem" on OFAC's).
 */
function sameParty(g: Gazetteer, a: number, b: number): boolean {
  const ea = g.entities[a]!;
  const eb = g.entities[b]!;
  if (ea.schema !== eb.schema || datasetOf(ea.id) === datasetOf(eb.id)) return false;
  const [small, large] = ea.words.size <= eb.words.size ? [ea, eb] : [eb, ea];
  for (const w of small.words) if (!large.words.has(w)) return false;
  return true;
}

/**
 * When the best entry's party is also listed by another list nearly as well matched, link the
 * richer listing (more programmes, then more names): word order alone ("Qasem Soleimani" is the
 * UN list's order, OFAC writes "SOLEIMANI, Qasem") should not decide which list a reader sees.
 */
function preferRichestListing(g: Gazetteer, ranked: Array<readonly [number, number]>): void {
  if (ranked.length < 2) return;
  const best = ranked[0]!;
  const richness = (i: number) => g.entities[i]!.programs.length * 100 + g.entities[i]!.nameWords.length;
  let pick = 0;
  for (let k = 1; k < ranked.length; k++) {
    const [entity, score] = ranked[k]!;
    if (score < best[1] - 0.1 || !sameParty(g, best[0], entity)) continue;
    if (richness(entity) > richness(ranked[pick]![0])) pick = k;
  }
  if (pick > 0) {
    const [chosen] = ranked.splice(pick, 1);
    ranked.unshift([chosen![0], best[1]]);
  }
}

/** Listed people ("SURNAME OTHER, Given") whose first surname is this word and whose programmes fit the story. */
function leaderCandidates(
  g: Gazetteer,
  word: string,
  docCountries: Set<string>,
  docText: string,
): Array<[number, number]> {
  const folded = foldWord(word);
  const out: Array<[number, number]> = [];
  for (const entity of g.containing([word])) {
    const e = g.entities[entity]!;
    const comma = e.caption.indexOf(',');
    if (e.schema !== 'Person' || comma < 0) continue;
    const surname = nameWords(e.caption.slice(0, comma))[0];
    if (!surname || foldWord(surname) !== folded) continue;
    if (contextScore(g, entity, docCountries, docText) === 0) continue;
    let missed = 0;
    for (const w of e.words) if (w !== folded && !GENERIC.has(w)) missed++;
    out.push([entity, 0.7 - 0.03 * missed]);
  }
  return out;
}

function vesselContext(doc: DocumentAnalysis, c: Cluster): boolean {
  return c.mentions.some((m) =>
    /\b(?:tankers?|vessels?|ships?|freighters?|carriers?|supertankers?|boats?|yachts?)\b/i.test(
      doc.text.slice(Math.max(0, m.start - 60), m.end + 20),
    ),
  );
}

/** A name safe to look up: not a lone ordinary word, not a short word, not a sentence starter. */
function safeName(name: string, words: string[], lowerSeen: Set<string>): boolean {
  if (words.length > 1) return true;
  const w = words[0]!;
  if (isAllCaps(name)) return name.replace(/\./g, '').length >= 3;
  if (w.length < 5) return false;
  if (lowerSeen.has(w) || SENTENCE_STARTERS.has(name) || COMPANY_HEADS.has(name)) return false;
  return true;
}
