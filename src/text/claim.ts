/**
 * One relation claim while it is being read (clusters, not yet output ids), the item that flows
 * and the domain it belongs to.
 */
import type { Arg } from './arguments.js';
import { ITEMS } from './cues.js';
import type { Domain, RelationType } from './extraction.js';
import type { Cluster } from './mentions.js';

export interface Claim {
  source: Cluster;
  target: Cluster;
  type: RelationType;
  subtype: string | null;
  domain: Domain;
  item: string | null;
  /** Token index of the cue, for hedging, negation and dates. */
  cue: number;
  targetArg?: Arg;
  stative: boolean;
}

const MILITARY_PARTY =
  /\b(?:Forces?|Army|Navy|Guard|Corps|Defen[cs]e|Military|Aerospace|Brigades?|Militia|Hezbollah|Hizballah|Hamas|Houthis?|Ansarallah)\b/;
const CRIMINAL_PARTY = /\b(?:Cartel|Gang|Mafia|Clan|Syndicate|Tren de Aragua)\b/i;
const MILITARY_TOPIC =
  /\b(?:drones?|missiles?|weapons?|military|army|navy|warplanes?|munitions|air force|troops|Shaheds?|attack)\b/i;
const CRIMINAL_TOPIC = /\b(?:cocaine|drugs?|narco\w*|trafficking|smuggl\w*|laundering)\b/i;

export function itemOf(text: string): [string, Domain] | undefined {
  for (const [re, item, domain] of ITEMS) if (re.test(text)) return [item, domain];
  return undefined;
}

export function domainOf(
  type: RelationType,
  base: Domain,
  source: Cluster,
  target: Cluster,
  sentence: string,
  item?: [string, Domain],
): Domain {
  if (type === 'sanctions') return 'economic';
  if (type === 'family') return 'social';
  if (type === 'strikes') return base;
  if (item && (type === 'supplies' || type === 'transports' || type === 'trades_with' || type === 'pays'))
    return item[1];
  const names = `${source.name} ${target.name}`;
  if (MILITARY_PARTY.test(names)) return 'military';
  if (CRIMINAL_PARTY.test(names) || CRIMINAL_TOPIC.test(sentence)) return 'criminal';
  if (MILITARY_TOPIC.test(sentence)) return 'military';
  if (
    target.schema === 'PublicBody' &&
    !/\bBank\b|\bBanco\b/i.test(target.name) &&
    type !== 'pays' &&
    type !== 'finances'
  )
    return 'political';
  return base;
}
