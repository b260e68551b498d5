/**
 * Cleaning of property values by their FtM type: dates become ISO prefixes (YYYY, YYYY-MM,
 * YYYY-MM-DD), countries ISO 3166 alpha-2 codes (lowercase, as in FtM), genders male/female/other.
 * A value that cannot be cleaned returns undefined; the caller decides whether that is an error.
 */
import anyAscii from 'any-ascii';
import { model } from './model.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function validYear(y: number): boolean {
  return y >= 1000 && y <= 2999;
}

/** Parse a date written in any of the common list formats into an ISO prefix. */
export function cleanDate(raw: string): string | undefined {
  const s = raw.trim().replace(/\s+/g, ' ');
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/))) {
    const y = +m[1];
    if (!validYear(y)) return undefined;
    if (!m[2]) return String(y);
    const mo = +m[2];
    if (mo < 1 || mo > 12) return undefined;
    if (!m[3]) return `${y}-${pad(mo)}`;
    return validDay(y, mo, +m[3]) ? `${y}-${pad(mo)}-${pad(+m[3])}` : undefined;
  }
  if ((m = s.match(/^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/))) {
    const mo = MONTHS[m[2].toLowerCase()];
    const y = +m[3];
    if (!mo || !validYear(y) || !validDay(y, mo, +m[1])) return undefined;
    return `${y}-${pad(mo)}-${pad(+m[1])}`;
  }
  if ((m = s.match(/^([A-Za-z]{3,9})\.? (\d{4})$/))) {
    const mo = MONTHS[m[1].toLowerCase()];
    const y = +m[2];
    return mo && validYear(y) ? `${y}-${pad(mo)}` : undefined;
  }
  if ((m = s.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/))) {
    // Day first, as every list we read writes it.
    const y = +m[3];
    if (!validYear(y) || !validDay(y, +m[2], +m[1])) return undefined;
    return `${y}-${pad(+m[2])}-${pad(+m[1])}`;
  }
  return undefined;
}

/** Names and spellings of countries seen in official lists, beyond FtM's own English labels. */
const COUNTRY_ALIASES: Record<string, string> = {
  'korea north': 'kp',
  'north korea': 'kp',
  "democratic people's republic of korea": 'kp',
  dprk: 'kp',
  'korea south': 'kr',
  'south korea': 'kr',
  'republic of korea': 'kr',
  korea: 'kr',
  burma: 'mm',
  russia: 'ru',
  'russian federation': 'ru',
  iran: 'ir',
  'iran islamic republic of': 'ir',
  'islamic republic of iran': 'ir',
  syria: 'sy',
  'syrian arab republic': 'sy',
  'venezuela bolivarian republic of': 've',
  'bolivia plurinational state of': 'bo',
  bolivia: 'bo',
  'united states': 'us',
  'united states of america': 'us',
  usa: 'us',
  'u s a': 'us',
  us: 'us',
  'united kingdom': 'gb',
  uk: 'gb',
  'great britain': 'gb',
  'united kingdom of great britain and northern ireland': 'gb',
  england: 'gb',
  'congo democratic republic of the': 'cd',
  'democratic republic of the congo': 'cd',
  'congo republic of the': 'cg',
  'republic of the congo': 'cg',
  congo: 'cg',
  'west bank': 'ps',
  gaza: 'ps',
  'palestinian territories': 'ps',
  palestine: 'ps',
  'state of palestine': 'ps',
  kosovo: 'xk',
  'viet nam': 'vn',
  vietnam: 'vn',
  laos: 'la',
  "lao people's democratic republic": 'la',
  moldova: 'md',
  'republic of moldova': 'md',
  'united republic of tanzania': 'tz',
  tanzania: 'tz',
  turkey: 'tr',
  turkiye: 'tr',
  'cote d ivoire': 'ci',
  "cote d'ivoire": 'ci',
  'ivory coast': 'ci',
  macedonia: 'mk',
  'north macedonia': 'mk',
  'the former yugoslav republic of macedonia': 'mk',
  czechia: 'cz',
  'czech republic': 'cz',
  brunei: 'bn',
  'cabo verde': 'cv',
  'cape verde': 'cv',
  eswatini: 'sz',
  swaziland: 'sz',
  micronesia: 'fm',
  'micronesia federated states of': 'fm',
  uae: 'ae',
  'u a e': 'ae',
  'hong kong': 'hk',
  'china hong kong': 'hk',
  macau: 'mo',
  macao: 'mo',
  taiwan: 'tw',
  'bahamas the': 'bs',
  bahamas: 'bs',
  'gambia the': 'gm',
  gambia: 'gm',
  'bosnia-herzegovina': 'ba',
  'bosnia and herzegovina': 'ba',
  'st kitts and nevis': 'kn',
  'saint kitts and nevis': 'kn',
  'st vincent and the grenadines': 'vc',
  'st lucia': 'lc',
  'netherlands antilles': 'an',
  curacao: 'cw',
  'sint maarten': 'sx',
  'british virgin islands': 'vg',
  'virgin islands british': 'vg',
  'timor-leste': 'tl',
  'east timor': 'tl',
  'holy see': 'va',
  'soviet union': 'suhh',
  ussr: 'suhh',
  yugoslavia: 'yucs',
  'serbia and montenegro': 'csxx',
  'sudan south': 'ss',
  'south sudan': 'ss',
  'region crimea': 'ua-cri',
  crimea: 'ua-cri',
  // UN consolidated list spellings
  'former soviet union': 'suhh',
  'china hong kong special administrative region': 'hk',
  'hong kong special administrative region': 'hk',
  'china macao special administrative region': 'mo',
  // OFAC SDN spellings
  'north macedonia the republic of': 'mk',
  'macedonia the former yugoslav republic of': 'mk',
  'man isle of': 'im',
  'isle of man': 'im',
  'st kitts & nevis': 'kn',
  'gaza strip': 'ps',
  'palestinian authority': 'ps',
};

/** Nationality adjectives as lists write them ("nationality Iranian"). */
const DEMONYMS: Record<string, string> = {
  afghan: 'af',
  algerian: 'dz',
  american: 'us',
  british: 'gb',
  chinese: 'cn',
  cuban: 'cu',
  egyptian: 'eg',
  emirati: 'ae',
  french: 'fr',
  german: 'de',
  indian: 'in',
  indonesian: 'id',
  iranian: 'ir',
  iraqi: 'iq',
  jordanian: 'jo',
  kuwaiti: 'kw',
  lebanese: 'lb',
  libyan: 'ly',
  malaysian: 'my',
  mexican: 'mx',
  nigerian: 'ng',
  'north korean': 'kp',
  pakistani: 'pk',
  palestinian: 'ps',
  russian: 'ru',
  saudi: 'sa',
  'saudi arabian': 'sa',
  somali: 'so',
  sudanese: 'sd',
  syrian: 'sy',
  tunisian: 'tn',
  turkish: 'tr',
  ukrainian: 'ua',
  venezuelan: 've',
  yemeni: 'ye',
  colombian: 'co',
  belarusian: 'by',
  qatari: 'qa',
};

function countryKey(s: string): string {
  return anyAscii(s)
    .toLowerCase()
    .replace(/[,.()]/g, ' ')
    .replace(/^the /, '')
    .replace(/\s+/g, ' ')
    .trim();
}

let countryIndex: Map<string, string> | undefined;
function countries(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>();
  for (const [code, label] of Object.entries(model.typeValues('country'))) {
    index.set(code, code);
    index.set(countryKey(label), code);
  }
  for (const [k, code] of Object.entries(COUNTRY_ALIASES)) index.set(countryKey(k), code);
  for (const [k, code] of Object.entries(DEMONYMS)) index.set(k, code);
  countryIndex = index;
  return index;
}

const countryCache = new Map<string, string | null>();

/** ISO code for a country name, code, or nationality adjective; undefined if unknown. */
export function cleanCountry(raw: string): string | undefined {
  const cached = countryCache.get(raw);
  if (cached !== undefined) return cached ?? undefined;
  const key = countryKey(raw);
  const code = key ? countries().get(key) : undefined;
  // Lists repeat the same few hundred spellings; bound the cache against hostile input.
  if (countryCache.size < 10_000) countryCache.set(raw, code ?? null);
  return code;
}

export function cleanGender(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  if (s === 'm' || s === 'male' || s === 'man') return 'male';
  if (s === 'f' || s === 'female' || s === 'woman') return 'female';
  if (s === 'other' || s === 'x') return 'other';
  return undefined;
}

/** Clean a raw value for a property type. Strings are trimmed and whitespace collapsed. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const NEEDS_CLEANING = /[\u0000-\u001F\u007F]|[^\S ]|\s\s|^\s|\s$/;

export function cleanValue(type: string, raw: string): string | undefined {
  // Most values are already clean: test once before paying for two replacements.
  const s = NEEDS_CLEANING.test(raw) ? raw.replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim() : raw;
  if (!s) return undefined;
  switch (type) {
    case 'date':
      return cleanDate(s);
    case 'country':
      return cleanCountry(s);
    case 'gender':
      return cleanGender(s);
    case 'topic':
      return s in model.typeValues('topic') ? s : undefined;
    case 'email':
      return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s) ? s.toLowerCase() : undefined;
    case 'url':
      return /^[a-z][a-z0-9+.-]*:\/\//i.test(s)
        ? s
        : /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(s)
          ? `http://${s}`
          : undefined;
    case 'text':
      // Keep line breaks and tabs in long text; drop other control characters like everywhere.
      return raw.replace(CONTROL_CHARS, '').trim() || undefined;
    default:
      return s;
  }
}
