/**
 * Coreference within a document. Definite descriptions ("the zone", "the central bank", "The
 * department", "the group") become mentions of the party they pick out: the last one named whose
 * name holds the head noun, else the last one of the matching kind. Pronouns ("he", "it") and
 * plural descriptions ("both men", "the cousins") are resolved for relations only (by convention
 * they are never listed as mentions).
 */
import { KNOWN_BODIES } from './bodies.js';
import { mergeClusters, type Cluster, type DocumentAnalysis, type Mention, type Schema } from './mentions.js';

/** Head nouns of descriptions that name one party, and the kinds of party they can pick out. */
const DESCRIPTION_HEADS: Record<string, Schema[]> = {
  company: ['Company', 'Organization'],
  firm: ['Company'],
  zone: [],
  bank: [],
  cartel: ['Organization'],
  group: ['Organization'],
  militia: ['Organization'],
  organization: ['Organization'],
  organisation: ['Organization'],
  network: [],
  supermarket: [],
  refinery: [],
  department: ['PublicBody'],
  ministry: ['PublicBody'],
  agency: ['PublicBody'],
  bureau: ['PublicBody', 'Company'],
  tanker: ['Vessel'],
  vessel: ['Vessel'],
  ship: ['Vessel'],
  treasury: [],
  airline: ['Company'],
  carrier: ['Company', 'Vessel'],
  movement: ['Organization'],
  militants: ['Organization'],
  foundation: ['Organization'],
  charity: ['Organization'],
  office: ['PublicBody'],
  gang: ['Organization'],
  syndicate: ['Organization'],
  prison: [],
  port: [],
};

/** Descriptions that stand for several people at once. */
const GROUP_WORDS =
  /^(?:both men|the two men|the men|the cousins|the brothers|the pair|the nephews|the two|each of them|either nephew|both|the couple|the sisters)$/i;

const MODIFIER = /^[a-z][a-z-]*$/;
/** Capitalised adjectives of nationality also modify descriptions ("the Lebanese group"). */
const DEMONYM_MODIFIER =
  /^(?:\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ic)|[\p{L}.]+-(?:backed|linked|controlled|owned|based|run|funded|led|affiliated|aligned|sponsored|financed|operated|connected|tied))$/u;

const nameWordCache = new WeakMap<Cluster, { count: number; words: Set<string> }>();

function nameHas(c: Cluster, word: string): boolean {
  const w = word.toLowerCase();
  if (c.body?.heads.includes(w)) return true;
  let cached = nameWordCache.get(c);
  if (!cached || cached.count !== c.mentions.length) {
    const words = new Set<string>();
    for (const m of c.mentions)
      if (m.kind === 'name') for (const x of m.text.toLowerCase().split(/[\s-]+/)) words.add(x);
    cached = { count: c.mentions.length, words };
    nameWordCache.set(c, cached);
  }
  return cached.words.has(w);
}

/** How far back (characters) a description or pronoun looks for what it refers to. */
const REACH = 4000;

/** Index of the first mention starting at or after `at` (mentions are sorted by start). */
function mentionIndex(doc: DocumentAnalysis, at: number): number {
  let lo = 0;
  let hi = doc.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.mentions[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last mention of a party (before `at`) that fits the description. */
function antecedent(
  doc: DocumentAnalysis,
  at: number,
  sentence: number,
  head: string,
  modifiers: string[],
): Cluster | undefined {
  const kinds = DESCRIPTION_HEADS[head]!;
  let byKind: Cluster | undefined;
  for (let i = mentionIndex(doc, at) - 1; i >= 0; i--) {
    const m = doc.mentions[i]!;
    if (at - m.start > REACH) break;
    if (m.kind === 'description' || m.kind === 'demonym') continue;
    const c = doc.clusters[m.cluster]!;
    if (c.country) continue;
    // "the central bank": the modifiers that are name words must be in the name too.
    const named =
      nameHas(c, head) &&
      modifiers
        .filter((x) => !x.includes('-'))
        .every((x) => nameHas(c, x) || !/^(?:central|national)$/.test(x));
    if (named) return c;
    // By kind only from an earlier sentence: "the EU had listed the company" is not the EU.
    // A reporter ("Reuters reported") is not what the next sentence describes.
    const reporter = /^\s+(?:reported|said|says|reports)\b/.test(doc.text.slice(m.end, m.end + 12));
    if (!byKind && !reporter && kinds.includes(c.schema) && at - m.start < 1200 && m.sentence < sentence)
      byKind = c;
  }
  // A body the text names by a known form: "the Treasury" → "The department".
  if (byKind) return byKind;
  for (const body of KNOWN_BODIES) {
    if (!body.heads.includes(head)) continue;
    const c = doc.clusters.find(
      (x) => x.mergedInto === undefined && x.body === body && x.mentions.some((m) => m.start < at),
    );
    if (c) return c;
  }
  return undefined;
}

/** Add definite descriptions as mentions of the parties they refer to. */
export function resolveDescriptions(doc: DocumentAnalysis): void {
  const added: Mention[] = [];
  doc.tokens.forEach((ts, si) => {
    for (let i = 0; i < ts.length; i++) {
      if (!/^the$/i.test(ts[i]!.text)) continue;
      const modifiers: string[] = [];
      let k = i + 1;
      while (
        k < ts.length &&
        modifiers.length < 2 &&
        (MODIFIER.test(ts[k]!.text) || DEMONYM_MODIFIER.test(ts[k]!.text)) &&
        !(ts[k]!.text in DESCRIPTION_HEADS)
      ) {
        modifiers.push(ts[k]!.text);
        k++;
      }
      const headToken = ts[k];
      if (!headToken) continue;
      const head = headToken.text.replace(/['’]s$/, '');
      if (!(head in DESCRIPTION_HEADS)) continue;
      // "the company Tajco", "the group's leader" are fine; "the bank of X" names another.
      const next = ts[k + 1];
      if (next && (/^\p{Lu}/u.test(next.text) || next.text === 'of')) continue;
      if (
        modifiers.some(
          (m) =>
            !DEMONYM_MODIFIER.test(m) &&
            !/^(?:central|state-owned|state|national|same|former|russian|iranian|sanctioned|militant|armed|trading|holding|parent|front|drone|mining|investment|shipping|oil|main|whole)$/.test(
              m,
            ),
        )
      )
        continue;
      // "Petroleos de Venezuela (PDVSA), the state oil company,": an appositive names its neighbour.
      const prevText = doc.text.slice(Math.max(0, ts[i]!.start - 3), ts[i]!.start);
      let c: Cluster | undefined;
      if (/,\s*$/.test(prevText)) {
        const left = doc.mentions.filter(
          (m) => m.end <= ts[i]!.start && ts[i]!.start - m.end <= 4 && m.kind !== 'demonym',
        );
        const near = left[left.length - 1];
        if (near && !doc.clusters[near.cluster]!.country) c = doc.clusters[near.cluster];
      }
      c ??= antecedent(doc, ts[i]!.start, si, head, modifiers);
      if (!c) continue;
      const end = headToken.start + head.length;
      const m: Mention = {
        start: ts[i]!.start,
        end,
        text: doc.text.slice(ts[i]!.start, end),
        sentence: si,
        kind: 'description',
        possessive: head !== headToken.text,
        cluster: c.index,
        output: true,
      };
      c.mentions.push(m);
      added.push(m);
      if (head === 'company' || head === 'firm') c.votes.set('Company', (c.votes.get('Company') ?? 0) + 2.5);
      // "The state-owned company, formally CVG Compañía General…": the name that follows is the same party.
      const restated = /^,\s+(?:formally|officially|formerly|also known as|known as)\s+/.exec(
        doc.text.slice(end, end + 40),
      );
      if (restated) {
        const other = doc.mentions.find((x) => x.start === end + restated[0].length && x.kind === 'name');
        if (other && other.cluster !== c.index) mergeClusters(c, doc.clusters[other.cluster]!);
      }
    }
  });
  doc.mentions.push(...added);
  doc.mentions.sort((a, b) => a.start - b.start);
}

/** Is the text at this token a pronoun or plural description, and which parties does it stand for? */
export function resolveReference(doc: DocumentAnalysis, si: number, phrase: string, at: number): Cluster[] {
  const p = phrase.toLowerCase();
  const live = (m: Mention) => doc.clusters[m.cluster]!;
  const upto = mentionIndex(doc, at);
  const before: Mention[] = [];
  for (let i = upto - 1; i >= 0 && at - doc.mentions[i]!.start <= REACH; i--)
    if (doc.mentions[i]!.kind !== 'demonym') before.push(doc.mentions[i]!);
  before.reverse();
  if (GROUP_WORDS.test(p) || p === 'they' || p === 'them' || p === 'their') {
    const group = lastPeople(doc, before);
    // "they", "them": only for people named in this or the previous sentence (else it is things).
    if (
      /^(?:they|them|their)$/.test(p) &&
      !before.some((m) => group.includes(live(m)) && m.sentence >= si - 1)
    )
      return [];
    return group;
  }
  const kind = kindGroup(p);
  if (kind) return groupOfKind(doc, before, kind.schema, kind.count);
  if (p === 'he' || p === 'him' || p === 'his' || p === 'she' || p === 'her') {
    const people = before.filter((m) => live(m).schema === 'Person');
    if (people.length === 0) return [];
    const inSentence = people.filter((m) => m.sentence === si);
    if (inSentence.length > 0) {
      // "he" is the subject: the sentence's first person; "his", "him": the nearest one.
      return [live(p === 'he' || p === 'she' ? inSentence[0]! : inSentence[inSentence.length - 1]!)];
    }
    // Subject position: the first person of the previous sentence that names one.
    const lastSentence = people[people.length - 1]!.sentence;
    const firstThere = people.find((m) => m.sentence === lastSentence)!;
    return [live(firstThere)];
  }
  if (p === 'it') {
    // "Caracas said it had paid", "Tehran denied that it had": the reporter speaks of itself.
    const lead =
      /\b(said|says|say|denied|denies|claimed|claims|insisted|argued|added|stated)\s+(?:that\s+)?$/.exec(
        doc.text.slice(Math.max(0, at - 30), at),
      );
    if (lead) {
      const verbAt = at - (doc.text.slice(Math.max(0, at - 30), at).length - lead.index);
      // "Caracas said it", "Beijing has repeatedly said it": only auxiliaries and adverbs between.
      const speaker = before.filter(
        (m) =>
          m.sentence === si &&
          m.end <= verbAt &&
          /^\s*(?:(?:has|have|had|also|repeatedly|previously|publicly|long|again|already|always|often|consistently|officially|later)\s+)*$/i.test(
            doc.text.slice(m.end, verbAt),
          ),
      );
      // Unless an organisation is the topic before it ("Qods …; Washington says it sold").
      const topic = before.some(
        (m) =>
          m.sentence === si &&
          m.end < verbAt - 3 &&
          ['Company', 'Organization', 'PublicBody', 'Vessel'].includes(live(m).schema),
      );
      if (speaker.length > 0 && !topic) return [live(speaker[speaker.length - 1]!)];
    }
  }
  if (p === 'it' || p === 'its' || p === 'itself') {
    // A place described as acting ("The zone is run by its director") is the topic too.
    const subjectPlace = (m: Mention) =>
      live(m).schema === 'Location' &&
      m.kind === 'description' &&
      m.sentence === si &&
      m.start === doc.sentences[si]!.start;
    const orgs = before.filter((m) => {
      const c = live(m);
      return (
        c.schema === 'Company' ||
        c.schema === 'Organization' ||
        c.schema === 'PublicBody' ||
        c.schema === 'Vessel' ||
        subjectPlace(m)
      );
    });
    if (orgs.length === 0) return [];
    const inSentence = orgs.filter((m) => m.sentence === si && !m.possessive && !byAgent(doc, m));
    // "its president", "designated it": the nearest one; "it sold": the topic of the sentence.
    const objectPosition =
      p === 'its' ||
      (p === 'it' &&
        /\b(?!(?:and|but|that|which|as|when|after|before|because|so|then|said|says|say|claims|claimed|noted|reported|believes|thinks|argued|insisted)\b)[a-z]+\s+$/.test(
          doc.text.slice(Math.max(0, at - 20), at),
        ));
    if (inSentence.length > 0) {
      if (!objectPosition) {
        // "the Treasury said … as it sanctioned": the nearest party that is itself a subject.
        const subjects = inSentence.filter((m) =>
          /^\s+(?:\w+\s+)?(?:said|says|has|had|have|is|was|were|are|will|would|did|also)\b/.test(
            doc.text.slice(m.end, m.end + 25),
          ),
        );
        return [live(subjects.length > 0 ? subjects[subjects.length - 1]! : inSentence[0]!)];
      }
      // The object is not the verb's own subject ("the Treasury later designated it").
      const candidates = inSentence.filter(
        (m) => !/^\s*(?:\w+\s+){0,2}\w+\s*$/.test(doc.text.slice(m.end, at)) || p === 'its',
      );
      // Nor, for "it", a party named only inside an "of" phrase when another one heads a clause
      // ("The Qods Force is the arm of the IRGC, and Soleimani commanded it": the Qods Force).
      const heads = p === 'it' ? candidates.filter((m) => !ofComplement(doc, m)) : candidates;
      if (heads.length > 0) return [live(heads[heads.length - 1]!)];
      if (candidates.length > 0) return [live(candidates[candidates.length - 1]!)];
    }
    const lastSentence = orgs[orgs.length - 1]!.sentence;
    const there = orgs.filter((m) => m.sentence === lastSentence);
    const subject = there.find((m) => !m.possessive) ?? there[0]!;
    return [live(subject)];
  }
  return [];
}

/** "the arm of the IRGC", "the arm of the Islamic Revolutionary Guard Corps (IRGC)": X completes a noun. */
function ofComplement(doc: DocumentAnalysis, m: Mention): boolean {
  const lead = doc.text.slice(Math.max(0, m.start - 120), m.start);
  if (/\bof\s+(?:the\s+)?$/.test(lead)) return true;
  // An acronym in brackets after such a name.
  const bracket = /\bof\s+(?:the\s+)?[^,;()]+\($/.exec(lead);
  return bracket !== null;
}

/** "controlled by X": X is an agent inside a participle phrase, not the topic of the sentence. */
function byAgent(doc: DocumentAnalysis, m: Mention): boolean {
  return /\bby\s+(?:the\s+)?(?:\S+\s+)?$/.test(doc.text.slice(Math.max(0, m.start - 20), m.start));
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const KIND_NOUNS: Array<[RegExp, Schema]> = [
  [/^(?:countries|country|governments|government|nations|nation|states)$/, 'Country'],
  [/^(?:companies|company|firms|firm)$/, 'Company'],
  [/^(?:ships|ship|tankers|tanker|vessels|vessel)$/, 'Vessel'],
];

/**
 * "both countries", "either government", "the two firms", "all five ships", "the tankers": a plural
 * description of parties of one kind, with how many it counts when it says so.
 */
export function kindGroup(phrase: string): { schema: Schema; count?: number } | undefined {
  const words = phrase.toLowerCase().split(/\s+/);
  const noun = words.pop()!;
  const schema = KIND_NOUNS.find(([re]) => re.test(noun))?.[1];
  if (!schema) return undefined;
  const plural = /s$/.test(noun);
  const q = words.join(' ');
  if (q === 'both' || q === 'the two' || q === 'all two') return plural ? { schema, count: 2 } : undefined;
  if (q === 'either' || q === 'neither') return plural ? undefined : { schema, count: 2 };
  const n = /^(?:all|the|all the) (\w+)$/.exec(q);
  if (n && NUMBER_WORDS[n[1]!] && plural) return { schema, count: NUMBER_WORDS[n[1]!] };
  if ((q === 'the' || q === 'all the') && plural && schema !== 'Country') return { schema };
  return undefined;
}

/**
 * The parties of a kind a plural description means: the last list of them joined by commas and
 * "and" ("Moscow and Tehran agreed", "the Aldo, the Brisa and the Cetus") when its size fits,
 * else the last ones named.
 */
function groupOfKind(doc: DocumentAnalysis, before: Mention[], schema: Schema, count?: number): Cluster[] {
  const of = before.filter((m) => doc.clusters[m.cluster]!.schema === schema && !m.dateline);
  for (let i = of.length - 1; i > 0; i--) {
    const run: Cluster[] = [doc.clusters[of[i]!.cluster]!];
    let j = i;
    while (j > 0) {
      const a = of[j - 1]!;
      const b = of[j]!;
      if (
        a.sentence !== b.sentence ||
        !/^\s*(?:,|,?\s*(?:and|or))\s+(?:the\s+)?$/.test(doc.text.slice(a.end, b.start))
      )
        break;
      const c = doc.clusters[a.cluster]!;
      if (!run.includes(c)) run.unshift(c);
      j--;
    }
    if (run.length >= 2 && (count === undefined || run.length === count)) return run;
  }
  if (count === undefined) return [];
  const out: Cluster[] = [];
  for (let i = of.length - 1; i >= 0 && out.length < count; i--) {
    const c = doc.clusters[of[i]!.cluster]!;
    if (!out.includes(c)) out.unshift(c);
  }
  return out.length === count ? out : [];
}

/** The people a plural reference means: the last pair joined by "and", else the last two named. */
function lastPeople(doc: DocumentAnalysis, before: Mention[]): Cluster[] {
  const people = before.filter((m) => doc.clusters[m.cluster]!.schema === 'Person');
  for (let i = people.length - 1; i > 0; i--) {
    const a = people[i - 1]!;
    const b = people[i]!;
    if (a.cluster === b.cluster || a.sentence !== b.sentence) continue;
    const between = doc.text.slice(a.end, b.start);
    if (/^\s*(?:,\s*)?and\s+(?:his |her )?(?:brother |cousin |nephew )?$/.test(between)) {
      return [doc.clusters[a.cluster]!, doc.clusters[b.cluster]!];
    }
  }
  const out: Cluster[] = [];
  for (let i = people.length - 1; i >= 0 && out.length < 2; i--) {
    const c = doc.clusters[people[i]!.cluster]!;
    if (!out.includes(c)) out.push(c);
  }
  return out.length === 2 ? out.reverse() : [];
}
