/**
 * Date expressions with their positions and the granularity the text gives: "On November 10,
 * 2015" → 2015-11-10, "in September 2022" → 2022-09, "late in 2022" / "by early 2024" → the year,
 * "In April" and "that December" → the month in the year the text is talking about, "A month
 * earlier", "the same day", "the following year" → relative to the last date before.
 */

export interface DateMention {
  start: number;
  end: number;
  value: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RE =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';
const monthIndex = (m: string) =>
  MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().replace('.', '').slice(0, 3))) + 1;
const pad = (n: number) => String(n).padStart(2, '0');

const PATTERNS: Array<{ re: RegExp; value: (m: RegExpExecArray, ctx: Context) => string | undefined }> = [
  // November 10, 2015 / 10 November 2015
  {
    re: new RegExp(`\\b(${MONTH_RE}) (\\d{1,2}),? (\\d{4})\\b`, 'g'),
    value: (m) => `${m[3]}-${pad(monthIndex(m[1]!))}-${pad(+m[2]!)}`,
  },
  {
    re: new RegExp(`\\b(\\d{1,2}) (${MONTH_RE}),? (\\d{4})\\b`, 'g'),
    value: (m) => `${m[3]}-${pad(monthIndex(m[2]!))}-${pad(+m[1]!)}`,
  },
  // "late January 2019", "September 2022"
  {
    re: new RegExp(`\\b(?:(?:early|mid|late)[- ](?:in )?)?(${MONTH_RE}),? (\\d{4})\\b`, 'g'),
    value: (m) => `${m[2]}-${pad(monthIndex(m[1]!))}`,
  },
  // "early 2024", "late in 2022", "in 2016", "by 2020" (a year alone; not "the 1990s")
  { re: /\b(?:(?:early|mid|late)[- ](?:in )?)?((?:19|20)\d{2})\b(?!s|-\d)/g, value: (m) => m[1]! },
  // "In April", "that December": the month of the year in context.
  {
    re: new RegExp(
      `\\b(?:[Ii]n|[Tt]hat|[Bb]y|[Ss]ince|[Ll]ast|[Tt]his) (?:(?:early|mid|late) )?(${MONTH_RE})\\b(?!,? \\d)`,
      'g',
    ),
    value: (m, ctx) => (ctx.year ? `${ctx.year}-${pad(monthIndex(m[1]!))}` : undefined),
  },
  // Relative to the last date: "A month earlier", "the same day", "the following year", "a year later".
  {
    re: /\b(?:[Aa]|[Oo]ne) month (earlier|later|before|after)\b/g,
    value: (m, ctx) => shiftMonth(ctx.last, /earlier|before/.test(m[1]!) ? -1 : 1),
  },
  {
    re: /\b(?:[Tt]he same day|[Tt]hat day|[Tt]he next day)\b/g,
    value: (m, ctx) => (ctx.last && /next/.test(m[0]) ? undefined : ctx.last),
  },
  {
    re: /\b(?:[Tt]he following year|[Aa] year later|[Tt]he next year)\b/g,
    value: (_m, ctx) => (ctx.year ? String(+ctx.year + 1) : undefined),
  },
  {
    re: /\b(?:[Tt]he previous year|[Aa] year earlier)\b/g,
    value: (_m, ctx) => (ctx.year ? String(+ctx.year - 1) : undefined),
  },
];

interface Context {
  last?: string;
  year?: string;
}

function shiftMonth(date: string | undefined, by: number): string | undefined {
  if (!date || date.length < 7) return undefined;
  let y = +date.slice(0, 4);
  let m = +date.slice(5, 7) + by;
  if (m < 1) {
    m += 12;
    y--;
  } else if (m > 12) {
    m -= 12;
    y++;
  }
  return `${y}-${pad(m)}`;
}

/** Date mentions of a span of text, resolving relative ones against `context` (updated in place). */
export function findDates(text: string, start: number, end: number, context: Context): DateMention[] {
  const span = text.slice(start, end);
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, value } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(span)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      // Resolve relative expressions against the dates found before them in this span.
      const before = found.filter((d) => d.start < start + s).sort((a, b) => a.start - b.start);
      const ctx: Context =
        before.length > 0
          ? { last: before[before.length - 1]!.value, year: before[before.length - 1]!.value.slice(0, 4) }
          : context;
      const v = value(m, ctx);
      taken.push([s, e]);
      if (v) found.push({ start: start + s, end: start + e, value: v });
    }
  }
  found.sort((a, b) => a.start - b.start);
  if (found.length > 0) {
    const last = found[found.length - 1]!;
    context.last = last.value;
    context.year = last.value.slice(0, 4);
  }
  return found;
}
