/**
 * Proper-noun chunks: runs of capitalised words inside a sentence, joined by the small words
 * names contain ("Office of Foreign Assets Control", "Cartel de los Soles", "Port-au-Prince"),
 * with possessives ("Iran's") and attached modifiers ("Hezbollah-linked", "IRGC-controlled",
 * "Houston-based") split off and remembered.
 */
import { isAllCaps, isCapitalized, type Token } from './tokens.js';

export interface Chunk {
  /** Token indexes [first, last] inclusive, into the sentence's tokens. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  /** "Iran's": the chunk is a possessive modifier. */
  possessive: boolean;
  /** The modifier a hyphen attached ("linked" for "Hezbollah-linked"), if any. */
  attached?: string;
}

/** Small words allowed inside a name when a capitalised word follows. */
const CONNECTORS = new Set([
  'of',
  'the',
  'de',
  'del',
  'la',
  'las',
  'los',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'da',
  'do',
  'dos',
  'das',
  'du',
  'van',
  'von',
  'der',
  'den',
  'y',
  'and',
  '&',
  'for',
  'di',
  'e',
]);

/** Participles that a hyphen attaches to a name: "Hezbollah-linked", "state-owned". */
export const ATTACHED = new Set([
  'linked',
  'backed',
  'controlled',
  'owned',
  'based',
  'made',
  'run',
  'affiliated',
  'aligned',
  'allied',
  'funded',
  'financed',
  'sponsored',
  'led',
  'operated',
  'flagged',
  'registered',
  'built',
  'supplied',
  'designed',
  'bound',
  'born',
  'connected',
  'tied',
  'related',
  'friendly',
  'leaning',
  'held',
]);

const POSSESSIVE = /['’]s?$/;

interface Word {
  text: string;
  possessive: boolean;
  attached?: string;
  end: number;
}

/** Read a token as a name word: strip a possessive or an attached modifier. */
function nameWord(t: Token): Word | undefined {
  if (!t.word) return undefined;
  let text = t.text;
  let end = t.end;
  let possessive = false;
  let attached: string | undefined;
  const dash = text.lastIndexOf('-');
  if (dash > 0 && ATTACHED.has(text.slice(dash + 1).toLowerCase())) {
    attached = text.slice(dash + 1).toLowerCase();
    text = text.slice(0, dash);
    end = t.start + dash;
  }
  if (POSSESSIVE.test(text) && (text.endsWith("'s") || text.endsWith('’s') || /s['’]$/.test(text))) {
    const cut = text.endsWith('s') ? 2 : 1;
    text = text.slice(0, text.length - cut);
    end -= cut;
    possessive = true;
  }
  // "al-Muhandis", "bin-Salman": Arabic particles written in lower case before a capital.
  if (
    !isCapitalized(text) &&
    !isAllCaps(text) &&
    !/^(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|abd|abdul)-\p{Lu}/u.test(text)
  )
    return undefined;
  if (/^\d/.test(text)) return undefined;
  return { text, possessive, attached, end };
}

/** Chunks of one sentence's tokens, in order. */
/** Lines of business that "and" joins inside one company's name ("Exploration and Production"). */
const BUSINESS_LINES =
  /^(?:[A-Z][a-z]+ing|Oil|Gas|Trade|Commerce|Investments?|Development|Distribution|Production|Exploration|Industry|Industries|Finance|Services|Logistics|Transport|Transportation|Marine|Engineering|Construction|Petrochemicals?|Chemicals?|Energy|Power|Mining|Minerals|Metals|Technology|Research)$/;

export function properNounChunks(text: string, tokens: readonly Token[]): Chunk[] {
  const out: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    const w = nameWord(tokens[i]!);
    if (!w) {
      i++;
      continue;
    }
    const first = i;
    let last = i;
    let end = w.end;
    let possessive = w.possessive;
    let attached = w.attached;
    let sawOf = tokens[i]!.text === 'of';
    let j = i + 1;
    while (!possessive && !attached && j < tokens.length) {
      // Skip connectors, then require a capitalised word.
      let k = j;
      const connectors: string[] = [];
      while (k < tokens.length && CONNECTORS.has(tokens[k]!.text) && connectors.length < 3) {
        connectors.push(tokens[k]!.text);
        k++;
      }
      if (connectors.includes('and') || connectors.includes('&')) {
        // "Ministry of Defense and Armed Forces Logistics" joins; "Ali and Husayn" does not; nor
        // does a list, but for two lines of business ("Oil Refining and Distribution Company").
        const business =
          connectors.length === 1 &&
          BUSINESS_LINES.test(tokens[last]!.text) &&
          BUSINESS_LINES.test(tokens[k]?.text ?? '');
        if ((!sawOf || connectors.length > 1) && !business) break;
      }
      if (connectors.length > 0 && connectors.every((c) => c === 'the')) break;
      const next = k < tokens.length ? nameWord(tokens[k]!) : undefined;
      if (!next) break;
      // "Office of Foreign Assets Control": connector must sit between two name words, no gap.
      if (k > j && tokens[k - 1]!.end !== tokens[k]!.start - 1) break;
      if (connectors.includes('of')) sawOf = true;
      last = k;
      end = next.end;
      possessive = next.possessive;
      attached = next.attached;
      j = k + 1;
    }
    // "Trade Co., Ltd.": a legal form after a comma still belongs to the name.
    if (
      !possessive &&
      !attached &&
      /^(?:Co\.?|Company|Corp\.?|Corporation|Group|Holdings?|Trading|International|Industries|Enterprises?)$/.test(
        tokens[last]!.text,
      ) &&
      tokens[last + 1]?.text === ',' &&
      /^(?:Ltd|Limited|Inc|LLC|PLC|GmbH|JSC|FZE|FZCO|DMCC|S\.A|SA|C\.A|CA|S\.A\.S|SAS|S\.R\.L|SRL|Ltda|LDA)\.?$/.test(
        tokens[last + 2]?.text ?? '',
      )
    ) {
      last += 2;
      end = tokens[last]!.end;
      const dot = tokens[last + 1];
      if (dot?.text === '.' && dot.start === end) end = dot.end;
    }
    out.push({
      first,
      last,
      start: tokens[first]!.start,
      end,
      text: text.slice(tokens[first]!.start, end),
      possessive,
      attached,
    });
    i = last + 1;
  }
  return out;
}
