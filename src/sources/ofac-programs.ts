/**
 * OFAC sanctions programme codes (the tags in the SDN list's Program column, e.g. `SDGT`,
 * `VENEZUELA-EO13850`) → FollowTheMoney topics.
 *
 * Every listed entry is `sanction`. On top of that a programme adds a topic only when the
 * programme itself says what the designation is about; country programmes (CUBA, IRAN,
 * RUSSIA-EO14024, VENEZUELA…) add nothing, because being listed under them says nothing about
 * terrorism or crime by itself.
 *
 * Choices, using only topic values that exist in the FtM model:
 * - Counter-terrorism authorities → `crime.terror`.
 * - Narcotics authorities → `crime.traffick.drug`.
 * - Transnational criminal organisations, hostage-taking → `crime`.
 * - Cyber programmes → `crime.cyber`.
 * - Human-rights abuse and corruption (Global Magnitsky, Magnitsky Act, Iran/Syria human rights,
 *   human-rights abuse through IT): FtM has no human-rights topic; these designations are for
 *   gross abuses or corruption, so they get the parent `crime` topic.
 * - Non-proliferation and conventional-arms authorities → `export.control`: the FtM topic for
 *   parties restricted because of what they may supply or procure.
 */

/** Topics per exact programme code (upper case, as OFAC writes it). */
const PROGRAM_TOPICS: Record<string, readonly string[]> = {
  // Terrorism
  SDGT: ['crime.terror'], // Specially Designated Global Terrorist (EO 13224)
  FTO: ['crime.terror'], // Foreign Terrorist Organization (State Department)
  SDT: ['crime.terror'], // Specially Designated Terrorist (EO 12947, Middle East peace process)
  'NS-PLC': ['crime.terror'], // Non-SDN Palestinian Legislative Council members linked to Hamas
  IRGC: ['crime.terror'], // IRGC and affiliates, designated under counter-terrorism authority (CAATSA s.301)
  HIFPAA: ['crime.terror'], // Hizballah International Financing Prevention Amendments Act
  HIFTA: ['crime.terror'], // Hizballah International Financing Prevention Act
  // Narcotics
  SDNTK: ['crime.traffick.drug'], // Foreign Narcotics Kingpin Designation Act
  SDNT: ['crime.traffick.drug'], // Specially Designated Narcotics Traffickers (EO 12978)
  'ILLICIT-DRUGS-EO14059': ['crime.traffick.drug'],
  // Organised crime
  TCO: ['crime'], // Transnational Criminal Organizations (EO 13581)
  'HOSTAGES-EO14078': ['crime'], // hostage-taking and wrongful detention
  // Human rights and corruption
  GLOMAG: ['crime'], // Global Magnitsky (EO 13818): serious human rights abuse, corruption
  MAGNIT: ['crime'], // Sergei Magnitsky Rule of Law Accountability Act
  'IRAN-HR': ['crime'], // Iran human rights abuses (EO 13553)
  'HRIT-IR': ['crime'], // human rights abuses via information technology, Iran (EO 13606)
  'HRIT-SY': ['crime'], // same, Syria
  // Non-proliferation and arms
  NPWMD: ['export.control'], // Weapons of Mass Destruction Proliferators (EO 13382)
  'NS-ISA': ['export.control'], // Non-SDN Iran Sanctions Act (proliferation-sensitive trade)
  ISA: ['export.control'], // Iran Sanctions Act
  IFCA: ['export.control'], // Iran Freedom and Counter-Proliferation Act
  'IRAN-CON-ARMS-EO': ['export.control'], // conventional arms transfers to/from Iran (EO 13949)
  'CAATSA - IRAN': ['export.control'], // CAATSA Iran: ballistic missiles and arms (s.104, s.107)
};

/** Topics for programme families identified by prefix (any number suffix, e.g. CYBER2, CYBER3). */
const PREFIX_TOPICS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['CYBER', ['crime.cyber']], // Cyber-related sanctions (EO 13694 and successors)
];

export const SANCTION_TOPIC = 'sanction';

/** The FtM topics an entry gets for being listed under one programme. Always includes `sanction`. */
const topicCache = new Map<string, readonly string[]>();

export function programTopics(code: string): readonly string[] {
  const cached = topicCache.get(code);
  if (cached) return cached;
  const key = normaliseProgram(code);
  const topics = new Set<string>([SANCTION_TOPIC]);
  for (const t of PROGRAM_TOPICS[key] ?? []) topics.add(t);
  for (const [prefix, extra] of PREFIX_TOPICS) {
    if (key.startsWith(prefix)) for (const t of extra) topics.add(t);
  }
  const result = [...topics];
  topicCache.set(code, result);
  return result;
}

/** Programme codes are compared upper-cased with inner whitespace collapsed ("CAATSA - RUSSIA"). */
export function normaliseProgram(code: string): string {
  return code.trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * Split the Program column: OFAC joins several codes as `SDGT] [IRAN`, sometimes with the outer
 * brackets too (`[SDGT] [IRAN]`).
 */
export function splitPrograms(field: string): string[] {
  const codes: string[] = [];
  for (const part of field.split(/\]\s*\[/)) {
    const code = part
      .replace(/^\s*\[/, '')
      .replace(/\]\s*$/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}
