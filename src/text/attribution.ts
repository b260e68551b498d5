/**
 * What a claim's sentence says about it besides its parties: hedged (attributed or uncertain),
 * negated (denied or said not to hold) and its date.
 */
import type { Arg } from './arguments.js';
import type { Claim } from './claim.js';
import { inside, relativeSpans } from './clauses.js';
import type { DateMention } from './dates.js';
import { HEDGE_BEFORE, HEDGE_NEAR, NEGATION_AFTER, NEGATION_BEFORE, NEGATION_CLAUSE } from './hedging.js';
import type { DocumentAnalysis } from './mentions.js';
import type { Token } from './tokens.js';

export function isNegated(doc: DocumentAnalysis, ts: Token[], claim: Claim, args: Arg[]): boolean {
  const k = claim.cue;
  // The words between the subject (or the clause start) and the cue.
  let from = k - 1;
  let steps = 0;
  while (
    from > 0 &&
    steps < 7 &&
    ts[from]!.text !== ',' &&
    ts[from]!.text !== ';' &&
    !args.some((a) => a.first <= from && from <= a.last)
  ) {
    from--;
    steps++;
  }
  const window = ts
    .slice(from + 1, k)
    .map((t) => t.text)
    .join(' ');
  if (NEGATION_BEFORE.test(window)) return true;
  const after = doc.text.slice(ts[k]!.end, ts[k]!.end + 20);
  if (NEGATION_AFTER.test(after)) return true;
  const before = doc.text.slice(ts[0]!.start, ts[k]!.start);
  if (NEGATION_CLAUSE.test(before)) return true;
  // "has always denied financing X", "denies ever belonging to it".
  if (
    /\b(?:denied|denies|deny|denying)\s+(?:\w+\s+){0,2}$/i.test(
      doc.text.slice(Math.max(0, ts[k]!.start - 30), ts[k]!.start),
    )
  )
    return true;
  return false;
}

export function isHedged(ts: Token[], k: number, args: Arg[]): boolean {
  // ", his lawyer said.": an attribution after the claim covers the whole sentence.
  const tail = ts
    .slice(Math.max(k + 1, ts.length - 7))
    .map((t) => t.text)
    .join(' ');
  if (
    /, (?:[^,]{1,40} )?(?:said|says|say|reported|claimed|alleged|added) \.?$/.test(tail) ||
    /, according to [^,]{1,40} \.?$/.test(tail)
  )
    return true;
  // Words of names ("Nazem Said Ahmad") are not cues.
  const plain = (i: number) =>
    !args.some((a) => !a.pronoun && a.first <= i && i <= a.last) &&
    (i === 0 || !/^\p{Lu}/u.test(ts[i]!.text));
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
    // "whom it calls the leader": a label the source gives (not "Maduro calls the cartel an invention").
    const labelled = /^calls$/i.test(w) && /^(?:whom|which)$/i.test(ts[h - 2]?.text ?? '');
    if (/^(?:calling|called|naming)$/i.test(w) || labelled) {
      if (ts.slice(h, k).some((t) => t.text === ',')) continue;
      return true;
    }
    if (
      /^according to$/i.test(phrase) ||
      (HEDGE_BEFORE.test(w) && !/^(?:may|might|could|called|reports?|told|named|likely|probably)$/i.test(w))
    )
      return true;
  }
  return false;
}

export function dateOf(
  doc: DocumentAnalysis,
  ts: Token[],
  claim: Claim,
  dates: DateMention[],
): string | null {
  if (dates.length === 0) return null;
  const k = claim.cue;
  const cueAt = ts[k]!.start;
  // "a former head of": a past role, not an event of the sentence's date.
  if (claim.stative && /\bformer\b/i.test(doc.text.slice(Math.max(0, cueAt - 25), cueAt))) return null;
  const spans = relativeSpans(ts);
  const cueSpan = inside(spans, k);
  // Dates in the clause that reports the claim ("reported … in early 2024 suggested that") do not date it.
  // ", saying he had raised money": the date of the saying does not date what was said.
  const reportEnd = ts.findIndex(
    (t, i) =>
      i < k &&
      ((/^(?:suggested|said|says|say|reported)$/i.test(t.text) && ts[i + 1]?.text === 'that') ||
        (t.text === 'saying' && ts[i - 1]?.text === ',')),
  );
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
