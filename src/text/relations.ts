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
import { REPORTING, sentenceArgs, STATE_ACTORS, type Arg } from './arguments.js';
import { dateOf, isHedged, isNegated } from './attribution.js';
import { domainOf, itemOf, type Claim } from './claim.js';
import {
  AUX_ADVERB,
  BE,
  nearestHead,
  objectsOf,
  PREPOSITIONS,
  relativeAntecedent,
  RELATIVE,
  relativeSpans,
  subjectOf,
} from './clauses.js';
import { NOUN_OR_VERB, nounCue, SANCTION_CONTEXT, verbCue, type VerbCue } from './cues.js';
import { findDates, type DateMention } from './dates.js';
import type { DocumentMeta, Domain, ExtractedRelation, RelationType } from './extraction.js';
import type { DocumentAnalysis, Mention } from './mentions.js';
import { nounClaims } from './role-nouns.js';
import type { Token } from './tokens.js';

/** Relations that hold over time rather than happen: dated only by their own clause. */
const STATIVE = new Set<RelationType>([
  'ownership',
  'controls',
  'directorship',
  'membership',
  'employment',
  'associate',
  'allied_with',
  'operates',
  'family',
]);

export function extractRelations(
  doc: DocumentAnalysis,
  ids: Map<number, string>,
  meta: DocumentMeta = {},
): ExtractedRelation[] {
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
  // The last date stated earlier in the current paragraph (events of the same story inherit its year).
  let paragraphDate: string | undefined;
  doc.sentences.forEach((sentence, si) => {
    if (si === doc.headline) return;
    if (doc.paragraphOf[si] !== paragraph) {
      paragraph = doc.paragraphOf[si]!;
      paragraphDate = undefined;
    }
    const ts = doc.tokens[si]!;
    const dates = findDates(doc.text, sentence.start, sentence.end, dateContext);
    const args = sentenceArgs(doc, si, ts, bySentence.get(si) ?? []);
    if (args.length < 1) return;
    const paraText = paragraphText(si);
    const unpaid: Array<{ payers: Arg[]; cue: number; item: string | null }> = [];
    const claims = [
      ...verbClaims(doc, ts, args, paraText, unpaid),
      ...nounClaims(doc, ts, args),
      ...groupClaims(doc, ts, args),
      ...listClaims(ts, args),
      ...attachedClaims(doc, ts, args),
      ...linkClaims(doc, ts, args),
      ...sanctionNounClaims(ts, args),
    ];
    fillPayments(claims, unpaid);
    const text = doc.text.slice(sentence.start, sentence.end);
    for (const claim of claims) {
      const source = ids.get(claim.source.index);
      const target = ids.get(claim.target.index);
      if (!source || !target || source === target) continue;
      // Running a vessel is operating it.
      if (claim.type === 'controls' && claim.target.schema === 'Vessel') claim.type = 'operates';
      if (!plausible(claim) || unrealised(ts, claim.cue)) continue;
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
        date:
          claim.type === 'family' || negated
            ? null
            : (dateOf(doc, ts, claim, dates) ?? inherited(claim, dates, paragraphDate)),
        confidence: claim.stative ? 0.7 : 0.6,
      });
    }
    // A sentence that denies a tie does not also assert it ("asked X to seize it, and X never seized it").
    const denied = new Set(
      out
        .filter((r) => r.start === sentence.start && r.negated)
        .map((r) => `${r.source}|${r.target}|${r.type}`),
    );
    for (let i = out.length - 1; i >= 0 && out[i]!.start === sentence.start; i--) {
      if (!out[i]!.negated && denied.has(`${out[i]!.source}|${out[i]!.target}|${out[i]!.type}`))
        out.splice(i, 1);
    }
    // A date that dates an event of the story carries over; a designation's date does not date the story.
    if (dates.length > 0 && claims.some((c) => !c.stative && c.type !== 'sanctions'))
      paragraphDate = dates[dates.length - 1]!.value;
  });
  return out;
}

/**
 * "sanctioned X in 2011 for providing support to Y": the one punished is who did it, whether
 * named after the verb or as the antecedent of "which Washington sanctioned".
 */
function reasonHolders(ts: Token[], args: Arg[], k: number): Arg[] | undefined {
  if (ts[k - 1]?.text !== 'for' || !/ing$/.test(ts[k]!.text)) return undefined;
  let v = -1;
  for (let j = k - 2; j >= 0 && j >= k - 12; j--) {
    if (
      /^(?:sanctioned|designated|targeted|blacklisted|listed|indicted|charged|arrested|penali[sz]ed|fined|punished)$/i.test(
        ts[j]!.text,
      )
    ) {
      v = j;
      break;
    }
    if (ts[j]!.text === ';') break;
  }
  if (v < 0) return undefined;
  const objects = args.filter(
    (a) =>
      a.first > v &&
      a.last < k - 1 &&
      !a.source &&
      !a.possessive &&
      !a.demonym &&
      !a.attached &&
      !(
        PREPOSITIONS.has(ts[a.first - 1]?.text ?? '') &&
        a.clusters.every((c) => c.schema === 'Location' || c.country)
      ),
  );
  if (objects.length > 0) return objects;
  for (let r = v - 1; r >= 0 && r >= v - 4; r--)
    if (RELATIVE.test(ts[r]!.text)) {
      const antecedent = relativeAntecedent(ts, args, r).slice(-1);
      return antecedent.length > 0 ? antecedent : undefined;
    }
  return undefined;
}

/**
 * "Nova Marine, a Dubai company he allegedly controlled": when the subject is a pronoun right after
 * the noun of an appositive, that appositive's name is what the clause is about.
 */
function zeroRelativeHead(ts: Token[], args: Arg[], subjects: Arg[]): Arg | undefined {
  if (subjects.length !== 1 || !subjects[0]!.pronoun) return undefined;
  const s = subjects[0]!;
  if (!/^(?:he|she|they|it)$/i.test(ts[s.first]!.text)) return undefined;
  // Back over the appositive's lowercase words and modifiers to ", a".
  let p = s.first - 1;
  if (!/^\p{Ll}+$/u.test(ts[p]?.text ?? '')) return undefined;
  while (
    p > 1 &&
    (/^\p{Ll}+$/u.test(ts[p]!.text) ||
      args.some(
        (a) =>
          a.first <= p &&
          p <= a.last &&
          (a.attached || a.demonym || a.clusters.every((c) => c.schema === 'Location' || c.country)),
      ))
  ) {
    if (/^(?:a|an|the)$/i.test(ts[p]!.text) && ts[p - 1]!.text === ',') break;
    p--;
  }
  if (!/^(?:a|an|the)$/i.test(ts[p]!.text) || ts[p - 1]?.text !== ',') return undefined;
  return args.find((a) => a.last === p - 2 && !a.pronoun && !a.possessive && !a.source);
}

/** "a request to detain", "an attempt to buy": the act was asked for or tried, not done. */
function unrealised(ts: Token[], k: number): boolean {
  return (
    ts[k - 1]?.text === 'to' &&
    /^(?:requests?|attempts?|bids?|plans?|proposals?|offers?|efforts?)$/i.test(ts[k - 2]?.text ?? '')
  );
}

/**
 * A dateless event in a story the paragraph has dated ("On November 10, 2015 … Prosecutors said
 * they had agreed to send …") happened in that year; sanctions and standing ties are not inferred.
 */
function inherited(claim: Claim, dates: DateMention[], paragraphDate: string | undefined): string | null {
  if (dates.length > 0 || !paragraphDate || claim.stative || claim.type === 'sanctions') return null;
  return paragraphDate.slice(0, 4);
}

/** Party types each relation allows (a place never acts; only people have kin; sanctions come from states and bodies). */
function plausible(claim: Claim): boolean {
  const s = claim.source.schema;
  const t = claim.target.schema;
  if (
    (s === 'Location' && claim.type !== 'strikes') ||
    (t === 'Location' &&
      !['supplies', 'transports', 'trades_with', 'strikes', 'sanctions', 'ownership'].includes(claim.type))
  )
    return false;
  switch (claim.type) {
    case 'family':
      return s === 'Person' && t === 'Person';
    case 'sanctions':
      return s === 'Country' || s === 'PublicBody' || s === 'Organization';
    case 'directorship':
    case 'employment':
    case 'membership':
      return (
        t !== 'Country' &&
        t !== 'Person' &&
        (s === 'Person' || s === 'Organization' || claim.type === 'membership')
      );
    case 'operates':
      return claim.subtype === 'captain' || claim.subtype === 'master'
        ? t === 'Vessel'
        : t !== 'Person' && t !== 'Country';
    case 'ownership':
    case 'controls':
      return t !== 'Person' && t !== 'Country';
    default:
      return true;
  }
}

function verbClaims(
  doc: DocumentAnalysis,
  ts: Token[],
  args: Arg[],
  paraText: string,
  unpaid: Array<{ payers: Arg[]; cue: number; item: string | null }>,
): Claim[] {
  const claims: Claim[] = [];
  const spans = relativeSpans(ts);
  const sentenceText = doc.text.slice(ts[0]!.start, ts[ts.length - 1]!.end);
  let previousSubjects: Arg[] = [];
  let previousCue = -1;
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k]!;
    if (!t.word) continue;
    const w = t.text.toLowerCase();
    const cue = verbCue(w);
    if (!cue) continue;
    if (args.some((a) => a.first <= k && k <= a.last)) continue;
    // A noun, not a verb: "the sanctions list", "its head", "a front".
    const prev = ts[k - 1]?.text.toLowerCase() ?? '';
    // ("carried out the killing of X" is an act all the same.)
    const nominalAct = prev === 'the' && cue.type === 'strikes' && /ing$/.test(w) && ts[k + 1]?.text === 'of';
    if (
      !nominalAct &&
      /^(?:the|a|an|its|his|her|their|our|sanctions|of|this|that|these|those|former)$/.test(prev)
    )
      continue;
    if (
      NOUN_OR_VERB.test(w) &&
      !(
        args.some((a) => a.last === k - 1) ||
        AUX_ADVERB.test(prev) ||
        /^(?:to|will|would|can|could|may|might|must|did|does|not)$/.test(prev)
      )
    )
      continue;
    // "head of", "the sanctions list": nouns.
    if (ts[k + 1]?.text === 'of' && cue.type !== 'strikes') continue;
    if (
      w === 'sanctions' &&
      !(args.some((a) => a.last === k - 1) || /^(?:also|later|then|now|never|still)$/.test(prev))
    )
      continue;
    if (w === 'sanction' && !/^(?:to|would|will|not|must|could|may|might)$/.test(prev)) continue;
    // "which Washington lists as a terrorist organization" carries its own context.
    const listedAs =
      /^list/.test(w) &&
      /^\s+(?:\S+\s+){0,5}as\s+(?:an?\s+)?(?:\w+\s+)?(?:terrorist|sanctioned|designated|specially)/i.test(
        doc.text.slice(t.end, t.end + 80),
      );
    if (cue.needsSanctionContext && !listedAs && !SANCTION_CONTEXT.test(paraText)) continue;
    // "moved funds to", "arranged shipments to": cues that need their object's words.
    if (cue.objectWords && !cue.objectWords.test(doc.text.slice(t.end, t.end + 60))) continue;
    // "raised money for": raising is financing only when money is raised.
    if (
      /^rais/.test(w) &&
      !/^\s+(?:\S+\s+){0,2}(?:money|funds|cash|millions?|\$)/i.test(doc.text.slice(t.end, t.end + 40))
    )
      continue;
    const found = claimsForVerb(doc, ts, args, k, cue, spans, sentenceText, previousSubjects, previousCue);
    if (found.length > 0) {
      previousSubjects = args.filter((a) => found.some((c) => a.clusters.includes(c.source)) && a.last < k);
      previousCue = k;
    }
    if (found.length === 0 && cue.type === 'pays') {
      const payers = subjectOf(ts, args, k, spans);
      const rest = doc.text.slice(t.end, ts[ts.length - 1]!.end);
      if (payers.length > 0 && !args.some((a) => a.first > k && !a.source))
        unpaid.push({ payers, cue: k, item: itemOf(rest)?.[0] ?? null });
    }
    claims.push(...found);
  }
  return claims;
}

function claimsForVerb(
  doc: DocumentAnalysis,
  ts: Token[],
  args: Arg[],
  k: number,
  cue: VerbCue,
  spans: Array<[number, number]>,
  sentenceText: string,
  previousSubjects: Arg[],
  previousCue: number,
): Claim[] {
  const claims: Claim[] = [];
  let subjects: Arg[] = [];
  let objects: Arg[] = [];
  let by = ts[k + 1]?.text === 'by' ? k + 1 : -1;
  // "was detained in Caracas by Venezuelan authorities": the agent after a place or time phrase.
  if (by < 0 && /^(?:in|at|on|near|outside|during)$/.test(ts[k + 1]?.text ?? '')) {
    for (let j = k + 2; j <= k + 7 && j < ts.length; j++) {
      const t = ts[j]!.text;
      if (t === 'by') {
        by = j;
        break;
      }
      if (!ts[j]!.word || verbCue(t) || RELATIVE.test(t)) break;
    }
  }
  let passive = false;
  // Causative "had the cousins arrested by Haitian police": the haver acts on the args before the verb.
  const had = ts.slice(Math.max(0, k - 9), k).findIndex((t) => /^(?:had|got)$/i.test(t.text));
  const causative =
    had >= 0 && cue.type === 'strikes' && args.some((a) => a.first > Math.max(0, k - 9) + had && a.last < k);
  if (causative) by = -1;
  // Passive: "was designated by X", reduced "a bureau controlled by X", "is run by its director general, X".
  let j = k - 1;
  while (
    j >= 0 &&
    /^(?:also|later|then|separately|itself|not|never|first|already|formally|jointly)$/i.test(ts[j]!.text)
  )
    j--;
  const aux = j >= 0 && (BE.test(ts[j]!.text) || (ts[j]!.text === 'been' && j > 0));
  if (!causative && (by > 0 || (aux && /ed$|en$|run$|sold$|held$|paid$|led$|frozen$/.test(ts[k]!.text)))) {
    passive = true;
    // "controlled by the family of RSF commander X": a name before a role noun only qualifies it.
    const agents = args.filter(
      (a) =>
        a.first > k && a.first <= k + 8 && !a.source && !a.possessive && !nounCue(ts[a.last + 1]?.text ?? ''),
    );
    const named = agents.filter((a) => !a.pronoun && a.first > by);
    const afterBy = by > 0 ? (named[0] ?? agents.find((a) => a.first > by)) : undefined;
    if (by > 0 && afterBy) subjects = [afterBy];
    let patient = by > 0 && !aux ? nearestHead(ts, args, k) : subjectOf(ts, args, k, spans);
    // "a carrier that the Treasury says is controlled by X": the relative's antecedent is the patient.
    const said = ts.slice(Math.max(0, j - 3), j).findIndex((t) => REPORTING.test(t.text));
    if (aux && said >= 0) {
      const at = Math.max(0, j - 3) + said;
      const r = [at - 1, at - 2, at - 3, at - 4].find((i) => i >= 0 && RELATIVE.test(ts[i]!.text));
      if (r !== undefined) patient = relativeAntecedent(ts, args, r).slice(-1);
    }
    objects = patient;
    if (by > 0 && !aux && patient.length === 0) return claims;
    // "He was arrested in Cape Verde": with no agent, the country where it happened made the arrest.
    if (
      by < 0 &&
      cue.subtype === 'arrest' &&
      ts[k + 1]?.text === 'in' &&
      !ts.slice(k + 1, k + 10).some((t) => t.text === 'by')
    ) {
      const where = args.find((a) => a.first === k + 2 && a.clusters.every((c) => c.country));
      if (where) subjects = [where];
    }
  }
  if (!passive) {
    // Relative clause: "X, which Y lists as", "X, which sanctioned", "a maker that partnered with".
    let r = k - 1;
    while (
      r >= 0 &&
      k - r <= 8 &&
      !RELATIVE.test(ts[r]!.text) &&
      (AUX_ADVERB.test(ts[r]!.text) ||
        ts[r]!.text === ',' ||
        args.some((a) => a.first <= r && r <= a.last) ||
        /^(?:according|to|the)$/i.test(ts[r]!.text))
    )
      r--;
    // "suggested that Tehran had supplied": a complement clause, not a relative one.
    const complement =
      r > 0 &&
      /^that$/i.test(ts[r]!.text) &&
      (REPORTING.test(ts[r - 1]!.text) ||
        /^(?:showed|shows|found|indicated|indicates|revealed|believe|denied|denies|alleged|added|noted|argued|claimed|suggest)$/i.test(
          ts[r - 1]!.text,
        ));
    if (r >= 0 && !complement && RELATIVE.test(ts[r]!.text) && k - r <= 8) {
      // ("a company that he controlled": a pronoun standing for a party is the clause's subject too.)
      const inner = args.filter(
        (a) =>
          a.first > r &&
          a.last < k &&
          !a.source &&
          !a.possessive &&
          (!a.pronoun ||
            (a.clusters.length > 0 &&
              /^(?:he|she|they|it)$/i.test(ts[a.first]!.text) &&
              // "firms that it said had helped X": the pronoun only reports.
              !REPORTING.test(ts[a.last + 1]?.text ?? ''))),
      );
      if (inner.length > 0) {
        // The clause has its own subject: "a firm that the Treasury sanctioned" (its object is the
        // antecedent), or "no evidence that Vahedi financed Hizballah" (its object follows).
        subjects = [inner[inner.length - 1]!];
        const after = objectsOf(ts, args, k, spans, cue.targetPrep);
        if (after.direct.length + after.prep.length + after.from.length === 0)
          objects = relativeAntecedent(ts, args, r).slice(-1);
      } else {
        subjects = relativeAntecedent(ts, args, r).slice(-1);
      }
    } else {
      subjects = subjectOf(ts, args, k, spans);
      // "X, a Dubai company he controlled": a relative clause without "that" describes X.
      const zero = zeroRelativeHead(ts, args, subjects);
      if (zero) {
        const after = objectsOf(ts, args, k, spans, cue.targetPrep);
        if (after.direct.length + after.prep.length + after.from.length === 0) objects = [zero];
      }
    }
    // "sanctioned X for providing …", "X, which Washington sanctioned for providing …": X provides.
    const reason = reasonHolders(ts, args, k);
    if (reason) subjects = reason;
    // "The Treasury designated X and sanctioned Y": the second verb shares the first one's subject.
    let a0 = k - 1;
    while (a0 > 0 && /^(?:also|later|then|separately|publicly|has|had|have)$/i.test(ts[a0]!.text)) a0--;
    if (
      ts[a0]?.text === 'and' &&
      previousSubjects.length > 0 &&
      subjects.length > 0 &&
      subjects.every((s) => s.last > previousCue)
    )
      subjects = previousSubjects;
    // "Maduro calls … and denies ever belonging to it": the sentence's subject denies.
    const denial = ts
      .slice(Math.max(0, k - 3), k)
      .findIndex((t) => /^(?:denies|denied|deny|denying)$/i.test(t.text));
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
  // A person who flies travels ("flew home to Beirut"); a carrier that flies somewhere transports.
  if (
    cue.subtype === 'flies' &&
    (subjects.every((a) => a.clusters.every((c) => c.schema === 'Person')) || ts[k + 1]?.text === 'home')
  )
    return claims;
  if (objects.length === 0) {
    const o = objectsOf(ts, args, k, spans, cue.targetPrep);
    if (cue.fromPrep && o.from.length > 0) {
      const item = itemOf(doc.text.slice(ts[k]!.start, o.from[0]!.start));
      // A buyer of drugs or arms is supplied by the seller; other purchases are trade.
      if (item && (item[1] === 'criminal' || item[0] === 'weapons')) {
        for (const s of subjects)
          for (const f of o.from) push(claims, f, s, 'supplies', 'sells', item[1], item[0], k, f, false);
      } else {
        for (const s of subjects)
          for (const f of o.from)
            push(
              claims,
              s,
              f,
              'trades_with',
              cue.subtype,
              item?.[1] ?? 'economic',
              item?.[0] ?? null,
              k,
              f,
              false,
              sentenceText,
            );
      }
      return claims;
    }
    // A cue that needs its preposition ("launched … against", "imposed … on") takes no direct object.
    const prepOnly =
      cue.prepOnly ||
      (cue.targetPrep !== undefined &&
        (cue.type === 'strikes' ||
          cue.targetPrep === 'on' ||
          (cue.targetPrep === 'for' && cue.type !== 'finances')));
    objects = cue.targetPrep && o.prep.length > 0 ? o.prep : prepOnly ? o.prep : o.direct;
    if (cue.type === 'supplies' || cue.type === 'transports') {
      // "sent him to Washington": moving a person is not a supply.
      if (o.direct.some((a) => a.clusters.every((c) => c.schema === 'Person'))) return claims;
      objects = o.prep.length > 0 || cue.prepOnly ? o.prep : o.direct.slice(0, 1);
    }
    if (cue.type === 'associate' && cue.targetPrep === 'with' && o.prep.length === 0) objects = [];
  }
  if (cue.mutual) {
    // "X and Y agreed" is an agreement between them; "X and Y agreed with Z" is not.
    if (subjects.length >= 2 && ts[k + 1]?.text !== 'with') {
      for (let i = 1; i < subjects.length; i++)
        push(
          claims,
          subjects[0]!,
          subjects[i]!,
          cue.type,
          cue.subtype,
          domainFor(cue, subjects[0]!, subjects[i]!, sentenceText),
          null,
          k,
          subjects[i],
          false,
        );
    }
    // "X signed a pact with Y": one party and the one after "with".
    if (subjects.length === 1 && cue.targetPrep === 'with')
      for (const o of objects)
        push(
          claims,
          subjects[0]!,
          o,
          cue.type,
          cue.subtype,
          domainFor(cue, subjects[0]!, o, sentenceText),
          null,
          k,
          o,
          false,
        );
    return claims;
  }
  const between =
    objects.length > 0 ? doc.text.slice(ts[k]!.start, objects[objects.length - 1]!.end + 60) : '';
  let item = ['supplies', 'transports', 'trades_with'].includes(cue.type)
    ? itemOf(between || sentenceText)
    : undefined;
  // "collected funds … and sent them to X": the pronoun object is the goods named before the verb.
  if (!item && ['supplies', 'transports'].includes(cue.type) && /^(?:them|it)$/i.test(ts[k + 1]?.text ?? ''))
    item = itemOf(doc.text.slice(ts[0]!.start, ts[k]!.start));
  // A payment is money, or the gold it was made in; a transfer of goods is transport.
  let type = cue.type;
  if (cue.type === 'pays') {
    const goods = cue.subtype === 'transfer' ? itemOf(between || sentenceText) : undefined;
    if (goods && goods[0] !== 'money' && goods[0] !== 'gold') {
      type = 'transports';
      item = goods;
    } else item = /\bgold\b/i.test(between || sentenceText) ? ['gold', 'economic'] : ['money', 'economic'];
  }
  // Sending or providing money is financing ("sent money to the group").
  if ((type === 'supplies' || type === 'transports') && item?.[0] === 'money') type = 'finances';
  let subtype = cue.subtype;
  // "worked with X": an associate, not an employee.
  if (cue.type === 'employment' && ts[k + 1]?.text === 'with') {
    type = 'associate';
    subtype = 'works_with';
    objects = objectsOf(ts, args, k, spans, 'with').prep;
  }
  // "commands the drone units of X": a commander inside X.
  if (
    cue.subtype === 'commands' &&
    objects.length > 0 &&
    /\bunits? of\b/.test(doc.text.slice(ts[k]!.end, objects[0]!.start))
  ) {
    type = 'membership';
    subtype = 'commander';
  }
  for (const s of subjects) {
    for (const o of objects) {
      push(
        claims,
        s,
        o,
        type,
        subtype,
        domainFor({ ...cue, type }, s, o, sentenceText, item),
        item?.[0] ?? null,
        k,
        o,
        STATIVE.has(type),
      );
    }
  }
  return claims;
}

function domainFor(cue: VerbCue, s: Arg, o: Arg, sentence: string, item?: [string, Domain]): Domain {
  return domainOf(cue.type, cue.domain, s.clusters[0]!, o.clusters[0]!, sentence, item);
}

function push(
  claims: Claim[],
  s: Arg,
  o: Arg,
  type: RelationType,
  subtype: string | null,
  domain: Domain,
  item: string | null,
  cue: number,
  targetArg: Arg | undefined,
  stative: boolean,
  sentence?: string,
): void {
  for (const a of s.clusters) {
    for (const b of o.clusters) {
      if (a === b) continue;
      const d = sentence ? domainOf(type, domain, a, b, sentence, item ? [item, domain] : undefined) : domain;
      claims.push({ source: a, target: b, type, subtype, domain: d, item, cue, targetArg, stative });
    }
  }
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
    claims.push({
      source: x!,
      target: y!,
      type: 'family',
      subtype: kin[0].replace(/s$/, ''),
      domain: 'social',
      item: null,
      cue: a.first,
      stative: true,
    });
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
function attachedClaims(doc: DocumentAnalysis, ts: Token[], args: Arg[]): Claim[] {
  const claims: Claim[] = [];
  for (const a of args) {
    const rel = a.attached ? ATTACHED_RELATIONS[a.attached] : undefined;
    if (!rel || a.pronoun) continue;
    // The party modified: a description around the modifier, or the name right after it, or the
    // name an appositive describes ("Nova Marine, a Hezbollah-linked firm").
    const head =
      args.find(
        (b) => b !== a && !b.pronoun && ((b.first <= a.first && b.last > a.last) || b.first === a.last + 1),
      ) ??
      args.find(
        (b) =>
          b.last < a.first &&
          !b.pronoun &&
          !b.possessive &&
          ts[b.last + 1]?.text === ',' &&
          /^(?:a|an|the)$/i.test(ts[b.last + 2]?.text ?? '') &&
          ts.slice(b.last + 3, a.first).every((t) => t.word && t.text === t.text.toLowerCase()) &&
          a.first - b.last <= 5,
      );
    if (!head) continue;
    for (const s of a.clusters) {
      for (const t of head.clusters) {
        if (s === t) continue;
        const sentence = doc.text.slice(a.start, head.end);
        claims.push({
          source: s,
          target: t,
          type: rel[0],
          subtype: rel[1],
          domain: domainOf(rel[0], 'economic', s, t, sentence),
          item: null,
          cue: a.last,
          targetArg: head,
          stative: true,
        });
      }
    }
  }
  return claims;
}

/**
 * "X has close ties to Y", "Caracas denies any link to the gang", "denied any business with Y": a
 * link noun ties the clause's subject to the party after its preposition.
 */
function linkClaims(doc: DocumentAnalysis, ts: Token[], args: Arg[]): Claim[] {
  const claims: Claim[] = [];
  let spans: Array<[number, number]> | undefined;
  for (let k = 1; k < ts.length - 1; k++) {
    const w = ts[k]!.text.toLowerCase();
    const link = /^(?:links?|ties|connections?)$/.test(w) && /^(?:to|with)$/.test(ts[k + 1]!.text);
    const dealings =
      /^(?:business|dealings)$/.test(w) &&
      ts[k + 1]!.text === 'with' &&
      /^(?:any|no)$/i.test(ts[k - 1]!.text);
    if (!link && !dealings) continue;
    // The party may follow a title ("ties to the Gambian former president Yahya Jammeh").
    const target = args.find(
      (a) => a.first > k + 1 && a.first <= k + 8 && !a.source && !a.demonym && !a.possessive,
    );
    if (!target || ts.slice(k + 2, target.first).some((t) => /^[,;:()]$/.test(t.text) || verbCue(t.text)))
      continue;
    spans ??= relativeSpans(ts);
    const subjects = subjectOf(ts, args, k, spans);
    for (const s of subjects) {
      for (const a of s.clusters) {
        for (const b of target.clusters) {
          if (a !== b)
            claims.push({
              source: a,
              target: b,
              type: 'associate',
              subtype: 'linked',
              domain: domainOf('associate', 'economic', a, b, doc.text.slice(s.start, target.end)),
              item: null,
              cue: k,
              targetArg: target,
              stative: true,
            });
        }
      }
    }
  }
  return claims;
}

/** "European Union sanctions on the Syrian government": a sanctions noun with its owner right before it. */
function sanctionNounClaims(ts: Token[], args: Arg[]): Claim[] {
  const claims: Claim[] = [];
  for (let k = 1; k < ts.length - 2; k++) {
    if (ts[k]!.text !== 'sanctions' || !/^(?:on|against)$/.test(ts[k + 1]!.text)) continue;
    const owner = args.find((a) => a.last === k - 1 && !a.demonym && !a.pronoun);
    const target = args.find(
      (a) =>
        a.first > k + 1 &&
        a.first <= k + 4 &&
        !a.source &&
        (!a.demonym || STATE_ACTORS.test(ts[a.last + 1]?.text ?? '')),
    );
    if (!owner || !target) continue;
    for (const s of owner.clusters) {
      for (const o of target.clusters) {
        if (s !== o)
          claims.push({
            source: s,
            target: o,
            type: 'sanctions',
            subtype: null,
            domain: 'economic',
            item: null,
            cue: k,
            targetArg: target,
            stative: false,
          });
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
    const isList =
      w === 'blacklist' ||
      (w === 'list' && /^(?:sanctions|blacklist|sdn|entity)$/i.test(ts[k - 1]?.text ?? ''));
    if (!isList) continue;
    if (
      !/\bon\b/i.test(
        ts
          .slice(Math.max(0, k - 5), k)
          .map((t) => t.text)
          .join(' '),
      )
    )
      continue;
    const owner = args.find((a) => a.last < k && a.last >= k - 3 && !a.demonym);
    if (!owner) continue;
    const after = ts[k + 1]?.text.toLowerCase();
    let listed: Arg | undefined;
    if (after === 'is' || after === 'are' || after === 'was' || after === 'were')
      listed = args.find((a) => a.first > k + 1 && a.first <= k + 4);
    else {
      const be = ts.slice(Math.max(0, k - 6), k).findIndex((t) => /^(?:is|are|was|were)$/i.test(t.text));
      if (be >= 0) listed = subjectOf(ts, args, Math.max(0, k - 6) + be, relativeSpans(ts))[0];
    }
    if (!listed) continue;
    for (const o of listed.clusters) {
      for (const s of owner.clusters) {
        if (s !== o)
          claims.push({
            source: s,
            target: o,
            type: 'sanctions',
            subtype: 'listed',
            domain: 'economic',
            item: null,
            cue: k,
            targetArg: listed,
            stative: false,
          });
      }
    }
  }
  return claims;
}

/** "Tehran supplied the kits, and Moscow paid part of the bill": a payment with no payee goes to the supplier. */
function fillPayments(
  claims: Claim[],
  unpaid: Array<{ payers: Arg[]; cue: number; item: string | null }>,
): void {
  for (const { payers, cue, item } of unpaid) {
    const supply = claims.find(
      (c) =>
        (c.type === 'supplies' || c.type === 'trades_with') &&
        c.cue < cue &&
        !payers.some((p) => p.clusters.includes(c.source)),
    );
    if (!supply) continue;
    for (const p of payers) {
      for (const a of p.clusters) {
        claims.push({
          source: a,
          target: supply.source,
          type: 'pays',
          subtype: null,
          domain: 'economic',
          item,
          cue,
          stative: false,
        });
      }
    }
  }
}
