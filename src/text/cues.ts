/**
 * The cue lexicon of relation extraction: verbs (with their inflections) and role nouns, each
 * with the relation it states, its finer subtype, its default domain and how its arguments sit
 * around it. Source acts on, holds or belongs to target.
 */
import type { Domain, RelationType } from './extraction.js';

export interface VerbCue {
  /** Matches one token (lower case). */
  re: RegExp;
  type: RelationType;
  subtype: string | null;
  domain: Domain;
  /** Preposition that introduces the target ("to" for supply); the direct object otherwise. */
  targetPrep?: string;
  /** Preposition that introduces the party the subject gets it from ("from": buy from). */
  fromPrep?: boolean;
  /** Needs sanction words in the paragraph ("added", "targeted", "listed"). */
  needsSanctionContext?: boolean;
  /** Relation only holds between coordinated subjects ("Moscow and Tehran agreed"). */
  mutual?: boolean;
  /** A cue only when the next few words match ("moved funds to", "arranged shipments to"). */
  objectWords?: RegExp;
  /** Takes its target only through targetPrep, never a direct object ("flew to Caracas"). */
  prepOnly?: boolean;
}

/** The first words after a cue name money ("moved funds to", "lent $2 million to"). */
const MONEY_NEXT = /^\s+(?:\S+\s+){0,3}(?:money|funds|cash|millions?|billions?|loans?|credit|payments?|\$)/i;

export const VERB_CUES: VerbCue[] = [
  {
    re: /^(?:sanction(?:s|ed|ing)?|designat(?:e|es|ed|ing)|blacklist(?:s|ed|ing)?)$/,
    type: 'sanctions',
    subtype: null,
    domain: 'economic',
  },
  {
    re: /^(?:add(?:s|ed|ing)?|target(?:s|ed|ing)?|list(?:s|ed|ing)?|penali[sz](?:e|es|ed))$/,
    type: 'sanctions',
    subtype: null,
    domain: 'economic',
    needsSanctionContext: true,
  },
  {
    re: /^(?:impos(?:e|es|ed|ing))$/,
    type: 'sanctions',
    subtype: null,
    domain: 'economic',
    targetPrep: 'on',
  },
  {
    re: /^(?:froze|freez(?:e|es|ing)|frozen)$/,
    type: 'sanctions',
    subtype: 'asset freeze',
    domain: 'economic',
  },
  {
    re: /^(?:attack(?:s|ed|ing)?|str(?:ike|ikes|uck|iking)|bomb(?:s|ed|ing)?|shell(?:s|ed|ing)?|invad(?:e|es|ed|ing)|shot|shoot|shoots)$/,
    type: 'strikes',
    subtype: null,
    domain: 'military',
  },
  {
    re: /^(?:launch(?:es|ed|ing)?|fir(?:e|es|ed|ing))$/,
    type: 'strikes',
    subtype: null,
    domain: 'military',
    targetPrep: 'against|at|on',
  },
  {
    re: /^(?:kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|assassinat(?:e|es|ed|ing))$/,
    type: 'strikes',
    subtype: 'killing',
    domain: 'military',
  },
  {
    re: /^(?:seiz(?:e|es|ed|ing)|raid(?:s|ed|ing)?|captur(?:e|es|ed|ing))$/,
    type: 'strikes',
    subtype: 'seizure',
    domain: 'criminal',
  },
  {
    re: /^(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|extradit(?:e|es|ed|ing))$/,
    type: 'strikes',
    subtype: 'arrest',
    domain: 'criminal',
  },
  {
    re: /^(?:suppl(?:y|ies|ied|ying)|ship(?:s|ped|ping)?|sen(?:d|ds|t|ding)|deliver(?:s|ed|ing)?|provid(?:e|es|ed|ing)|export(?:s|ed|ing)?|sell(?:s|ing)?|sold)$/,
    type: 'supplies',
    subtype: null,
    domain: 'economic',
    targetPrep: 'to',
  },
  {
    re: /^(?:traffic(?:s|ked|king)?)$/,
    type: 'supplies',
    subtype: 'traffics',
    domain: 'criminal',
    targetPrep: 'to',
  },
  {
    re: /^(?:transport(?:s|ed|ing)?|smuggl(?:e|es|ed|ing)|ferr(?:y|ies|ied|ying)|carr(?:y|ies|ied|ying))$/,
    type: 'transports',
    subtype: null,
    domain: 'economic',
    targetPrep: 'to',
  },
  {
    re: /^(?:b(?:uy|uys|ought|uying)|purchas(?:e|es|ed|ing)|import(?:s|ed|ing)?|acquir(?:e|es|ed|ing))$/,
    type: 'trades_with',
    subtype: 'buys',
    domain: 'economic',
    fromPrep: true,
  },
  {
    re: /^(?:trad(?:e|es|ed|ing))$/,
    type: 'trades_with',
    subtype: null,
    domain: 'economic',
    targetPrep: 'with',
    prepOnly: true,
  },
  { re: /^(?:pa(?:y|ys|id|ying))$/, type: 'pays', subtype: null, domain: 'economic', targetPrep: 'to' },
  {
    re: /^(?:wir(?:e|es|ed|ing))$/,
    type: 'pays',
    subtype: 'transfer',
    domain: 'economic',
    targetPrep: 'to',
  },
  {
    // "transferred $5 million to X" pays; "transferred the cargo to another tanker" does not.
    re: /^(?:transferr?(?:s|ed|ing)?)$/,
    type: 'pays',
    subtype: 'transfer',
    domain: 'economic',
    targetPrep: 'to',
    objectWords: MONEY_NEXT,
  },
  {
    re: /^(?:financ(?:e|es|ed|ing)|fund(?:s|ed|ing)?|bankroll(?:s|ed|ing)?|raised|rais(?:e|es|ing))$/,
    type: 'finances',
    subtype: null,
    domain: 'economic',
    targetPrep: 'for',
  },
  {
    re: /^(?:launder(?:s|ed|ing)?)$/,
    type: 'finances',
    subtype: 'launders_for',
    domain: 'criminal',
    targetPrep: 'for',
  },
  { re: /^(?:own(?:s|ed)?)$/, type: 'ownership', subtype: null, domain: 'economic' },
  {
    re: /^(?:control(?:s|led|ling)?|r(?:un|uns|an|unning)|manag(?:e|es|ed|ing)|oversee(?:s|ing)?|oversaw)$/,
    type: 'controls',
    subtype: null,
    domain: 'economic',
  },
  { re: /^(?:l(?:ead|eads|ed|eading))$/, type: 'controls', subtype: 'leads', domain: 'political' },
  {
    re: /^(?:head(?:s|ed|ing)?|chair(?:s|ed|ing)?|direct(?:s|ed|ing)?)$/,
    type: 'directorship',
    subtype: null,
    domain: 'economic',
  },
  { re: /^(?:command(?:s|ed|ing)?)$/, type: 'directorship', subtype: 'commands', domain: 'military' },
  { re: /^(?:operat(?:e|es|ed|ing))$/, type: 'operates', subtype: null, domain: 'economic' },
  {
    re: /^(?:belong(?:s|ed|ing)?)$/,
    type: 'membership',
    subtype: null,
    domain: 'political',
    targetPrep: 'to',
  },
  { re: /^(?:join(?:s|ed|ing)?)$/, type: 'membership', subtype: null, domain: 'political' },
  {
    re: /^(?:work(?:s|ed|ing)?)$/,
    type: 'employment',
    subtype: 'works_for',
    domain: 'economic',
    targetPrep: 'for',
  },
  {
    re: /^(?:employ(?:s|ed|ing)?|hir(?:e|es|ed|ing))$/,
    type: 'employment',
    subtype: null,
    domain: 'economic',
  },
  {
    re: /^(?:partner(?:s|ed|ing)?|cooperat(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing))$/,
    type: 'associate',
    subtype: 'partner',
    domain: 'economic',
    targetPrep: 'with',
  },
  {
    re: /^(?:help(?:s|ed|ing)?|assist(?:s|ed|ing)?|aid(?:s|ed|ing)?)$/,
    type: 'associate',
    subtype: 'helps',
    domain: 'economic',
  },
  {
    // "X and Y signed a cooperation agreement", "X signed a pact with Y".
    re: /^(?:sign(?:s|ed|ing)?)$/,
    type: 'allied_with',
    subtype: 'agreement',
    domain: 'diplomatic',
    targetPrep: 'with',
    prepOnly: true,
    mutual: true,
    objectWords:
      /^\s+(?:\S+\s+){0,4}(?:agreements?|accords?|pacts?|treat(?:y|ies)|deals?|memorand(?:um|a)|contracts?|partnerships?)\b/i,
  },
  {
    re: /^(?:agree(?:s|d)?|allied|ally)$/,
    type: 'allied_with',
    subtype: null,
    domain: 'diplomatic',
    mutual: true,
  },
  {
    re: /^(?:recogni[sz](?:e|es|ed|ing)|back(?:s|ed|ing)?|support(?:s|ed|ing)?|endors(?:e|es|ed|ing)|urg(?:e|es|ed|ing))$/,
    type: 'allied_with',
    subtype: 'supports',
    domain: 'political',
  },
  {
    re: /^(?:len(?:d|ds|t|ding)|loan(?:s|ed|ing)?)$/,
    type: 'finances',
    subtype: 'lends',
    domain: 'economic',
    targetPrep: 'to',
  },
  {
    re: /^(?:mov(?:e|es|ed|ing)|channel(?:s|l?ed|l?ing)?|funnel(?:s|l?ed|l?ing)?)$/,
    type: 'pays',
    subtype: 'moves money',
    domain: 'economic',
    targetPrep: 'to',
    objectWords: MONEY_NEXT,
    prepOnly: true,
  },
  {
    re: /^(?:arrang(?:e|es|ed|ing)|organi[sz](?:e|es|ed|ing))$/,
    type: 'supplies',
    subtype: 'arranges',
    domain: 'economic',
    targetPrep: 'to',
    objectWords: /^\s+(?:\S+\s+){0,2}(?:shipments?|deliver(?:y|ies)|consignments?|sales?|transfers?)\b/i,
    prepOnly: true,
  },
  {
    re: /^(?:extend(?:s|ed|ing)?)$/,
    type: 'sanctions',
    subtype: null,
    domain: 'economic',
    targetPrep: 'to',
    objectWords: /^\s+(?:\S+\s+){0,1}(?:sanctions|designations?|asset freezes?|blacklisting)\b/i,
    prepOnly: true,
  },
  {
    re: /^(?:fl(?:y|ies|ew|own|ying))$/,
    type: 'transports',
    subtype: 'flies',
    domain: 'economic',
    targetPrep: 'to',
    prepOnly: true,
  },
  {
    re: /^(?:linked|tied|connected)$/,
    type: 'associate',
    subtype: 'linked',
    domain: 'economic',
    targetPrep: 'to',
    prepOnly: true,
  },
  // Deploying forces or advisers to a place reads as supplying them (the annotated vocabulary has
  // no "deploys"); a threat is no relation in it at all.
  {
    re: /^(?:deploy(?:s|ed|ing)?|dispatch(?:es|ed|ing)?)$/,
    type: 'supplies',
    subtype: 'deploys',
    domain: 'military',
    targetPrep: 'to',
  },
];

/** Cue words that are as often nouns ("restricted trade with"): verbs only after a subject or an auxiliary. */
export const NOUN_OR_VERB =
  /^(?:trade|trading|head|list|fund|funds|control|support|back|aid|target|ship|supply|export|exports|import|imports|run|lead|command|partner|attack|strike|raid|transport|deal|order|freeze|ban|help|work|pay)$/;

const verbCache = new Map<string, VerbCue | null>();

/** The verb cue a word is (any case), or undefined; cached, since every token of every document asks. */
export function verbCue(word: string): VerbCue | undefined {
  let hit = verbCache.get(word);
  if (hit === undefined) {
    const w = word.toLowerCase();
    hit =
      w.length < 3 || w.length > 14 || !/^[a-z]+$/.test(w)
        ? null
        : (VERB_CUES.find((c) => c.re.test(w)) ?? null);
    if (verbCache.size > 100_000) verbCache.clear();
    verbCache.set(word, hit);
  }
  return hit ?? undefined;
}

export interface NounCue {
  type: RelationType;
  subtype: string | null;
  domain: Domain;
  /** The holder of the noun is the target ("subsidiary of Y": Y owns the holder). */
  reverse?: boolean;
}

/** Role nouns: "Z, the wife of Y", "Z is a subsidiary of Y", "Y's president, Z", "a Y commander". */
export const NOUN_CUES: Record<string, NounCue> = {
  nephew: { type: 'family', subtype: 'nephew', domain: 'social' },
  niece: { type: 'family', subtype: 'niece', domain: 'social' },
  wife: { type: 'family', subtype: 'spouse', domain: 'social' },
  husband: { type: 'family', subtype: 'spouse', domain: 'social' },
  brother: { type: 'family', subtype: 'sibling', domain: 'social' },
  sister: { type: 'family', subtype: 'sibling', domain: 'social' },
  son: { type: 'family', subtype: 'child', domain: 'social' },
  daughter: { type: 'family', subtype: 'child', domain: 'social' },
  father: { type: 'family', subtype: 'parent', domain: 'social' },
  mother: { type: 'family', subtype: 'parent', domain: 'social' },
  cousin: { type: 'family', subtype: 'cousin', domain: 'social' },
  uncle: { type: 'family', subtype: 'uncle', domain: 'social' },
  relative: { type: 'family', subtype: null, domain: 'social' },
  'brother-in-law': { type: 'family', subtype: 'in-law', domain: 'social' },
  'son-in-law': { type: 'family', subtype: 'in-law', domain: 'social' },
  subsidiary: { type: 'ownership', subtype: 'subsidiary', domain: 'economic', reverse: true },
  affiliate: { type: 'associate', subtype: 'affiliate', domain: 'economic' },
  owner: { type: 'ownership', subtype: null, domain: 'economic' },
  shareholder: { type: 'ownership', subtype: 'shareholder', domain: 'economic' },
  founder: { type: 'controls', subtype: 'founder', domain: 'economic' },
  company: { type: 'ownership', subtype: null, domain: 'economic', reverse: true },
  companies: { type: 'ownership', subtype: null, domain: 'economic', reverse: true },
  firm: { type: 'ownership', subtype: null, domain: 'economic', reverse: true },
  firms: { type: 'ownership', subtype: null, domain: 'economic', reverse: true },
  front: { type: 'controls', subtype: 'front', domain: 'criminal', reverse: true },
  // "X, his frontman": X acts for him (no company is named to be controlled).
  frontman: { type: 'associate', subtype: 'frontman', domain: 'criminal' },
  frontmen: { type: 'associate', subtype: 'frontman', domain: 'criminal' },
  head: { type: 'directorship', subtype: 'head', domain: 'political' },
  chief: { type: 'directorship', subtype: 'head', domain: 'political' },
  director: { type: 'directorship', subtype: null, domain: 'economic' },
  directors: { type: 'directorship', subtype: null, domain: 'economic' },
  'director general': { type: 'directorship', subtype: null, domain: 'economic' },
  president: { type: 'directorship', subtype: 'president', domain: 'economic' },
  chairman: { type: 'directorship', subtype: 'chairman', domain: 'economic' },
  ceo: { type: 'directorship', subtype: 'chief executive', domain: 'economic' },
  manager: { type: 'directorship', subtype: 'manager', domain: 'economic' },
  commander: { type: 'directorship', subtype: 'commander', domain: 'military' },
  leader: { type: 'controls', subtype: 'leads', domain: 'political' },
  leaders: { type: 'controls', subtype: 'leads', domain: 'political' },
  boss: { type: 'controls', subtype: 'leads', domain: 'criminal' },
  kingpin: { type: 'controls', subtype: 'leads', domain: 'criminal' },
  captain: { type: 'operates', subtype: 'captain', domain: 'economic' },
  master: { type: 'operates', subtype: 'master', domain: 'economic' },
  member: { type: 'membership', subtype: null, domain: 'political' },
  members: { type: 'membership', subtype: null, domain: 'political' },
  branch: { type: 'membership', subtype: 'unit of', domain: 'military' },
  unit: { type: 'membership', subtype: 'unit of', domain: 'military' },
  wing: { type: 'membership', subtype: 'unit of', domain: 'military' },
  operative: { type: 'membership', subtype: null, domain: 'military' },
  official: { type: 'employment', subtype: null, domain: 'political' },
  employee: { type: 'employment', subtype: null, domain: 'economic' },
  agent: { type: 'employment', subtype: 'agent', domain: 'political' },
  financier: { type: 'finances', subtype: 'financier', domain: 'economic' },
  fundraiser: { type: 'finances', subtype: 'fundraiser', domain: 'economic' },
  figure: { type: 'membership', subtype: null, domain: 'political' },
  arm: { type: 'membership', subtype: 'unit of', domain: 'military' },
  donor: { type: 'finances', subtype: null, domain: 'economic' },
  supplier: { type: 'supplies', subtype: null, domain: 'economic' },
  partner: { type: 'associate', subtype: 'partner', domain: 'economic' },
  ally: { type: 'allied_with', subtype: null, domain: 'political' },
  proxy: { type: 'allied_with', subtype: 'proxy_of', domain: 'military' },
  associate: { type: 'associate', subtype: null, domain: 'economic' },
};

/** The plural of a role noun reads as the singular ("nephews of", "directors"). */
const NOUN_CUE_MAP = new Map(Object.entries(NOUN_CUES));

export function nounCue(word: string): NounCue | undefined {
  if (word.length < 3 || word.length > 16) return undefined;
  const w = word.toLowerCase();
  // "arms" are weapons, not branches.
  if (w === 'arms') return undefined;
  return NOUN_CUE_MAP.get(w) ?? (w.endsWith('s') ? NOUN_CUE_MAP.get(w.slice(0, -1)) : undefined);
}

/** Words that put a paragraph in a sanctions context ("added", "targeted" mean designated there). */
export const SANCTION_CONTEXT =
  /\b(?:sanction|designat|blacklist|OFAC|Office of Foreign Assets Control|asset freeze|SDN|terrorist list|Entity List|export controls?)/i;

/** What flows, for supply, transport, trade and payment claims. */
export const ITEMS: Array<[RegExp, string, Domain]> = [
  [/\b(?:drones?|UAVs?|Shaheds?|missiles?|rockets?|kits?)\b/i, 'drones', 'military'],
  [/\b(?:weapons|arms|munitions|ammunition|rifles|explosives)\b/i, 'weapons', 'military'],
  [/\b(?:electronics|components|microchips|chips|semiconductors)\b/i, 'electronics', 'military'],
  [
    /\b(?:cocaine|heroin|fentanyl|drugs?|narcotics|methamphetamine|marijuana|captagon)\b/i,
    'drugs',
    'criminal',
  ],
  [/\b(?:naphtha)\b/i, 'naphtha', 'energy'],
  [/\b(?:refined fuel|gasoline|diesel|fuel)\b/i, 'refined fuel', 'energy'],
  [/\b(?:crude|oil|petroleum|LNG|gas)\b/i, 'oil', 'energy'],
  [/\b(?:gold|bars|bullion)\b/i, 'gold', 'economic'],
  [/\b(?:diamonds?)\b/i, 'diamonds', 'economic'],
  [/\b(?:technicians|engineers|personnel|advisers|advisors|experts)\b/i, 'technical personnel', 'military'],
  [/\b(?:money|cash|funds|dollars|payments?|\$)/i, 'money', 'economic'],
];
