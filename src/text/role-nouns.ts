/**
 * Role nouns: "Z, the wife of Y", "Z is a subsidiary of Y", "Y's president, Z", "a former Y
 * commander", "named Z as alleged leaders of Y", "calling him a Y financier".
 */
import type { Arg } from './arguments.js';
import { domainOf, type Claim } from './claim.js';
import { BE, PREPOSITIONS, RELATIVE, relativeAntecedent, relativeSpans, subjectOf } from './clauses.js';
import { nounCue } from './cues.js';
import type { DocumentAnalysis } from './mentions.js';
import type { Token } from './tokens.js';

const LABEL_VERBS =
  /^(?:named|calling|called|calls|described|describes|identified|designated|lists?|listed|labell?ed|branded|naming|considers|considered)$/i;

/** "X, whom it calls the leader of Y", "X, whom it described as a Y fundraiser": the holder is the relative's antecedent. */
function labelledByRelative(ts: Token[], args: Arg[], v: number): Arg[] {
  for (let r = v - 1; r >= 0 && r >= v - 3; r--) {
    if (RELATIVE.test(ts[r]!.text) || /^whom$/i.test(ts[r]!.text))
      return relativeAntecedent(ts, args, r).slice(-1);
  }
  return [];
}

/** Role nouns: "nephews of Y", "a subsidiary of Y", "Y's president, Z", "a former Y commander". */
export function nounClaims(doc: DocumentAnalysis, ts: Token[], args: Arg[]): Claim[] {
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
      y = args.find(
        (a) =>
          a.first > k + 1 &&
          a.first <= k + 6 &&
          !a.source &&
          !a.demonym &&
          !ts.slice(k + 2, a.first).some((t) => PREPOSITIONS.has(t.text) || t.text === ','),
      );
    }
    // 2. "a Y NOUN": "a former Hezbollah commander", "a major Hezbollah financier".
    let modifierForm = false;
    let titleHolder: Arg | undefined;
    if (!y) {
      // ("a Hezbollah-linked firm" is linked to Hezbollah, not Hezbollah's firm.)
      const m = args.find(
        (a) => a.last === k - 1 && !a.possessive && !a.demonym && !a.pronoun && !a.attached,
      );
      if (
        m &&
        /^(?:a|an|the|former|major|senior|top|key|alleged|longtime|main)$/i.test(ts[m.first - 1]?.text ?? '')
      ) {
        y = m;
        modifierForm = true;
      } else if (m && !m.clusters.every((c) => c.country)) {
        // 4. "Y NOUN Z", a title before a name: "Hezbollah leader Hassan Nasrallah", "PDVSA president Ana Ruiz".
        const z = args.find(
          (a) => a.first === k + 1 && !a.pronoun && a.clusters.every((c) => c.schema === 'Person'),
        );
        if (z) {
          y = m;
          titleHolder = z;
          modifierForm = cue.subtype === 'commander';
        }
      }
    }
    // 3. "Y's NOUN, Z" / "its president, Z" / "his brothers Ali and Husayn" / "Z, Y's company in …".
    let possessor: Arg | undefined;
    if (!y) {
      let p = k - 1;
      if (ts[p]?.text.toLowerCase() === 'general' || /^(?:former|two|other|new)$/i.test(ts[p]?.text ?? ''))
        p--;
      // "Hezbollah's most prominent financiers", "its chief foreign supplier".
      for (
        let n = 0;
        n < 3 &&
        /^(?:most|prominent|leading|top|key|main|chief|principal|biggest|largest|longtime|senior|foreign|major|main|alleged)$/i.test(
          ts[p]?.text ?? '',
        );
        n++
      )
        p--;
      // "its Indian captain, Z": a nationality between the possessive and the noun.
      const demonym = args.find((a) => a.last === p && a.demonym);
      if (demonym) p = demonym.first - 1;
      else if (
        /^\p{Lu}\p{Ll}+(?:an|ese|ish|i|ic)$/u.test(ts[p]?.text ?? '') &&
        !args.some((a) => a.first <= p && p <= a.last)
      )
        p--;
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
          const between = ts
            .slice(holderArgs[holderArgs.length - 1]!.last + 1, b.first)
            .map((t) => t.text)
            .join(' ');
          if (/^(?:and|,|, and)$/.test(between)) holderArgs.push(b);
          else break;
        }
      } else {
        // "Golfrate Holdings, Kassim's company in Angola": the holder is before the comma.
        const start = ts.slice(0, possessor.first).map((t) => t.text);
        if (
          start[start.length - 1] === ',' ||
          /^(?:one|two|three|several|some)$/.test(start[start.length - 2] ?? '')
        ) {
          const before = args.filter((a) => a.last < possessor!.first - 1 && !a.source && !a.demonym);
          if (before.length > 0) holderArgs = [before[before.length - 1]!];
        }
        // "X is Hezbollah's financier", "calling him Hezbollah's financier": a copula or label holder.
        if (holderArgs.length === 0) holderArgs = holderOf(ts, args, possessor.first, holders, spans);
      }
      y = possessor;
    } else if (titleHolder) {
      holderArgs = [titleHolder];
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
          claims.push({
            source: a,
            target: b,
            type,
            subtype,
            domain,
            item: null,
            cue: k,
            targetArg: o,
            stative: true,
          });
        }
      }
    }
  }
  return claims;
}

/** The holder of a role noun: copula subject, appositive head, "named Z as", "calling him". */
function holderOf(
  ts: Token[],
  args: Arg[],
  k: number,
  holders: Map<number, Arg[]>,
  spans: Array<[number, number]>,
): Arg[] {
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
    if (
      /^(?:a|an|the|former|major|senior|top|key|alleged|longtime|main|one|of|its|his|her|their|two|both|chief|deputy|general|military|intelligence|drone|diamond|art|ground-handling|investment|trading|state-owned|elected|interim|acting|then|current|ex)$/i.test(
        w,
      ) ||
      (/^[a-z-]+$/.test(w) && !BE.test(w) && w !== 'and' && !LABEL_VERBS.test(w) && w !== 'as')
    ) {
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
    const before = args.filter((a) => a.last < p && !a.source && !a.possessive && !a.demonym);
    const head = before[before.length - 1];
    return head && head.last >= p - 1
      ? [head]
      : head && ts[head.last + 1]?.text === ')'
        ? [head]
        : head && p - head.last <= 4
          ? [head]
          : [];
  }
  if (w === 'and') {
    // "a former head of X and former commander of Y": the same holder.
    for (const [q, h] of [...holders].reverse()) if (q < p) return h;
    return [];
  }
  // "he served as a Qods Force official", "worked as a manager of X": the subject of the verb.
  if (
    w === 'as' &&
    /^(?:served|serves|serving|serve|acted|acts|worked|works|working)$/i.test(ts[p - 1]?.text ?? '')
  )
    return subjectOf(ts, args, p - 1, spans);
  if (w === 'as') {
    // "named Diosdado Cabello and Hugo Carvajal, a former …, as alleged leaders of the cartel".
    let v = p - 1;
    while (v >= 0 && !LABEL_VERBS.test(ts[v]!.text)) v--;
    if (v < 0) return [];
    const named = args.filter((a) => a.first > v && a.last < p && !a.source && !a.demonym && !a.possessive);
    if (named.length === 0) return labelledByRelative(ts, args, v);
    return named.filter((a) => {
      // Leave out args inside an appositive ", a former military intelligence chief,".
      const prevComma = ts
        .slice(v, a.first)
        .map((t) => t.text)
        .lastIndexOf(',');
      return prevComma < 0 || !/^(?:a|an|the)$/i.test(ts[v + prevComma + 1]?.text ?? '');
    });
  }
  if (/^(?:calls|called|describes|considers)$/i.test(w)) {
    const held = labelledByRelative(ts, args, p);
    if (held.length > 0) return held;
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
