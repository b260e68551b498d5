/**
 * Relation claims between the parties of a document. Per sentence, the arguments are the
 * mentions (names, acronyms, countries, descriptions) plus resolved pronouns and plural
 * descriptions; cue verbs find their subject to the left (through relative pronouns, passives
 * with "by", coordinated subjects) and their objects to the right (direct objects, or the
 * preposition the cue wants: "to", "against", "on", "for", "from"); role nouns link their holder
 * ("Z, the wife of Y", "Z is a subsidiary of Y", "Y's president, Z", "a Y financier"). Each claim
 * carries its sentence and offsets, hedged and negated flags, a date, a domain and, for flows,
 * the item.
 */
import { resolveReference } from './coreference.js';
import { ITEMS, nounCue, SANCTION_CONTEXT, verbCue, type VerbCue } from './cues.js';
import { findDates, type DateMention } from './dates.js';
import type { DocumentMeta, Domain, ExtractedRelation, RelationType } from './extraction.js';
import { HEDGE_BEFORE, HEDGE_NEAR, NEGATION_AFTER, NEGATION_BEFORE, NEGATION_CLAUSE } from './hedging.js';
import type { Cluster, DocumentAnalysis, Mention } from './mentions.js';
import type { Token } from './tokens.js';

interface Arg {
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
}

interface Claim {
  source: Cluster;
  target: Cluster;
  type: RelationType;
  subtype: string | null;
  domain: Domain;
  item: string | null;
  /** Token index of the cue, for hedging, negation and dates. */
  cue: number;
  targetArg?: Arg;
  stative: boolean;
}

const PRONOUNS = /^(?:he|him|his|she|her|it|its|they|them|their)$/i;
const GROUP_PHRASES = [/^both men$/i, /^the two men$/i, /^the cousins$/i, /^the brothers$/i, /^the pair$/i, /^either nephew$/i, /^each of them$/i, /^the men$/i];
/** First words of pronouns and plural descriptions (a cheap test before building phrases). */
const REFERENCE_START = /^(?:he|him|his|she|her|it|its|they|them|their|both|the|either|each)$/i;
const STATE_ACTORS = /^(?:forces|troops|military|army|navy|officers|government|authorities|police|intelligence|agents|soldiers|security)$/i;
const SOURCE_NOUNS = /^(?:officials|authorities|prosecutors|sources|data|media|investigators|diplomats|analysts|documents|records|lawmakers|officers)$/i;
const REPORTING = /^(?:says?|said|claims?|claimed|alleges?|alleged|reports?|reported|suggested|suggests|believes?|thinks?|told|argued|insists?|noted|stressed)$/i;
const BE = /^(?:is|are|was|were|been|be|being|has been|had been)$/i;
const AUX_ADVERB = /^(?:believed|thought|known|reported|alleged|suspected|understood|expected|had|has|have|was|were|is|are|been|be|also|later|then|not|never|no|always|reportedly|allegedly|separately|publicly|long|still|first|already|once|previously|formerly|itself|since|ever|now|subsequently|jointly|secretly|repeatedly|would|will|could|may|might|did|does|do|to|began|begun|continued|helped|agreed|tried|sought|kept|said|says|say|they|officials|that|U\.S\.)$/i;
const PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'for', 'by', 'on', 'with', 'against', 'over', 'under', 'across', 'through', 'via', 'of', 'beside', 'outside', 'inside', 'between', 'among', 'about', 'than', 'like']);
const MILITARY_PARTY = /\b(?:Forces?|Army|Navy|Guard|Corps|Defen[cs]e|Military|Aerospace|Brigades?|Militia|Hezbollah|Hizballah|Hamas|Houthis?|Ansarallah)\b/;
const CRIMINAL_PARTY = /\b(?:Cartel|Gang|Mafia|Clan|Syndicate|Tren de Aragua)\b/i;
const MILITARY_TOPIC = /\b(?:drones?|missiles?|weapons?|military|army|navy|warplanes?|munitions|air force|troops|Shaheds?|attack)\b/i;
/** Cue words that are as often nouns ("restricted trade with"): verbs only after a subject or an auxiliary. */
const NOUN_OR_VERB = /^(?:trade|head|list|fund|funds|control|support|back|aid|target|ship|supply|export|exports|import|imports|run|lead|command|partner|attack|strike|raid|transport|deal|order)$/;
const CRIMINAL_TOPIC = /\b(?:cocaine|drugs?|narco\w*|trafficking|smuggl\w*|laundering)\b/i;
const RELATIVE = /^(?:which|who|that)$/i;
/** Relations that hold over time rather than happen: dated only by their own clause. */
const STATIVE = new Set<RelationType>(['ownership', 'controls', 'directorship', 'membership', 'employment', 'associate', 'allied_with', 'operates', 'family']);
const LABEL_VERBS = /^(?:named|calling|called|described|identified|designated|lists?|listed|labell?ed|branded|naming)$/i;

export function extractRelations(doc: DocumentAnalysis, ids: Map<number, string>, meta: DocumentMeta = {}): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  const seen = new Set<string>();
  const bySentence = new Map<number, Mention[]>();
  for (const m of doc.mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  // Text of each paragraph with the one before it (the context "added" and "targeted" need).
  const paraSpan = new Map<number, [number, number]>();
  doc.sentences.forEach((s, i) => {
    const p = doc.paragraphOf[i]!;
    const span = paraSpan.get(p);
    paraSpan.set(p, span ? [span[0], s.end] : [s.start, s.end]);
  });
  const paragraphText = (si: number) => {
    const p = doc.paragraphOf[si]!;
    const here = paraSpan.get(p)!;
    const prev = paraSpan.get(p - 1);
    return doc.text.slice(prev ? prev[0] : here[0], here[1]);
  };
  const dateContext: { last?: string; year?: string } = meta.date ? { year: meta.date.slice(0, 4) } : {};
  let paragraph = -1;
  doc.sentences.forEach((sentence, si) => {
    if (si === doc.headline) return;
    if (doc.paragraphOf[si] !== paragraph) paragraph = doc.paragraphOf[si]!;
    const ts = doc.tokens[si]!;
    const dates = findDates(doc.text, sentence.start, sentence.end, dateContext);
    const args = sentenceArgs(doc, si, ts, bySentence.get(si) ?? []);
    if (args.length < 1) return;
    const paraText = paragraphText(si);
    const unpaid: Array<{ payers: Arg[]; cue: number; item: string | null }> = [];
    const claims = [...verbClaims(doc, ts, args, paraText, unpaid), ...nounClaims(doc, ts, args), ...groupClaims(doc, ts, args), ...listClaims(ts, args), ...attachedClaims(doc, args)];
    fillPayments(claims, unpaid);
    const text = doc.text.slice(sentence.start, sentence.end);
    for (const claim of claims) {
      const source = ids.get(claim.source.index);
      const target = ids.get(claim.target.index);
      if (!source || !target || source === target) continue;
      if (!plausible(claim)) continue;
      const negated = isNegated(doc, ts, claim, args);
      const key = `${source}|${target}|${claim.type}|${negated}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        source,
        target,
        type: claim.type,
        subtype: claim.subtype,
        item: claim.item,
        domain: claim.domain,
        sentence: text,
        start: sentence.start,
        end: sentence.end,
        hedged: isHedged(ts, claim.cue, args),
        negated,
        // Kinship has no date; a claim that did not happen has no date of happening.
        date: claim.type === 'family' || negated ? null : dateOf(doc, ts, claim, dates),
        confidence: claim.stative ? 0.7 : 0.6,
      });
    }
  });
  return out;
}

/** Party types each relation allows (a place never acts; only people have kin; sanctions come from states and bodies). */
function plausible(claim: Claim): boolean {
  const s = claim.source.schema;
  const t = claim.target.schema;
  if ((s === 'Location' && claim.type !== 'strikes') || (t === 'Location' && !['supplies', 'transports', 'trades_with', 'strikes'].includes(claim.type))) return false;
  switch (claim.type) {
    case 'family':
      return s === 'Person' && t === 'Person';
    case 'sanctions':
      return s === 'Country' || s === 'PublicBody' || s === 'Organization';
    case 'directorship':
    case 'employment':
    case 'membership':
      return t !== 'Country' && t !== 'Person' && (s === 'Person' || s === 'Organization' || claim.type === 'membership');
    case 'operates':
      return claim.subtype === 'captain' || claim.subtype === 'master' ? t === 'Vessel' : t !== 'Person' && t !== 'Country';
    case 'ownership':
    case 'controls':
      return t !== 'Person' && t !== 'Country';
    default:
      return true;
  }
}

/** The arguments of a sentence: mentions, demonyms standing for states, pronouns, plural descriptions. */
function sentenceArgs(doc: DocumentAnalysis, si: number, ts: Token[], mentions: Mention[]): Arg[] {
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
    if (demonym && !STATE_ACTORS.test(ts[last + 1]?.text ?? '')) continue;
    args.push({ first, last, start: m.start, end: m.end, clusters: [c], possessive: m.possessive, source: false, demonym, pronoun: false, attached: m.attached });
  }
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    if (!t.word || !REFERENCE_START.test(t.text)) continue;
    if (args.some((a) => a.first <= i && i <= a.last)) continue;
    let phraseEnd = -1;
    for (const len of [3, 2]) {
      const phrase = ts.slice(i, i + len).map((x) => x.text).join(' ');
      if (GROUP_PHRASES.some((re) => re.test(phrase))) {
        phraseEnd = i + len - 1;
        break;
      }
    }
    if (phraseEnd < 0 && !PRONOUNS.test(t.text)) continue;
    const last = phraseEnd < 0 ? i : phraseEnd;
    // "among them Tajco": the pronoun points at the list that follows.
    if (phraseEnd < 0 && /^them$/i.test(t.text) && /^(?:among|of)$/i.test(ts[i - 1]?.text ?? '')) continue;
    const phrase = ts.slice(i, last + 1).map((x) => x.text).join(' ');
    // "they say", "that they say": the reporters, not a party.
    if (/^they$/i.test(phrase) && REPORTING.test(ts[i + 1]?.text ?? '')) continue;
    const clusters = resolveReference(doc, si, phrase, t.start);
    if (clusters.length === 0) continue;
    args.push({ first: i, last, start: t.start, end: ts[last]!.end, clusters, possessive: /^(?:his|her|its|their)$/i.test(phrase), source: false, demonym: false, pronoun: true });
    i = last;
  }
  args.sort((a, b) => a.first - b.first);
  // Sources of the claim: "according to X", "X officials say", "X says".
  for (const a of args) {
    const prev = ts.slice(Math.max(0, a.first - 2), a.first).map((t) => t.text.toLowerCase()).join(' ');
    const next1 = ts[a.last + 1]?.text ?? '';
    const next2 = ts[a.last + 2]?.text ?? '';
    if (/according to$/.test(prev) || /according to (?:the|u\.s\.)$/.test(prev)) a.source = true;
    else if (ts[a.first - 1]?.text === 'and' && args.some((b) => b.source && b.last === a.first - 2)) a.source = true;
    else if (SOURCE_NOUNS.test(next1) && (REPORTING.test(next2) || /^(?:have|had|has)$/.test(next2))) a.source = true;
    else if (REPORTING.test(next1) && !a.pronoun) a.source = true;
  }
  // "According to U.S. and Ukrainian officials": every arg before the comma is a source.
  if (ts[0]?.text === 'According' && ts[1]?.text === 'to') {
    const comma = ts.findIndex((t) => t.text === ',');
    for (const a of args) if (comma < 0 || a.first < comma) a.source = true;
  }
  return args;
}

/** Token spans of relative clauses ", which … ," / ", who … ,". */
function relativeSpans(ts: Token[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 1; i < ts.length; i++) {
    const comma = ts[i - 1]!.text === ',' || (ts[i - 2]?.text === ',' && PREPOSITIONS.has(ts[i - 1]!.text.toLowerCase()));
    if (!comma || !/^(?:which|who|where|whose|whom)$/i.test(ts[i]!.text)) continue;
    let j = i + 1;
    while (j < ts.length && ts[j]!.text !== ',' && ts[j]!.text !== ';' && ts[j]!.text !== '.') j++;
    spans.push([i, j]);
  }
  return spans;
}

const inside = (spans: Array<[number, number]>, i: number) => spans.find(([a, b]) => a <= i && i <= b);

/** Is the ';' at index i the end of a clause (its next segment has a verb) rather than a list separator? */
function clauseBreak(ts: Token[], i: number): boolean {
  if (ts[i]!.text !== ';') return false;
  for (let j = i + 1; j < ts.length && ts[j]!.text !== ';'; j++) {
    const w = ts[j]!.text.toLowerCase();
    if (REPORTING.test(w) || /^(?:is|are|was|were|has|had|have|did|does)$/.test(w) || verbCue(w) !== undefined) return true;
  }
  return false;
}

function prepBefore(ts: Token[], a: Arg, stop: number): string | undefined {
  for (let k = a.first - 1; k > stop && k >= a.first - 4; k--) {
    const w = ts[k]!.text.toLowerCase();
    // An appositive after a comma ("one of its directors, Iliana Ruzza") is a direct object.
    if (w === ',' || w === 'and' || w === 'or') return undefined;
    const two = `${ts[k - 1]?.text.toLowerCase() ?? ''} ${w}`;
    if (/^(?:along with|together with|well as|such as|among them|including)$/.test(two) || w === 'including') return undefined;
    if (PREPOSITIONS.has(w)) return w;
    if (w === ';') return undefined;
    if (!ts[k]!.word || /^(?:the|a|an|its|his|her|their|former|of)$/.test(w)) continue;
    if (/^\p{Lu}/u.test(ts[k]!.text)) continue;
    // An adjective or noun between: "the presidential hangar at", still scan a little.
  }
  return undefined;
}

/** Nearest arg left of the cue that can be its subject, with args coordinated to it. */
function subjectOf(ts: Token[], args: Arg[], cue: number, spans: Array<[number, number]>): Arg[] {
  const cueSpan = inside(spans, cue);
  for (let i = args.length - 1; i >= 0; i--) {
    const a = args[i]!;
    if (a.last >= cue) continue;
    // Stop at a clause break between the arg and the cue.
    if (ts.slice(a.last + 1, cue).some((t, k) => t.text === ';' && clauseBreak(ts, a.last + 1 + k))) return [];
    // Modifiers ("Iran's", "Kremlin-backed") are never the subject themselves.
    if (a.source || a.possessive || a.attached) continue;
    if (a.pronoun && /^(?:him|them|her)$/i.test(ts[a.first]!.text)) continue;
    const span = inside(spans, a.first);
    if (span && span !== cueSpan) continue;
    let pi = a.first - 1;
    while (pi > 0 && /^(?:the|a|an)$/i.test(ts[pi]!.text)) pi--;
    const prev = ts[pi]?.text.toLowerCase() ?? '';
    const prev2 = ts[pi - 1]?.text ?? '';
    if (PREPOSITIONS.has(prev) && !(prev === 'in' && /^(?:authorities|officials|police|prosecutors|forces)$/i.test(prev2))) {
      // "Agents of the DEA": the agency acts.
      if (!(prev === 'of' && /^(?:agents|officials|officers|forces|troops|authorities)$/i.test(prev2))) continue;
    }
    if (a.demonym && !STATE_ACTORS.test(ts[a.last + 1]?.text ?? '')) continue;
    const out = [a];
    for (let j = i - 1; j >= 0; j--) {
      const b = args[j]!;
      const between = ts.slice(b.last + 1, out[0]!.first).map((t) => t.text).join(' ');
      if (!/^(?:and|,|, and)$/.test(between) || b.source || b.possessive || b.demonym) break;
      if (PREPOSITIONS.has(ts[b.first - 1]?.text.toLowerCase() ?? '')) break;
      const person = (x: Arg) => x.clusters[0]!.schema === 'Person';
      if (person(b) !== person(out[0]!)) break;
      out.unshift(b);
    }
    return out;
  }
  return [];
}

/** What a relative pronoun refers to: the name right before it, or before its appositive ("X, a Russian drone maker that"). */
function relativeAntecedent(ts: Token[], args: Arg[], r: number): Arg[] {
  let p = r - 1;
  if (ts[p]?.text === ',') p--;
  // "the Russian Aerospace Forces (VKS), which": past the bracketed acronym.
  if (ts[p]?.text === ')') {
    while (p > 0 && ts[p]!.text !== '(') p--;
    p--;
  }
  const direct = args.find((a) => a.last === p && !a.source && !a.demonym);
  if (direct) return [direct];
  // Walk back over an appositive noun phrase to its comma ("X, a Hong Kong firm that").
  let q = p;
  while (q >= 0 && q > r - 9 && ts[q]!.text !== ',' && ts[q]!.text !== ';') q--;
  if (q < 0 || ts[q]!.text !== ',' || !/^(?:a|an|the)$/i.test(ts[q + 1]?.text ?? '')) return [];
  const head = args.find((a) => a.last === q - 1 && !a.source && !a.demonym);
  return head ? [head] : [];
}

/** The noun phrase a reduced passive describes: "Qods Aviation Industries, a manufacturer controlled by". */
function nearestHead(ts: Token[], args: Arg[], k: number): Arg[] {
  for (let i = args.length - 1; i >= 0; i--) {
    const a = args[i]!;
    if (a.last >= k || a.source || a.possessive || a.demonym || a.pronoun) continue;
    if (k - a.last > 8) return [];
    return [a];
  }
  return [];
}

/** Is the arg the subject of a new clause ("…, and the Treasury later designated")? */
function startsClause(ts: Token[], a: Arg): boolean {
  const next = ts[a.last + 1]?.text.toLowerCase() ?? '';
  return /^(?:has|have|had|was|were|is|are|later|also|then|said|says|will|would|did|does|never|not|first|separately|itself)$/.test(next) || verbCue(next) !== undefined;
}

/** Objects right of the cue, up to the end of its clause. */
function objectsOf(ts: Token[], args: Arg[], cue: number, spans: Array<[number, number]>, wantPrep?: string): { direct: Arg[]; prep: Arg[]; from: Arg[] } {
  const direct: Arg[] = [];
  const prep: Arg[] = [];
  const from: Arg[] = [];
  const cueSpan = inside(spans, cue);
  let lastEnd = cue;
  let lastRole: string | undefined;
  // Closed by a participle or relative clause (an appendix may reopen it), or by a new main clause (for good).
  let closed = false;
  let ended = false;
  for (const a of args) {
    if (a.first <= cue) continue;
    const span = inside(spans, a.first);
    if (span && span !== cueSpan) continue;
    if (cueSpan && a.first > cueSpan[1]) break;
    const gap = ts.slice(lastEnd + 1, a.first);
    const found = direct.length + prep.length > 0;
    // "…, among them Best Diamond House": an appendix to the objects, after any clause.
    const appendix = /\b(?:among them|including|along with|together with|as well as)\b(?![^,]*\b(?:said|says|that|which|who)\b)/i.test(gap.map((t) => t.text).join(' '));
    // The appendix reopens the object list ("…, along with two of his companies, X and Y").
    if (appendix && !ended) closed = false;
    if (ended) continue;
    if (!appendix) {
      if (closed) continue;
      // Another clause ends the objects: ";" + verb, ", and he publicly urged", "that it said", another verb.
      const newClause =
        gap.some((t, k) => t.text === ';' && clauseBreak(ts, lastEnd + 1 + k)) ||
        gap.some((t, k) => t.word && t.text !== 'sanctions' && verbCue(t.text) !== undefined && !/^(?:the|a|an|its|his|her|their|of)$/i.test(ts[lastEnd + k]?.text ?? '') && !/^(?:list|lists|run|head|front)$/.test(t.text));
      if (newClause) {
        ended = true;
        continue;
      }
      const ends =
        (gap.some((t) => RELATIVE.test(t.text) && !span) && found) ||
        (gap.some((t) => REPORTING.test(t.text)) && found) ||
        (found && a.pronoun && /^(?:he|she|they|it)$/i.test(ts[a.first]!.text)) ||
        // ", calling him …", ", saying …": a participle clause of its own.
        gap.some((t, k) => t.text === ',' && /^(?!including)[a-z]+ing$/.test(gap[k + 1]?.text ?? ''));
      if (ends) {
        closed = true;
        continue;
      }
    }
    // A list joins items of one kind ("in Lebanon, the UAE"); "in Dubai, Karim Haddad" is an appositive.
    const place = (x: Arg) => x.clusters.every((c) => c.schema === 'Location' || c.schema === 'Country');
    const prevArg = args.find((b) => b.last === lastEnd);
    const joined = lastEnd > cue && gap.length > 0 && gap.every((t) => /^(?:,|and|or|the)$/.test(t.text)) && gap.some((t) => t.text !== 'the') && (!prevArg || place(prevArg) === place(a));
    // ", and the Treasury later designated …": a new clause with its own subject.
    if (found && /^(?:, )?and$/.test(gap.map((t) => t.text).join(' ').replace(/^(.*, )?and( the)?$/, ', and')) && startsClause(ts, a)) {
      ended = true;
      continue;
    }
    lastEnd = a.last;
    if (a.source || a.attached) continue;
    // "a major Hizballah financier": a name inside a role phrase is not an object.
    if (!a.pronoun && nounCue(ts[a.last + 1]?.text ?? '') && /^(?:a|an|major|senior|former|top|key|the)$/i.test(ts[a.first - 1]?.text ?? '')) continue;
    // In a list, an item takes the role of the one before it ("in Lebanon, the UAE, South Africa").
    const p = joined ? lastRole : prepBefore(ts, a, cue);
    lastRole = p;
    if (p === 'from') from.push(a);
    else if (p && p === wantPrep) prep.push(a);
    else if (!p && !a.possessive) direct.push(a);
  }
  return { direct, prep, from };
}

function itemOf(text: string): [string, Domain] | undefined {
  for (const [re, item, domain] of ITEMS) if (re.test(text)) return [item, domain];
  return undefined;
}

function domainOf(type: RelationType, base: Domain, source: Cluster, target: Cluster, sentence: string, item?: [string, Domain]): Domain {
  if (type === 'sanctions') return 'economic';
  if (type === 'family') return 'social';
  if (type === 'strikes') return base;
  if (item && (type === 'supplies' || type === 'transports' || type === 'trades_with' || type === 'pays')) return item[1];
  const names = `${source.name} ${target.name}`;
  if (MILITARY_PARTY.test(names)) return 'military';
  if (CRIMINAL_PARTY.test(names) || CRIMINAL_TOPIC.test(sentence)) return 'criminal';
  if (MILITARY_TOPIC.test(sentence)) return 'military';
  if (target.schema === 'PublicBody' && !/\bBank\b|\bBanco\b/i.test(target.name) && type !== 'pays' && type !== 'finances') return 'political';
  return base;
}

function verbClaims(doc: DocumentAnalysis, ts: Token[], args: Arg[], paraText: string, unpaid: Array<{ payers: Arg[]; cue: number; item: string | null }>): Claim[] {
  const claims: Claim[] = [];
  const spans = relativeSpans(ts);
  const sentenceText = doc.text.slice(ts[0]!.start, ts[ts.length - 1]!.end);
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k]!;
    if (!t.word) continue;
    const w = t.text.toLowerCase();
    const cue = verbCue(w);
    if (!cue) continue;
    if (args.some((a) => a.first <= k && k <= a.last)) continue;
    // A noun, not a verb: "the sanctions list", "its head", "a front".
    const prev = ts[k - 1]?.text.toLowerCase() ?? '';
    if (/^(?:the|a|an|its|his|her|their|our|sanctions|of|this|that|these|those|former)$/.test(prev)) continue;
    if (NOUN_OR_VERB.test(w) && !(args.some((a) => a.last === k - 1) || AUX_ADVERB.test(prev) || /^(?:to|will|would|can|could|may|might|must|did|does|not)$/.test(prev))) continue;
    // "head of", "the sanctions list": nouns.
    if (ts[k + 1]?.text === 'of' && cue.type !== 'strikes') continue;
    if (w === 'sanctions' && !(args.some((a) => a.last === k - 1) || /^(?:also|later|then|now|never|still)$/.test(prev))) continue;
    if (w === 'sanction' && !/^(?:to|would|will|not|must|could|may|might)$/.test(prev)) continue;
    // "which Washington lists as a terrorist organization" carries its own context.
    const listedAs = /^list/.test(w) && /^\s+(?:\S+\s+){0,3}as\s+(?:an?\s+)?(?:\w+\s+)?(?:terrorist|sanctioned|designated|specially)/i.test(doc.text.slice(t.end, t.end + 80));
    if (cue.needsSanctionContext && !listedAs && !SANCTION_CONTEXT.test(paraText)) continue;
    // "raised money for": raising is financing only when money is raised.
    if (/^rais/.test(w) && !/^\s+(?:\S+\s+){0,2}(?:money|funds|cash|millions?|\$)/i.test(doc.text.slice(t.end, t.end + 40))) continue;
    const found = claimsForVerb(doc, ts, args, k, cue, spans, sentenceText);
    if (found.length === 0 && cue.type === 'pays') {
      const payers = subjectOf(ts, args, k, spans);
      const rest = doc.text.slice(t.end, ts[ts.length - 1]!.end);
      if (payers.length > 0 && !args.some((a) => a.first > k && !a.source)) unpaid.push({ payers, cue: k, item: itemOf(rest)?.[0] ?? null });
    }
    claims.push(...found);
  }
  return claims;
}

function claimsForVerb(doc: DocumentAnalysis, ts: Token[], args: Arg[], k: number, cue: VerbCue, spans: Array<[number, number]>, sentenceText: string): Claim[] {
  const claims: Claim[] = [];
  let subjects: Arg[] = [];
  let objects: Arg[] = [];
  let by = ts[k + 1]?.text === 'by' ? k + 1 : -1;
  let passive = false;
  // Causative "had the cousins arrested by Haitian police": the haver acts on the args before the verb.
  const had = ts.slice(Math.max(0, k - 9), k).findIndex((t) => /^(?:had|got)$/i.test(t.text));
  const causative = had >= 0 && cue.type === 'strikes' && args.some((a) => a.first > Math.max(0, k - 9) + had && a.last < k);
  if (causative) by = -1;
  // Passive: "was designated by X", reduced "a bureau controlled by X", "is run by its director general, X".
  let j = k - 1;
  while (j >= 0 && /^(?:also|later|then|separately|itself|not|never|first|already|formally|jointly)$/i.test(ts[j]!.text)) j--;
  const aux = j >= 0 && (BE.test(ts[j]!.text) || (ts[j]!.text === 'been' && j > 0));
  if (!causative && (by > 0 || (aux && /ed$|en$|run$|sold$|held$|paid$|led$|frozen$/.test(ts[k]!.text)))) {
    passive = true;
    const agents = args.filter((a) => a.first > k && a.first <= k + 8 && !a.source && !a.possessive);
    const named = agents.filter((a) => !a.pronoun);
    const afterBy = by > 0 ? (named[0] ?? agents[0]) : undefined;
    if (by > 0 && afterBy) subjects = [afterBy];
    const patient = by > 0 && !aux ? nearestHead(ts, args, k) : subjectOf(ts, args, k, spans);
    objects = patient;
    if (by > 0 && !aux && patient.length === 0) return claims;
  }
  if (!passive) {
    // Relative clause: "X, which Y lists as", "X, which sanctioned", "a maker that partnered with".
    let r = k - 1;
    while (r >= 0 && k - r <= 8 && !RELATIVE.test(ts[r]!.text) && (AUX_ADVERB.test(ts[r]!.text) || ts[r]!.text === ',' || args.some((a) => a.first <= r && r <= a.last) || /^(?:according|to|the)$/i.test(ts[r]!.text)))
      r--;
    // "suggested that Tehran had supplied": a complement clause, not a relative one.
    const complement = r > 0 && /^that$/i.test(ts[r]!.text) && (REPORTING.test(ts[r - 1]!.text) || /^(?:showed|shows|found|indicated|indicates|revealed|believe|denied|denies|alleged|added|noted|argued|claimed|suggest)$/i.test(ts[r - 1]!.text));
    if (r >= 0 && !complement && RELATIVE.test(ts[r]!.text) && k - r <= 8) {
      const inner = args.filter((a) => a.first > r && a.last < k && !a.source && !a.pronoun);
      const antecedent = relativeAntecedent(ts, args, r);
      if (inner.length > 0 && cue.type === 'sanctions') {
        subjects = [inner[inner.length - 1]!];
        objects = antecedent.slice(-1);
      } else {
        subjects = antecedent.slice(-1);
      }
    } else {
      subjects = subjectOf(ts, args, k, spans);
    }
    // "Maduro calls … and denies ever belonging to it": the sentence's subject denies.
    const denial = ts.slice(Math.max(0, k - 3), k).findIndex((t) => /^(?:denies|denied|deny|denying)$/i.test(t.text));
    if (denial >= 0 && /ing$/.test(ts[k]!.text)) {
      const main = args.find((a) => !a.source && !a.possessive && a.first <= 2);
      if (main) subjects = [main];
    }
    // Causative "had the cousins arrested by Haitian police": the objects sit before the verb.
    if (causative) {
      const h = Math.max(0, k - 9) + had;
      objects = args.filter((a) => a.first > h && a.last < k);
      subjects = subjectOf(ts, args, h, spans);
    }
  }
  if (subjects.length === 0) return claims;
  if (objects.length === 0) {
    const o = objectsOf(ts, args, k, spans, cue.targetPrep);
    if (cue.fromPrep && o.from.length > 0) {
      const item = itemOf(doc.text.slice(ts[k]!.start, o.from[0]!.start));
      // A buyer of drugs or arms is supplied by the seller; other purchases are trade.
      if (item && (item[1] === 'criminal' || item[0] === 'weapons')) {
        for (const s of subjects) for (const f of o.from) push(claims, f, s, 'supplies', 'sells', item[1], item[0], k, f, false);
      } else {
        for (const s of subjects) for (const f of o.from) push(claims, s, f, 'trades_with', cue.subtype, item?.[1] ?? 'economic', item?.[0] ?? null, k, f, false, sentenceText);
      }
      return claims;
    }
    objects = cue.targetPrep && o.prep.length > 0 ? o.prep : cue.targetPrep === 'against' || cue.targetPrep === 'on' || cue.targetPrep === 'for' && cue.type !== 'finances' ? o.prep : o.direct;
    if (cue.type === 'supplies' || cue.type === 'transports') {
      // "sent him to Washington": moving a person is not a supply.
      if (o.direct.some((a) => a.clusters.every((c) => c.schema === 'Person'))) return claims;
      objects = o.prep.length > 0 ? o.prep : o.direct.slice(0, 1);
    }
    if (cue.type === 'associate' && cue.targetPrep === 'with' && o.prep.length === 0) objects = [];
  }
  if (cue.mutual) {
    // "X and Y agreed" is an agreement between them; "X and Y agreed with Z" is not.
    if (subjects.length >= 2 && ts[k + 1]?.text !== 'with') {
      for (let i = 1; i < subjects.length; i++) push(claims, subjects[0]!, subjects[i]!, cue.type, cue.subtype, domainFor(cue, subjects[0]!, subjects[i]!, sentenceText), null, k, subjects[i], false);
    }
    return claims;
  }
  const between = objects.length > 0 ? doc.text.slice(ts[k]!.start, objects[objects.length - 1]!.end + 60) : '';
  let item = ['supplies', 'transports', 'trades_with'].includes(cue.type) ? itemOf(between || sentenceText) : undefined;
  // A payment is money, or the gold it was made in.
  if (cue.type === 'pays') item = /\bgold\b/i.test(between || sentenceText) ? ['gold', 'economic'] : ['money', 'economic'];
  let type = cue.type;
  let subtype = cue.subtype;
  // "worked with X": an associate, not an employee.
  if (cue.type === 'employment' && ts[k + 1]?.text === 'with') {
    type = 'associate';
    subtype = 'works_with';
    objects = objectsOf(ts, args, k, spans, 'with').prep;
  }
  // "commands the drone units of X": a commander inside X.
  if (cue.subtype === 'commands' && objects.length > 0 && /\bunits? of\b/.test(doc.text.slice(ts[k]!.end, objects[0]!.start))) {
    type = 'membership';
    subtype = 'commander';
  }
  for (const s of subjects) {
    for (const o of objects) {
      push(claims, s, o, type, subtype, domainFor({ ...cue, type }, s, o, sentenceText, item), item?.[0] ?? null, k, o, STATIVE.has(type));
    }
  }
  return claims;
}

function domainFor(cue: VerbCue, s: Arg, o: Arg, sentence: string, item?: [string, Domain]): Domain {
  return domainOf(cue.type, cue.domain, s.clusters[0]!, o.clusters[0]!, sentence, item);
}

function push(claims: Claim[], s: Arg, o: Arg, type: RelationType, subtype: string | null, domain: Domain, item: string | null, cue: number, targetArg: Arg | undefined, stative: boolean, sentence?: string): void {
  for (const a of s.clusters) {
    for (const b of o.clusters) {
      if (a === b) continue;
      const d = sentence ? domainOf(type, domain, a, b, sentence, item ? [item, domain] : undefined) : domain;
      claims.push({ source: a, target: b, type, subtype, domain: d, item, cue, targetArg, stative });
    }
  }
}

/** Role nouns: "nephews of Y", "a subsidiary of Y", "Y's president, Z", "a former Y commander". */
function nounClaims(doc: DocumentAnalysis, ts: Token[], args: Arg[]): Claim[] {
  const claims: Claim[] = [];
  const spans = relativeSpans(ts);
  const sentenceText = doc.text.slice(ts[0]!.start, ts[ts.length - 1]!.end);
  const holders = new Map<number, Arg[]>();
  for (let k = 0; k < ts.length; k++) {
    if (!ts[k]!.word || args.some((a) => a.first <= k && k <= a.last)) continue;
    const cue = nounCue(ts[k]!.text);
    if (!cue) continue;
    // 1. "NOUN of Y": "nephews of Cilia Flores", "a subsidiary of the CVG", "head of the ONA".
    let y: Arg | undefined;
    if (ts[k + 1]?.text === 'of' || (cue.subtype === 'front' && ts[k + 1]?.text === 'for')) {
      y = args.find((a) => a.first > k + 1 && a.first <= k + 6 && !a.source && !a.demonym && !ts.slice(k + 2, a.first).some((t) => PREPOSITIONS.has(t.text) || t.text === ','));
    }
    // 2. "a Y NOUN": "a former Hezbollah commander", "a major Hezbollah financier".
    let modifierForm = false;
    if (!y) {
      const m = args.find((a) => a.last === k - 1 && !a.possessive && !a.demonym && !a.pronoun);
      if (m && /^(?:a|an|the|former|major|senior|top|key|alleged|longtime|main)$/i.test(ts[m.first - 1]?.text ?? '')) {
        y = m;
        modifierForm = true;
      }
    }
    // 3. "Y's NOUN, Z" / "its president, Z" / "his brothers Ali and Husayn" / "Z, Y's company in …".
    let possessor: Arg | undefined;
    if (!y) {
      let p = k - 1;
      if (ts[p]?.text.toLowerCase() === 'general' || /^(?:former|two|other|new)$/i.test(ts[p]?.text ?? '')) p--;
      possessor = args.find((a) => a.last === p && a.possessive);
      if (!possessor) continue;
    }
    let holderArgs: Arg[] = [];
    if (possessor) {
      let q = k + 1;
      if (ts[q]?.text.toLowerCase() === 'general') q++;
      if (ts[q]?.text === ',') q++;
      const first = args.find((a) => a.first === q && !a.possessive);
      if (first) {
        holderArgs = [first];
        for (const b of args) {
          if (b.first <= holderArgs[holderArgs.length - 1]!.last) continue;
          const between = ts.slice(holderArgs[holderArgs.length - 1]!.last + 1, b.first).map((t) => t.text).join(' ');
          if (/^(?:and|,|, and)$/.test(between)) holderArgs.push(b);
          else break;
        }
      } else {
        // "Golfrate Holdings, Kassim's company in Angola": the holder is before the comma.
        const start = ts.slice(0, possessor.first).map((t) => t.text);
        if (start[start.length - 1] === ',' || /^(?:one|two|three|several|some)$/.test(start[start.length - 2] ?? '')) {
          const before = args.filter((a) => a.last < possessor!.first - 1 && !a.source && !a.demonym);
          if (before.length > 0) holderArgs = [before[before.length - 1]!];
        }
      }
      y = possessor;
    } else {
      holderArgs = holderOf(ts, args, k, holders, spans);
    }
    holders.set(k, holderArgs);
    if (!y || holderArgs.length === 0) continue;
    let type = cue.type;
    const subtype = cue.subtype;
    if (modifierForm && (subtype === 'commander' || type === 'directorship')) {
      type = 'membership';
    }
    // A head of state or a citizen of a country is not annotated as a relation (a proxy or ally is).
    const roleInState = ['directorship', 'employment', 'membership', 'controls', 'ownership'].includes(type);
    if (y.clusters.every((c) => c.country) && roleInState) continue;
    for (const z of holderArgs) {
      if (z.clusters.every((c) => c.country) && roleInState) continue;
      const [s, o] = cue.reverse ? [y, z] : [z, y];
      for (const a of s.clusters) {
        for (const b of o.clusters) {
          if (a === b) continue;
          const domain = domainOf(type, cue.domain, a, b, sentenceText);
          claims.push({ source: a, target: b, type, subtype, domain, item: null, cue: k, targetArg: o, stative: true });
        }
      }
    }
  }
  return claims;
}

/** The holder of a role noun: copula subject, appositive head, "named Z as", "calling him". */
function holderOf(ts: Token[], args: Arg[], k: number, holders: Map<number, Arg[]>, spans: Array<[number, number]>): Arg[] {
  let p = k - 1;
  let steps = 0;
  while (p >= 0 && steps < 6) {
    const w = ts[p]!.text;
    if (args.some((a) => a.first <= p && p <= a.last && !a.demonym)) {
      // "a former Hezbollah commander": the modifier arg is part of the noun phrase.
      p--;
      steps++;
      continue;
    }
    if (/^(?:a|an|the|former|major|senior|top|key|alleged|longtime|main|one|of|its|his|her|their|two|both|chief|deputy|general|military|intelligence|drone|diamond|art|ground-handling|investment|trading|state-owned|elected|interim|acting|then|current|ex)$/i.test(w) || (/^[a-z-]+$/.test(w) && !BE.test(w) && w !== 'and' && !LABEL_VERBS.test(w) && w !== 'as')) {
      p--;
      steps++;
      continue;
    }
    break;
  }
  if (p < 0) return [];
  const w = ts[p]!.text;
  if (BE.test(w) || /^(?:remains|became|becomes)$/i.test(w)) return subjectOf(ts, args, p, spans);
  if (w === ',') {
    const before = args.filter((a) => a.last < p && !a.source && !a.possessive && !(a.demonym));
    const head = before[before.length - 1];
    return head && head.last >= p - 1 ? [head] : head && ts[head.last + 1]?.text === ')' ? [head] : head && p - head.last <= 4 ? [head] : [];
  }
  if (w === 'and') {
    // "a former head of X and former commander of Y": the same holder.
    for (const [q, h] of [...holders].reverse()) if (q < p) return h;
    return [];
  }
  if (w === 'as') {
    // "named Diosdado Cabello and Hugo Carvajal, a former …, as alleged leaders of the cartel".
    let v = p - 1;
    while (v >= 0 && !LABEL_VERBS.test(ts[v]!.text)) v--;
    if (v < 0) return [];
    const named = args.filter((a) => a.first > v && a.last < p && !a.source && !a.demonym && !a.possessive);
    return named.filter((a) => {
      // Leave out args inside an appositive ", a former military intelligence chief,".
      const prevComma = ts.slice(v, a.first).map((t) => t.text).lastIndexOf(',');
      return prevComma < 0 || !/^(?:a|an|the)$/i.test(ts[v + prevComma + 1]?.text ?? '');
    });
  }
  if (/^(?:calling|called|naming)$/i.test(w)) {
    const z = args.find((a) => a.first === p + 1);
    return z ? [z] : [];
  }
  // "calling him a major Hezbollah financier": the arg right before the article.
  const z = args.find((a) => a.last === p && (a.pronoun || !a.possessive));
  if (z && /^(?:calling|called|naming|named)$/i.test(ts[p - 1]?.text ?? '')) return [z];
  return [];
}

/** "had the cousins arrested", "the brothers": a plural kin description states kinship between its members. */
function groupClaims(doc: DocumentAnalysis, ts: Token[], args: Arg[]): Claim[] {
  const claims: Claim[] = [];
  for (const a of args) {
    if (!a.pronoun || a.clusters.length < 2) continue;
    const phrase = doc.text.slice(a.start, a.end).toLowerCase();
    // Cousins are cousins of each other; nephews are not nephews of each other.
    const kin = /cousins|brothers|sisters/.exec(phrase);
    if (!kin) continue;
    const [x, y] = a.clusters;
    claims.push({ source: x!, target: y!, type: 'family', subtype: kin[0].replace(/s$/, ''), domain: 'social', item: null, cue: a.first, stative: true });
  }
  return claims;
}

/** What a hyphen-attached participle says about the name and the party it modifies. */
const ATTACHED_RELATIONS: Record<string, [RelationType, string | null]> = {
  linked: ['associate', 'linked'],
  tied: ['associate', 'linked'],
  connected: ['associate', 'linked'],
  affiliated: ['associate', 'affiliate'],
  related: ['associate', 'linked'],
  aligned: ['allied_with', null],
  allied: ['allied_with', null],
  backed: ['allied_with', 'supports'],
  controlled: ['controls', null],
  run: ['controls', null],
  operated: ['operates', null],
  led: ['controls', 'leads'],
  owned: ['ownership', null],
  funded: ['finances', null],
  financed: ['finances', null],
  sponsored: ['finances', 'sponsor'],
};

/** "the Kremlin-backed firm", "IRGC-controlled Bluefin Trading": the modifier acts on what it modifies. */
function attachedClaims(doc: DocumentAnalysis, args: Arg[]): Claim[] {
  const claims: Claim[] = [];
  for (const a of args) {
    const rel = a.attached ? ATTACHED_RELATIONS[a.attached] : undefined;
    if (!rel || a.pronoun) continue;
    // The party modified: a description around the modifier, or the name right after it.
    const head = args.find((b) => b !== a && !b.pronoun && ((b.first <= a.first && b.last > a.last) || b.first === a.last + 1));
    if (!head) continue;
    for (const s of a.clusters) {
      for (const t of head.clusters) {
        if (s === t) continue;
        const sentence = doc.text.slice(a.start, head.end);
        claims.push({ source: s, target: t, type: rel[0], subtype: rel[1], domain: domainOf(rel[0], 'economic', s, t, sentence), item: null, cue: a.last, targetArg: head, stative: true });
      }
    }
  }
  return claims;
}

/** "Also on the U.S. blacklist is X", "X is on Washington's sanctions list". */
function listClaims(ts: Token[], args: Arg[]): Claim[] {
  const claims: Claim[] = [];
  for (let k = 0; k < ts.length; k++) {
    const w = ts[k]!.text.toLowerCase();
    const isList = w === 'blacklist' || (w === 'list' && /^(?:sanctions|blacklist|sdn|entity)$/i.test(ts[k - 1]?.text ?? ''));
    if (!isList) continue;
    if (!/\bon\b/i.test(ts.slice(Math.max(0, k - 5), k).map((t) => t.text).join(' '))) continue;
    const owner = args.find((a) => a.last < k && a.last >= k - 3 && !a.demonym);
    if (!owner) continue;
    const after = ts[k + 1]?.text.toLowerCase();
    let listed: Arg | undefined;
    if (after === 'is' || after === 'are' || after === 'was' || after === 'were') listed = args.find((a) => a.first > k + 1 && a.first <= k + 4);
    else {
      const be = ts.slice(Math.max(0, k - 6), k).findIndex((t) => /^(?:is|are|was|were)$/i.test(t.text));
      if (be >= 0) listed = subjectOf(ts, args, Math.max(0, k - 6) + be, relativeSpans(ts))[0];
    }
    if (!listed) continue;
    for (const o of listed.clusters) {
      for (const s of owner.clusters) {
        if (s !== o) claims.push({ source: s, target: o, type: 'sanctions', subtype: 'listed', domain: 'economic', item: null, cue: k, targetArg: listed, stative: false });
      }
    }
  }
  return claims;
}

/** "Tehran supplied the kits, and Moscow paid part of the bill": a payment with no payee goes to the supplier. */
function fillPayments(claims: Claim[], unpaid: Array<{ payers: Arg[]; cue: number; item: string | null }>): void {
  for (const { payers, cue, item } of unpaid) {
    const supply = claims.find((c) => (c.type === 'supplies' || c.type === 'trades_with') && c.cue < cue && !payers.some((p) => p.clusters.includes(c.source)));
    if (!supply) continue;
    for (const p of payers) {
      for (const a of p.clusters) {
        claims.push({ source: a, target: supply.source, type: 'pays', subtype: null, domain: 'economic', item, cue, stative: false });
      }
    }
  }
}

function isNegated(doc: DocumentAnalysis, ts: Token[], claim: Claim, args: Arg[]): boolean {
  const k = claim.cue;
  // The words between the subject (or the clause start) and the cue.
  let from = k - 1;
  let steps = 0;
  while (from > 0 && steps < 7 && ts[from]!.text !== ',' && ts[from]!.text !== ';' && !args.some((a) => a.first <= from && from <= a.last)) {
    from--;
    steps++;
  }
  const window = ts.slice(from + 1, k).map((t) => t.text).join(' ');
  if (NEGATION_BEFORE.test(window)) return true;
  const after = doc.text.slice(ts[k]!.end, ts[k]!.end + 20);
  if (NEGATION_AFTER.test(after)) return true;
  const before = doc.text.slice(ts[0]!.start, ts[k]!.start);
  if (NEGATION_CLAUSE.test(before)) return true;
  // "has always denied financing X", "denies ever belonging to it".
  if (/\b(?:denied|denies|deny|denying)\s+(?:\w+\s+){0,2}$/i.test(doc.text.slice(Math.max(0, ts[k]!.start - 30), ts[k]!.start))) return true;
  return false;
}

function isHedged(ts: Token[], k: number, args: Arg[]): boolean {
  // ", his lawyer said.": an attribution after the claim covers the whole sentence.
  const tail = ts.slice(Math.max(k + 1, ts.length - 7)).map((t) => t.text).join(' ');
  if (/, (?:[^,]{1,40} )?(?:said|says|say|reported|claimed|alleged|added) \.?$/.test(tail) || /, according to [^,]{1,40} \.?$/.test(tail)) return true;
  // Words of names ("Nazem Said Ahmad") are not cues.
  const plain = (i: number) => !args.some((a) => !a.pronoun && a.first <= i && i <= a.last) && (i === 0 || !/^\p{Lu}/u.test(ts[i]!.text));
  const near = ts
    .slice(Math.max(0, k - 4), k + 1)
    .map((t, i) => (plain(Math.max(0, k - 4) + i) ? t.text : '_'))
    .join(' ');
  if (HEDGE_NEAR.test(near)) return true;
  // A reporting cue earlier in the sentence, not closed off by a later ", which" clause or by the
  // comma that ends "calling him …".
  for (let h = k - 1; h >= 0; h--) {
    if (!plain(h) && !/^According$/.test(ts[h]!.text)) continue;
    const w = ts[h]!.text;
    if (ts[h - 1]?.text === ',' && /^(?:which|who)$/i.test(w)) return false;
    const phrase = `${w} ${ts[h + 1]?.text ?? ''}`;
    if (/^(?:calling|called|naming)$/i.test(w)) {
      if (ts.slice(h, k).some((t) => t.text === ',')) continue;
      return true;
    }
    if (/^according to$/i.test(phrase) || (HEDGE_BEFORE.test(w) && !/^(?:may|might|could|called|reports?|told|named|likely|probably)$/i.test(w))) return true;
  }
  return false;
}

function dateOf(doc: DocumentAnalysis, ts: Token[], claim: Claim, dates: DateMention[]): string | null {
  if (dates.length === 0) return null;
  const k = claim.cue;
  const cueAt = ts[k]!.start;
  // "a former head of": a past role, not an event of the sentence's date.
  if (claim.stative && /\bformer\b/i.test(doc.text.slice(Math.max(0, cueAt - 25), cueAt))) return null;
  const spans = relativeSpans(ts);
  const cueSpan = inside(spans, k);
  // Dates in the clause that reports the claim ("reported … in early 2024 suggested that") do not date it.
  const reportEnd = ts.findIndex((t, i) => i < k && /^(?:suggested|said|says|say|reported)$/i.test(t.text) && ts[i + 1]?.text === 'that');
  const usable = dates.filter((d) => {
    const i = ts.findIndex((t) => t.start >= d.start);
    if (reportEnd >= 0 && i <= reportEnd) return false;
    const span = inside(spans, i);
    return span === cueSpan;
  });
  const anchor = claim.targetArg ? claim.targetArg.end : ts[k]!.end;
  if (usable.length > 0) {
    usable.sort((a, b) => Math.abs(a.start - anchor) - Math.abs(b.start - anchor));
    return usable[0]!.value;
  }
  if (claim.stative) return null;
  const other = dates.filter((d) => {
    const i = ts.findIndex((t) => t.start >= d.start);
    return !(reportEnd >= 0 && i <= reportEnd);
  });
  return other.length > 0 ? other[0]!.value.slice(0, 4) : null;
}
