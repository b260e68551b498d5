/**
 * Well-known public bodies and international organisations that reporting names by short forms
 * the lists do not carry ("the Treasury", "State Department", "the EU"): their canonical name,
 * type, the country they act for, and the nouns a definite description uses for them.
 */

export interface KnownBody {
  name: string;
  schema: 'PublicBody' | 'Organization';
  /** Every way text writes it (case-sensitive). */
  forms: string[];
  /** ISO code of the state it acts for (none for international bodies). */
  country?: string;
  /** Head nouns of descriptions that can refer to it ("The department"). */
  heads: string[];
}

export const KNOWN_BODIES: readonly KnownBody[] = [
  {
    name: 'U.S. Department of the Treasury',
    schema: 'PublicBody',
    country: 'us',
    heads: ['department', 'treasury'],
    forms: [
      'Treasury',
      'Treasury Department',
      'U.S. Treasury',
      'US Treasury',
      'Department of the Treasury',
      'U.S. Treasury Department',
      'U.S. Department of the Treasury',
    ],
  },
  {
    name: 'Office of Foreign Assets Control',
    schema: 'PublicBody',
    country: 'us',
    heads: ['office'],
    forms: ['Office of Foreign Assets Control', 'OFAC'],
  },
  {
    name: 'U.S. Department of State',
    schema: 'PublicBody',
    country: 'us',
    heads: ['department'],
    forms: ['State Department', 'U.S. State Department', 'Department of State', 'U.S. Department of State'],
  },
  {
    name: 'U.S. Department of Justice',
    schema: 'PublicBody',
    country: 'us',
    heads: ['department'],
    forms: ['Justice Department', 'Department of Justice', 'DOJ', 'U.S. Justice Department'],
  },
  {
    name: 'U.S. Department of Commerce',
    schema: 'PublicBody',
    country: 'us',
    heads: ['department'],
    forms: ['Commerce Department', 'Department of Commerce', 'Bureau of Industry and Security', 'BIS'],
  },
  { name: 'White House', schema: 'PublicBody', country: 'us', heads: [], forms: ['White House'] },
  {
    name: 'Pentagon',
    schema: 'PublicBody',
    country: 'us',
    heads: [],
    forms: ['Pentagon', 'Department of Defense', 'Defense Department'],
  },
  {
    name: 'Drug Enforcement Administration',
    schema: 'PublicBody',
    country: 'us',
    heads: ['agency', 'administration'],
    forms: ['Drug Enforcement Administration', 'DEA', 'U.S. Drug Enforcement Administration'],
  },
  {
    name: 'Federal Bureau of Investigation',
    schema: 'PublicBody',
    country: 'us',
    heads: ['bureau', 'agency'],
    forms: ['Federal Bureau of Investigation', 'FBI'],
  },
  {
    name: 'Central Intelligence Agency',
    schema: 'PublicBody',
    country: 'us',
    heads: ['agency'],
    forms: ['Central Intelligence Agency', 'CIA'],
  },
  { name: 'Kremlin', schema: 'PublicBody', country: 'ru', heads: [], forms: ['Kremlin'] },
  {
    name: 'HM Treasury',
    schema: 'PublicBody',
    country: 'gb',
    heads: ['treasury'],
    forms: ['HM Treasury', "Her Majesty's Treasury", "His Majesty's Treasury"],
  },
  {
    name: 'Office of Financial Sanctions Implementation',
    schema: 'PublicBody',
    country: 'gb',
    heads: ['office'],
    forms: ['Office of Financial Sanctions Implementation', 'OFSI'],
  },
  {
    name: 'European Union',
    schema: 'Organization',
    heads: ['bloc', 'union'],
    forms: ['European Union', 'EU', 'E.U.'],
  },
  { name: 'United Nations', schema: 'Organization', heads: [], forms: ['United Nations', 'UN', 'U.N.'] },
  {
    name: 'United Nations Security Council',
    schema: 'Organization',
    heads: ['council'],
    forms: [
      'United Nations Security Council',
      'UN Security Council',
      'U.N. Security Council',
      'Security Council',
      'UNSC',
    ],
  },
  {
    name: 'North Atlantic Treaty Organization',
    schema: 'Organization',
    heads: ['alliance'],
    forms: ['NATO', 'North Atlantic Treaty Organization'],
  },
  {
    name: 'Financial Action Task Force',
    schema: 'Organization',
    heads: ['body'],
    forms: ['Financial Action Task Force', 'FATF'],
  },
  {
    name: 'International Atomic Energy Agency',
    schema: 'Organization',
    heads: ['agency'],
    forms: ['International Atomic Energy Agency', 'IAEA'],
  },
  {
    name: 'Organization of the Petroleum Exporting Countries',
    schema: 'Organization',
    heads: ['cartel'],
    forms: ['OPEC', 'Organization of the Petroleum Exporting Countries'],
  },
  { name: 'Interpol', schema: 'Organization', heads: [], forms: ['Interpol', 'INTERPOL'] },
];

const BY_FORM = new Map<string, KnownBody>();
for (const body of KNOWN_BODIES) for (const f of body.forms) BY_FORM.set(f, body);

export function knownBody(text: string): KnownBody | undefined {
  return BY_FORM.get(text);
}

/** Common acronyms of list parties, expanded when the text uses the acronym without defining it. */
export const KNOWN_ACRONYMS: Readonly<Record<string, string>> = {
  IRGC: 'Islamic Revolutionary Guard Corps',
  'IRGC-QF': 'Islamic Revolutionary Guard Corps-Qods Force',
  MODAFL: 'Ministry of Defense and Armed Forces Logistics',
  FARC: 'Revolutionary Armed Forces of Colombia',
  ELN: 'National Liberation Army',
  ISIS: 'Islamic State',
  ISIL: 'Islamic State',
  PDVSA: 'Petroleos de Venezuela',
  NIOC: 'National Iranian Oil Company',
  NITC: 'National Iranian Tanker Company',
  IRISL: 'Islamic Republic of Iran Shipping Lines',
  CJNG: 'Cartel de Jalisco Nueva Generacion',
  KH: "Kata'ib Hizballah",
  PIJ: 'Palestinian Islamic Jihad',
  AQAP: "al-Qa'ida in the Arabian Peninsula",
  VKS: 'Russian Aerospace Forces',
  FSB: 'Federal Security Service',
  GRU: 'Main Intelligence Directorate',
  SVR: 'Foreign Intelligence Service',
  MOIS: 'Ministry of Intelligence and Security',
  CBI: 'Central Bank of Iran',
  BCV: 'Banco Central de Venezuela',
};
