/**
 * Romanisations of Chinese and Korean names. One name has several Latin spellings:
 *
 * - Chinese: Hanyu Pinyin (Deng Xiaoping, Xi Jinping) and Wade-Giles (Teng Hsiao-p'ing, Hsi
 *   Chin-p'ing), whose apostrophes mark aspiration and are usually dropped, so that p, t, k, ch
 *   stand for pinyin b/p, d/t, g/k, zh/j/ch/q;
 * - Korean: McCune-Reischauer (Kim Jong Un, Ri Pyong Chol, Choe) and Revised Romanization (Gim
 *   Jeong-eun, Lee Byeong-cheol, Choi), with eo/eu for MR's o/u.
 *
 * `eastAsianFold` writes a word so that these spellings meet: voiced and voiceless consonants
 * merged (b/p, d/t, g/k, j/ch/zh/q), hs = x, ts/tz = z, eo = o, eu = u, Wade-Giles finals -ung,
 * -ieh, -ih, -ien, -uei as pinyin writes them; and the surnames with irregular spellings (Ri, Lee,
 * Yi, Rhee; Pak, Park; Choe, Choi) one way. The fold is lossy (Deng and Teng are two Chinese
 * surnames), so it is only used between names that both look Chinese or Korean (see
 * `looksEastAsian`), and a match on it scores below a plain spelling match.
 */

/** Irregular spellings of common surnames (after eastAsianFold's letter rules). */
const SURNAMES = new Map<string, string>([
  ['ri', 'li'],
  ['lee', 'li'],
  ['yi', 'li'],
  ['rhee', 'li'],
  ['i', 'li'],
  ['rhie', 'li'],
  ['park', 'bak'],
  ['pak', 'bak'],
  ['bahk', 'bak'],
  ['choi', 'joe'],
  ['choe', 'joe'],
  ['chwe', 'joe'],
  ['lim', 'im'],
  ['rim', 'im'],
  ['ahn', 'an'],
  ['oh', 'o'],
  ['yoon', 'yun'],
  ['shin', 'sin'],
  ['kwon', 'gwon'],
]);

/** Common Chinese and Korean surnames, in the usual spellings of both romanisations of each. */
const COMMON_SURNAMES = new Set(
  (
    'wang li zhang chang liu chen chan yang huang wong zhao chao wu zhou chou xu hsu sun ma zhu chu hu ' +
    'guo kuo he ho gao kao lin luo lo zheng cheng liang xie hsieh song sung tang han feng deng teng cao ' +
    'tsao peng zeng tseng xiao hsiao tian tien dong tung yuan pan yu jiang chiang cai tsai jia chia ding ' +
    'ting wei xue hsueh ye yeh yan yen du tu dai tai xia hsia zhong chung fu shen mao qin chin xi hsi ' +
    'hou kong kung bai pai cui tsui kang mo tan qiao chiao lu lv lai lei meng long lung jin kim gim lee ' +
    'yi ri rhee park pak bak choi choe jung jeong chong cho jo yoon yun jang lim im oh o seo so shin sin ' +
    'kwon gwon hwang ahn an ryu hong jeon chon ko go mun moon son bae pae baek paek heo nam sim noh no ' +
    'ha kwak gwak seong cha joo ju woo ku gu min na pyon byun byeon tak hyon hyun yo ryom rym kye sok'
  ).split(' '),
);

/** One romanised syllable: an initial, a nucleus, a final consonant (Korean) or -ng/-n. */
const SYLLABLE =
  '(?:ch|zh|sh|hs|ts|tz|ph|th|kh|[bpmfdtnlgkhjqxrzcsyw])?(?:w|y)?' +
  '(?:iang|iong|uang|ieh|ien|iao|uai|uan|uei|yeo|wae|eo|eu|ae|oe|ai|ao|ei|ou|ia|ie|iu|ua|ui|uo|ue|ih|eh|[aeiouv])' +
  '(?:ng|n|m|k|l|p|r|h)?';
const SYLLABLES = new RegExp(`^(?:${SYLLABLE}){1,3}$`);

/** Whether a Latin word reads as one to three Chinese or Korean syllables ("xiaoping", "jeong"). */
export function isEastAsianWord(word: string): boolean {
  return word.length <= 12 && SYLLABLES.test(word);
}

/** Letter rules, in order (see the module comment). */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/eo/g, 'o'],
  [/eu/g, 'u'],
  [/oung/g, 'ong'],
  [/ung/g, 'ong'],
  [/ieh/g, 'ie'],
  [/ien/g, 'ian'],
  [/uei/g, 'ui'],
  [/([sc])hih/g, '$1hi'],
  [/hs/g, 'x'],
  [/t[sz]/g, 'z'],
  [/ch|zh|q/g, 'j'],
  [/p/g, 'b'],
  [/t/g, 'd'],
  [/k/g, 'g'],
];

const folds = new Map<string, string>();

/**
 * The romanisation-blind form of a Chinese or Korean name word (or run of syllables); remembered,
 * since only names that both read as Chinese or Korean are compared this way, again and again.
 */
export function eastAsianFold(word: string): string {
  let out = folds.get(word);
  if (out !== undefined) return out;
  out = word;
  for (const [re, to] of RULES) out = out.replace(re, to);
  out = SURNAMES.get(word) ?? SURNAMES.get(out) ?? out;
  if (folds.size >= 100_000) folds.clear();
  folds.set(word, out);
  return out;
}

/** Whether a word is one of the common Chinese or Korean surnames. */
export function isEastAsianSurname(word: string): boolean {
  return COMMON_SURNAMES.has(word);
}
