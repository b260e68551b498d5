/**
 * The arguments of a sentence for relation extraction: its mentions, demonyms that stand for a
 * state ("Russian forces"), pronouns and plural descriptions resolved by coreference, each marked
 * when it only reports the claim ("U.S. officials say", "according to Washington").
 */
import { kindGroup, resolveReference } from './coreference.js';
import type { Cluster, DocumentAnalysis, Mention } from './mentions.js';
import type { Token } from './tokens.js';

export interface Arg {
  /** Token range in the sentence. */
  first: number;
  last: number;
  start: number;
  end: number;
  clusters: Cluster[];
  possessive: boolean;
  /** The arg reports the claim ("U.S. officials say", "according to Washington"): never a party to it. */
  source: boolean;
  /** A demonym that stands for its state ("Russian forces"). */
  demonym: boolean;
  pronoun: boolean;
  /** "Kremlin-backed": the participle a hyphen attaches to the name. */
  attached?: string;
  /** A country naming whose laws or money a noun is ("U.S. sanctions", "Iranian rials"): no object. */
  attributive?: boolean;
}

const ATTRIBUTED_NOUNS =
  /^(?:sanctions|measures|laws?|policy|policies|embargo|dollars?|rials?|bolivars?|rubles?|roubles?|currency|markets?|courts?|jurisdiction|visas?|passports?)$/i;

export const PRONOUNS = /^(?:he|him|his|she|her|it|its|they|them|their)$/i;
export const GROUP_PHRASES = [
  /^both men$/i,
  /^the two men$/i,
  /^the cousins$/i,
  /^the brothers$/i,
  /^the pair$/i,
  /^either nephew$/i,
  /^each of them$/i,
  /^the men$/i,
];
/** First words of pronouns and plural descriptions (a cheap test before building phrases). */
export const REFERENCE_START =
  /^(?:he|him|his|she|her|it|its|they|them|their|both|the|either|neither|each|all)$/i;
export const STATE_ACTORS =
  /^(?:forces|troops|military|army|navy|officers|government|authorities|police|intelligence|agents|soldiers|security|regime|administration|leadership|junta|coast guard)$/i;
export const SOURCE_NOUNS =
  /^(?:officials|authorities|prosecutors|sources|data|media|investigators|diplomats|analysts|documents|records|lawmakers|officers)$/i;
export const REPORTING =
  /^(?:says?|said|claims?|claimed|alleges?|alleged|reports?|reported|suggested|suggests|believes?|thinks?|told|argued|insists?|noted|stressed)$/i;

/** The arguments of a sentence: mentions, demonyms standing for states, pronouns, plural descriptions. */
export function sentenceArgs(doc: DocumentAnalysis, si: number, ts: Token[], mentions: Mention[]): Arg[] {
  const args: Arg[] = [];
  const tokenAt = (offset: number) => {
    let lo = 0;
    let hi = ts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ts[mid]!.end <= offset) lo = mid + 1;
      else if (ts[mid]!.start > offset) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
  for (const m of mentions) {
    const first = tokenAt(m.start);
    const last = tokenAt(m.end - 1);
    if (first < 0 || last < 0) continue;
    if (m.dateline) continue;
    const c = doc.clusters[m.cluster]!;
    const demonym = m.kind === 'demonym';
    const stateActor = STATE_ACTORS.test(ts[last + 1]?.text ?? '');
    if (demonym && !stateActor) continue;
    // "Iran's navy seized …": a country's organ acts for the country.
    const possessive = m.possessive && !(c.country && stateActor);
    args.push({
      first,
      last,
      start: m.start,
      end: m.end,
      clusters: [c],
      possessive,
      source: false,
      demonym,
      pronoun: false,
      attached: m.attached,
      attributive: c.country !== undefined && ATTRIBUTED_NOUNS.test(ts[last + 1]?.text ?? ''),
    });
  }
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    if (!t.word || !REFERENCE_START.test(t.text)) continue;
    if (args.some((a) => a.first <= i && i <= a.last)) continue;
    let phraseEnd = -1;
    for (const len of [3, 2]) {
      const phrase = ts
        .slice(i, i + len)
        .map((x) => x.text)
        .join(' ');
      if (GROUP_PHRASES.some((re) => re.test(phrase)) || kindGroup(phrase)) {
        phraseEnd = i + len - 1;
        break;
      }
    }
    if (phraseEnd < 0 && !PRONOUNS.test(t.text)) continue;
    const last = phraseEnd < 0 ? i : phraseEnd;
    // "among them Tajco": the pronoun points at the list that follows.
    if (phraseEnd < 0 && /^them$/i.test(t.text) && /^(?:among|of)$/i.test(ts[i - 1]?.text ?? '')) continue;
    const phrase = ts
      .slice(i, last + 1)
      .map((x) => x.text)
      .join(' ');
    // "they say", "that they say": the reporters, not a party.
    if (/^they$/i.test(phrase) && REPORTING.test(ts[i + 1]?.text ?? '')) continue;
    const clusters = resolveReference(doc, si, phrase, t.start);
    if (clusters.length === 0) continue;
    args.push({
      first: i,
      last,
      start: t.start,
      end: ts[last]!.end,
      clusters,
      possessive: /^(?:his|her|its|their)$/i.test(phrase),
      source: false,
      demonym: false,
      pronoun: true,
    });
    i = last;
  }
  args.sort((a, b) => a.first - b.first);
  // Sources of the claim: "according to X", "X officials say", "X says".
  for (const a of args) {
    const prev = ts
      .slice(Math.max(0, a.first - 2), a.first)
      .map((t) => t.text.toLowerCase())
      .join(' ');
    const next1 = ts[a.last + 1]?.text ?? '';
    const next2 = ts[a.last + 2]?.text ?? '';
    if (/according to$/.test(prev) || /according to (?:the|u\.s\.)$/.test(prev)) a.source = true;
    else if (ts[a.first - 1]?.text === 'and' && args.some((b) => b.source && b.last === a.first - 2))
      a.source = true;
    else if (SOURCE_NOUNS.test(next1) && (REPORTING.test(next2) || /^(?:have|had|has)$/.test(next2)))
      a.source = true;
    else if (REPORTING.test(next1) && !a.pronoun) a.source = true;
  }
  // "According to U.S. and Ukrainian officials": every arg before the comma is a source.
  if (ts[0]?.text === 'According' && ts[1]?.text === 'to') {
    const comma = ts.findIndex((t) => t.text === ',');
    for (const a of args) if (comma < 0 || a.first < comma) a.source = true;
  }
  return args;
}
