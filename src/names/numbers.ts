/**
 * Numbers inside names. Vessels ("SEA PRIDE 2"), yards ("Yard No. 455"), funds ("Fund I"), plants
 * ("Plant No. 5") and many companies are told apart only by a number, so numbers are taken out of
 * the words and compared on their own: they must agree.
 *
 * Written-out cardinals ("Forty-Four", "Three") and Roman numerals ("Fund II") become digits in
 * organisation and vessel names; ordinals become words ("1st" → "first") because "First
 * International Bank" is a name, not a number.
 */

// Maps, not object literals: a name word such as "constructor" must not find Object's members.
const UNITS = new Map<string, number>(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
  }),
);
const TENS = new Map<string, number>(
  Object.entries({
    twenty: 20,
    thirty: 30,
    forty: 40,
    fourty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);
const ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** "1st" → "first", "2nd" → "second"… up to 20; undefined otherwise. */
export function ordinalWord(token: string): string | undefined {
  const m = /^(\d{1,2})(st|nd|rd|th)$/.exec(token);
  if (!m) return undefined;
  return ORDINALS[Number(m[1])] || undefined;
}

/** Value of a written-out unit (one…nineteen), or undefined. */
export function unitValue(token: string): number | undefined {
  return UNITS.get(token);
}

/** Value of a written-out tens word (twenty…ninety), or undefined. */
export function tensValue(token: string): number | undefined {
  return TENS.get(token);
}

const ROMAN = new Map<string, number>(
  Object.entries({
    i: 1,
    ii: 2,
    iii: 3,
    iv: 4,
    v: 5,
    vi: 6,
    vii: 7,
    viii: 8,
    ix: 9,
    x: 10,
    xi: 11,
    xii: 12,
    xiii: 13,
    xiv: 14,
    xv: 15,
    xvi: 16,
    xvii: 17,
    xviii: 18,
    xix: 19,
    xx: 20,
  }),
);

/** Value of a Roman numeral from I to XX, or undefined. */
export function romanValue(token: string): number | undefined {
  return ROMAN.get(token);
}

/** Canonical form of a digit string: leading zeros dropped ("007" → "7"). */
export function canonicalNumber(digits: string): string {
  const s = digits.replace(/^0+(?=\d)/, '');
  return s;
}

/**
 * Whether two names' numbers agree: undefined when neither has any, true when they are the same
 * multiset, false otherwise (including a number on one side only).
 */
export function numbersAgree(a: readonly string[], b: readonly string[]): boolean | undefined {
  if (a.length === 0 && b.length === 0) return undefined;
  if (a.length !== b.length) return false;
  const sa = [...a].sort();
  const sb = [...b].sort();
  return sa.every((v, i) => v === sb[i]);
}
