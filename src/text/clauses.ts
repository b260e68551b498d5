/**
 * Clause structure without a parser: relative clauses (", which … ,"), clause breaks, the
 * preposition that introduces an argument, and the subject and objects of a cue word found by
 * walking left and right over the sentence's arguments.
 */
import { REPORTING, STATE_ACTORS, type Arg } from './arguments.js';
import { NOUN_OR_VERB, nounCue, verbCue } from './cues.js';
import type { Token } from './tokens.js';

export const BE = /^(?:is|are|was|were|been|be|being|has been|had been)$/i;
export const AUX_ADVERB =
  /^(?:believed|thought|known|reported|alleged|suspected|understood|expected|had|has|have|was|were|is|are|been|be|also|later|then|not|never|no|always|reportedly|allegedly|separately|publicly|long|still|first|already|once|previously|formerly|itself|since|ever|now|subsequently|jointly|secretly|repeatedly|would|will|could|may|might|did|does|do|to|began|begun|continued|helped|agreed|tried|sought|kept|said|says|say|they|officials|that|U\.S\.)$/i;
export const PREPOSITIONS = new Set([
  'in',
  'at',
  'near',
  'from',
  'to',
  'into',
  'for',
  'by',
  'on',
  'with',
  'against',
  'over',
  'under',
  'across',
  'through',
  'via',
  'off',
  'of',
  'beside',
  'outside',
  'inside',
  'between',
  'among',
  'about',
  'than',
  'like',
]);
/** Things held whose "X of Y" makes Y the object of a freeze or seizure. */
const HOLDINGS_OF =
  /^(?:assets|property|properties|accounts|funds|holdings|shares|cargoes|cargo|vessels|ships|aircraft|planes|shipments)$/i;
export const RELATIVE = /^(?:which|who|that)$/i;

/** Token spans of relative clauses ", which … ," / ", who … ,". */
export function relativeSpans(ts: Token[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 1; i < ts.length; i++) {
    const comma =
      ts[i - 1]!.text === ',' || (ts[i - 2]?.text === ',' && PREPOSITIONS.has(ts[i - 1]!.text.toLowerCase()));
    if (!comma || !/^(?:which|who|where|whose|whom)$/i.test(ts[i]!.text)) continue;
    let j = i + 1;
    while (j < ts.length && ts[j]!.text !== ',' && ts[j]!.text !== ';' && ts[j]!.text !== '.') j++;
    spans.push([i, j]);
  }
  return spans;
}

export const inside = (spans: Array<[number, number]>, i: number) => spans.find(([a, b]) => a <= i && i <= b);

/** Is the ';' at index i the end of a clause (its next segment has a verb) rather than a list separator? */
export function clauseBreak(ts: Token[], i: number): boolean {
  if (ts[i]!.text !== ';') return false;
  for (let j = i + 1; j < ts.length && ts[j]!.text !== ';'; j++) {
    const w = ts[j]!.text.toLowerCase();
    if (
      REPORTING.test(w) ||
      /^(?:is|are|was|were|has|had|have|did|does)$/.test(w) ||
      verbCue(w) !== undefined
    )
      return true;
  }
  return false;
}

export function prepBefore(ts: Token[], a: Arg, stop: number): string | undefined {
  for (let k = a.first - 1; k > stop && k >= a.first - 6; k--) {
    const w = ts[k]!.text.toLowerCase();
    // An appositive after a comma ("one of its directors, Iliana Ruzza") is a direct object.
    if (w === ',' || w === 'and' || w === 'or') return undefined;
    const two = `${ts[k - 1]?.text.toLowerCase() ?? ''} ${w}`;
    if (/^(?:along with|together with|well as|such as|among them|including)$/.test(two) || w === 'including')
      return undefined;
    if (PREPOSITIONS.has(w)) return w;
    if (w === ';') return undefined;
    if (!ts[k]!.word || /^(?:the|a|an|its|his|her|their|former|of)$/.test(w)) continue;
    if (/^\p{Lu}/u.test(ts[k]!.text)) continue;
    // An adjective or noun between: "the presidential hangar at", still scan a little.
  }
  return undefined;
}

/** Nearest arg left of the cue that can be its subject, with args coordinated to it. */
export function subjectOf(ts: Token[], args: Arg[], cue: number, spans: Array<[number, number]>): Arg[] {
  const cueSpan = inside(spans, cue);
  // "…, saying they supplied": a pronoun that stands for no party is still the verb's subject.
  let p = cue - 1;
  while (p >= 0 && AUX_ADVERB.test(ts[p]!.text) && !/^(?:they|officials|that|U\.S\.)$/i.test(ts[p]!.text))
    p--;
  if (
    p >= 0 &&
    /^(?:they|he|she|it|we)$/i.test(ts[p]!.text) &&
    !args.some((a) => a.first <= p && p <= a.last)
  )
    return [];
  for (let i = args.length - 1; i >= 0; i--) {
    const a = args[i]!;
    if (a.last >= cue) continue;
    // Stop at a clause break between the arg and the cue.
    if (ts.slice(a.last + 1, cue).some((t, k) => t.text === ';' && clauseBreak(ts, a.last + 1 + k)))
      return [];
    // Modifiers ("Iran's", "Kremlin-backed") are never the subject themselves.
    if (a.source || a.possessive || a.attached) continue;
    if (a.pronoun && /^(?:him|them|her)$/i.test(ts[a.first]!.text)) continue;
    const span = inside(spans, a.first);
    if (span && span !== cueSpan) continue;
    let pi = a.first - 1;
    while (pi > 0 && /^(?:the|a|an)$/i.test(ts[pi]!.text)) pi--;
    const prev = ts[pi]?.text.toLowerCase() ?? '';
    const prev2 = ts[pi - 1]?.text ?? '';
    if (
      PREPOSITIONS.has(prev) &&
      !(prev === 'in' && /^(?:authorities|officials|police|prosecutors|forces)$/i.test(prev2))
    ) {
      // "Agents of the DEA": the agency acts.
      if (!(
        prev === 'of' &&
        /^(?:agents|officials|officers|forces|troops|authorities|members|fighters|militants|operatives|gunmen|commandos)$/i.test(
          prev2,
        )
      ))
        continue;
    }
    if (a.demonym && !STATE_ACTORS.test(ts[a.last + 1]?.text ?? '')) continue;
    const head = appositiveHead(ts, args, a, cue);
    if (head) return [head];
    const out = [a];
    for (let j = i - 1; j >= 0; j--) {
      const b = args[j]!;
      const between = ts
        .slice(b.last + 1, out[0]!.first)
        .map((t) => t.text)
        .join(' ');
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

/**
 * "X, an Iranian businessman linked to Y, had arranged …": when the arg nearest the verb sits in an
 * appositive set off by commas, the verb's subject is the name the appositive describes.
 */
function appositiveHead(ts: Token[], args: Arg[], a: Arg, cue: number): Arg | undefined {
  let c = a.last + 1;
  while (c < cue && ts[c]!.text !== ',') c++;
  if (c >= cue || !ts.slice(c + 1, cue).every((t) => AUX_ADVERB.test(t.text))) return undefined;
  let o = a.first - 1;
  while (
    o >= 0 &&
    a.first - o <= 12 &&
    ts[o]!.text !== ',' &&
    ts[o]!.text !== ';' &&
    !RELATIVE.test(ts[o]!.text)
  )
    o--;
  if (o < 1 || ts[o]!.text !== ',' || !/^(?:a|an|the)$/i.test(ts[o + 1]?.text ?? '')) return undefined;
  return args.find((h) => h.last === o - 1 && !h.source && !h.possessive && !h.demonym && !h.pronoun);
}

/** What a relative pronoun refers to: the name right before it, or before its appositive ("X, a Russian drone maker that"). */
export function relativeAntecedent(ts: Token[], args: Arg[], r: number): Arg[] {
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
export function nearestHead(ts: Token[], args: Arg[], k: number): Arg[] {
  for (let i = args.length - 1; i >= 0; i--) {
    const a = args[i]!;
    // "a Moscow-based firm sanctioned by X": a modifier is no head.
    if (a.last >= k || a.source || a.possessive || a.demonym || a.pronoun || a.attached) continue;
    // "owned by A and managed by B": A is the first participle's agent, not the head.
    if (ts[a.first - 1]?.text === 'by') continue;
    // An appositive between may be longer: "X, a Moscow-based procurement firm already sanctioned by".
    const appositive = ts[a.last + 1]?.text === ',' && /^(?:a|an|the)$/i.test(ts[a.last + 2]?.text ?? '');
    if (k - a.last > (appositive ? 14 : 8)) return [];
    return [a];
  }
  return [];
}

/** Is the arg the subject of a new clause ("…, and the Treasury later designated")? */
export function startsClause(ts: Token[], a: Arg): boolean {
  const next = ts[a.last + 1]?.text.toLowerCase() ?? '';
  // "…, and the State Department warned ports": a past-tense verb that is no participle ("based in").
  if (
    /^[a-z]{3,}ed$/.test(next) &&
    !/^(?:by|in|as|to|on|at|from|with|for|under)$/i.test(ts[a.last + 2]?.text ?? '')
  )
    return true;
  return (
    /^(?:has|have|had|was|were|is|are|later|also|then|said|says|will|would|did|does|never|not|first|separately|itself)$/.test(
      next,
    ) || verbCue(next) !== undefined
  );
}

/** Objects right of the cue, up to the end of its clause. */
export function objectsOf(
  ts: Token[],
  args: Arg[],
  cue: number,
  spans: Array<[number, number]>,
  wantPrep?: string,
): { direct: Arg[]; prep: Arg[]; from: Arg[] } {
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
    const appendix =
      /\b(?:among them|including|along with|together with|as well as)\b(?![^,]*\b(?:said|says|that|which|who)\b)/i.test(
        gap.map((t) => t.text).join(' '),
      );
    // The appendix reopens the object list ("…, along with two of his companies, X and Y").
    if (appendix && !ended) closed = false;
    if (ended) continue;
    if (!appendix) {
      if (closed) continue;
      // Another clause ends the objects: ";" + verb, ", and he publicly urged", "that it said", another verb.
      const newClause =
        gap.some((t, k) => t.text === ';' && clauseBreak(ts, lastEnd + 1 + k)) ||
        // ", but Iran continued …", "while Caracas …": a contrasting clause has its own subject.
        gap.some((t) => /^(?:but|while|whereas|although|though|yet)$/i.test(t.text)) ||
        gap.some(
          (t, k) =>
            t.word &&
            t.text !== 'sanctions' &&
            verbCue(t.text) !== undefined &&
            !/^(?:the|a|an|its|his|her|their|of)$/i.test(ts[lastEnd + k]?.text ?? '') &&
            !(NOUN_OR_VERB.test(t.text) && !AUX_ADVERB.test(ts[lastEnd + k]?.text ?? '')),
        );
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
    const joined =
      lastEnd > cue &&
      gap.length > 0 &&
      gap.every((t) => /^(?:,|and|or|the)$/.test(t.text)) &&
      gap.some((t) => t.text !== 'the') &&
      (!prevArg || place(prevArg) === place(a));
    // ", and the Treasury later designated …": a new clause with its own subject.
    if (
      found &&
      /^(?:, )?and$/.test(
        gap
          .map((t) => t.text)
          .join(' ')
          .replace(/^(.*, )?and( the)?$/, ', and'),
      ) &&
      startsClause(ts, a)
    ) {
      ended = true;
      continue;
    }
    lastEnd = a.last;
    if (a.source || a.attached) continue;
    // "a major Hizballah financier": a name inside a role phrase is not an object.
    if (
      !a.pronoun &&
      nounCue(ts[a.last + 1]?.text ?? '') &&
      /^(?:a|an|major|senior|former|top|key|the)$/i.test(ts[a.first - 1]?.text ?? '')
    )
      continue;
    // In a list, an item takes the role of the one before it ("in Lebanon, the UAE, South Africa");
    // so does a name that renames a possessive's noun ("to two of Barakat's brothers, Hatim …").
    const apposed =
      prevArg?.possessive === true &&
      gap.length >= 2 &&
      gap.length <= 4 &&
      gap[gap.length - 1]!.text === ',' &&
      gap.slice(0, -1).every((t) => /^[a-z]+$/.test(t.text));
    // "two of Barakat's brothers, A and B": the quantity's own role, not "of".
    const counted =
      apposed &&
      lastRole === 'of' &&
      /^(?:one|two|three|four|five|six|several|some|many|both|all|each|most|few)$/i.test(
        ts[prevArg!.first - 2]?.text ?? '',
      );
    const p = counted
      ? prepBefore(ts, { ...prevArg!, first: prevArg!.first - 2 }, cue)
      : joined || apposed
        ? lastRole
        : prepBefore(ts, a, cue);
    lastRole = p;
    if (a.possessive || a.attributive || a.attached) continue;
    if (p === 'from') from.push(a);
    // "froze the assets of X", "seized the cargoes of X": the holder is the object.
    else if (
      p === 'of' &&
      !wantPrep?.split('|').includes('of') &&
      HOLDINGS_OF.test(
        ts[a.first - 2]?.text === 'of' ? (ts[a.first - 3]?.text ?? '') : (ts[a.first - 2]?.text ?? ''),
      )
    )
      direct.push(a);
    // "carried out the killing of X": a nominal act's "of" is its object.
    else if (
      p === 'of' &&
      ts[cue + 1]?.text === 'of' &&
      ts[cue - 1]?.text === 'the' &&
      /ing$/.test(ts[cue]!.text)
    )
      direct.push(a);
    else if (p && wantPrep?.split('|').includes(p)) prep.push(a);
    else if (!p) direct.push(a);
  }
  return { direct, prep, from };
}
