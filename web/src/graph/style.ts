/** Colours for the network: by schema or by threat category for nodes, by domain for edges. */

export const SCHEMA_COLOURS: Record<string, string> = {
  Person: '#2f6fd0',
  Organization: '#d9822b',
  Company: '#c0611a',
  LegalEntity: '#b5893a',
  PublicBody: '#8e5bb5',
  Vessel: '#139487',
  Airplane: '#0f7a9e',
  Address: '#7b8494',
};
export const OTHER_SCHEMA = '#9aa3b2';

export const CATEGORY_COLOURS: Record<string, string> = {
  terrorism: '#c62828',
  narcotics: '#6a1b9a',
  sanctions_evasion: '#ef6c00',
  proliferation_arms: '#2e7d32',
  corruption: '#8d6e63',
  energy: '#f9a825',
  military: '#37474f',
};
export const NO_CATEGORY = '#b0b7c3';

export const DOMAIN_COLOURS: Record<string, string> = {
  economic: '#1e88e5',
  energy: '#f9a825',
  military: '#455a64',
  diplomatic: '#00897b',
  political: '#8e24aa',
  social: '#7cb342',
  criminal: '#d81b60',
};
export const OTHER_DOMAIN = '#a0a8b5';

export type ColourBy = 'schema' | 'category';

export function nodeColour(by: ColourBy, schema: string, categories: string[]): string {
  if (by === 'schema') return SCHEMA_COLOURS[schema] ?? OTHER_SCHEMA;
  return categories.length ? (CATEGORY_COLOURS[categories[0]] ?? NO_CATEGORY) : NO_CATEGORY;
}

export function edgeColour(domain: string): string {
  return DOMAIN_COLOURS[domain] ?? OTHER_DOMAIN;
}
