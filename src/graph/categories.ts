/**
 * Threat categories: where the reporting's "Venn diagram of threats" comes from. A party gets a
 * category from the programmes it is listed under, from its FollowTheMoney topics, and from the
 * domains and types of the claims that touch it. Categories are kept as a bit mask per node.
 */
import { normaliseProgram } from '../sources/ofac-programs.js';

export const CATEGORIES = [
  'terrorism',
  'narcotics',
  'sanctions_evasion',
  'proliferation_arms',
  'corruption',
  'energy',
  'military',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function categoryBit(c: Category): number {
  return 1 << CATEGORIES.indexOf(c);
}

export function categoriesOf(mask: number): Category[] {
  return CATEGORIES.filter((_, i) => (mask & (1 << i)) !== 0);
}

/**
 * Programme codes (OFAC tags, UN regime names) per category. A country programme says where, not
 * what, so it adds nothing; those that target a sector or a conduct do.
 */
const PROGRAMME_CATEGORIES: Record<string, Category[]> = {
  SDGT: ['terrorism'],
  FTO: ['terrorism'],
  SDT: ['terrorism'],
  'NS-PLC': ['terrorism'],
  HIFPAA: ['terrorism'],
  HIFTA: ['terrorism'],
  'AL-QAIDA': ['terrorism'],
  TALIBAN: ['terrorism'],
  'ISIL (DA’ESH) AND AL-QAIDA': ['terrorism'],
  // The IRGC programme designates a military force under counter-terrorism authority.
  IRGC: ['terrorism', 'military'],
  SDNTK: ['narcotics'],
  SDNT: ['narcotics'],
  'ILLICIT-DRUGS-EO14059': ['narcotics'],
  // Iranian financial sanctions and the orders against those who help Iran around them.
  IFSR: ['sanctions_evasion'],
  'IRAN-EO13846': ['sanctions_evasion', 'energy'],
  'IRAN-EO13902': ['sanctions_evasion'],
  'IRAN-EO13871': ['sanctions_evasion'],
  'SYRIA-CAESAR': ['sanctions_evasion'],
  NPWMD: ['proliferation_arms'],
  IFCA: ['proliferation_arms'],
  ISA: ['proliferation_arms', 'energy'],
  'NS-ISA': ['proliferation_arms', 'energy'],
  'IRAN-CON-ARMS-EO': ['proliferation_arms', 'military'],
  'CAATSA - IRAN': ['proliferation_arms', 'military'],
  'CAATSA - RUSSIA': ['military'],
  DPRK: ['proliferation_arms'],
  DPRK2: ['proliferation_arms'],
  DPRK3: ['proliferation_arms'],
  DPRK4: ['proliferation_arms'],
  'DPRK-NKSPEA': ['proliferation_arms'],
  GLOMAG: ['corruption'],
  MAGNIT: ['corruption'],
  // Venezuela's gold and oil sectors (EO 13850), Russian energy export pipelines (PEESA).
  'VENEZUELA-EO13850': ['energy', 'corruption'],
  'PEESA-EO14039': ['energy'],
};

const TOPIC_CATEGORIES: Record<string, Category[]> = {
  'crime.terror': ['terrorism'],
  'crime.traffick.drug': ['narcotics'],
  'export.control': ['proliferation_arms'],
  'crime.fin': ['sanctions_evasion'],
  'crime.boss': [],
  'corp.shell': ['sanctions_evasion'],
  mil: ['military'],
  'role.pep': [],
};

const DOMAIN_CATEGORIES: Record<string, Category[]> = {
  energy: ['energy'],
  military: ['military'],
};

/** Claim types and subtypes that name a conduct. */
const CLAIM_TYPE_CATEGORIES: Record<string, Category[]> = {
  traffics: ['narcotics'],
  launders_for: ['sanctions_evasion'],
  deploys: ['military'],
  strikes: ['military'],
};

const ITEM_CATEGORIES: Array<[RegExp, Category]> = [
  [/\b(oil|crude|fuel|naphtha|gas|petrol|gasoline|diesel|refiner)/i, 'energy'],
  [/\b(drones?|weapons?|arms|missiles?|munitions?|rockets?|uav)\b/i, 'proliferation_arms'],
  [/\b(cocaine|drugs?|narcotics?|heroin|fentanyl)\b/i, 'narcotics'],
];

function maskOf(categories: readonly Category[] | undefined): number {
  let m = 0;
  for (const c of categories ?? []) m |= categoryBit(c);
  return m;
}

const programmeCache = new Map<string, number>();
export function programmeMask(programme: string): number {
  let m = programmeCache.get(programme);
  if (m === undefined) {
    const key = normaliseProgram(programme);
    m = maskOf(PROGRAMME_CATEGORIES[key]);
    programmeCache.set(programme, m);
  }
  return m;
}

export function topicMask(topic: string): number {
  return maskOf(TOPIC_CATEGORIES[topic]);
}

/** Categories a claim gives both of its ends. */
export function claimMask(claim: {
  domain: string;
  type: string;
  subtype: string | null;
  item: string | null;
}): number {
  let m = maskOf(DOMAIN_CATEGORIES[claim.domain]) | maskOf(CLAIM_TYPE_CATEGORIES[claim.type]);
  if (claim.subtype) m |= maskOf(CLAIM_TYPE_CATEGORIES[claim.subtype]);
  if (claim.item) for (const [re, c] of ITEM_CATEGORIES) if (re.test(claim.item)) m |= categoryBit(c);
  return m;
}
