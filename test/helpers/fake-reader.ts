/**
 * A small, fixed stand-in for the reading engine, for tests of everything around it (storage,
 * CLI, routes). It knows a handful of names, finds them verbatim, splits sentences at . ! ? and
 * makes one relation per sentence between the first two parties it names, typed by a keyword.
 * It links "Nicolás Maduro" to the OFAC entry us_ofac_sdn-22790 when the store has it.
 *
 * The CLI loads it through TANGLE_READER_MODULE (with NODE_OPTIONS=--import tsx).
 */
import type { Store } from '../../src/store/store.js';
import type {
  DocumentReader,
  ExtractedEntity,
  ExtractedRelation,
  Extraction,
  RelationType,
  Sentence,
} from '../../src/text/extraction.js';

const NAMES: Array<{ name: string; schema: string; linkTo?: string }> = [
  { name: 'Iran', schema: 'Country' },
  { name: 'Venezuela', schema: 'Country' },
  { name: 'Hezbollah', schema: 'Organization' },
  { name: 'Cartel de los Soles', schema: 'Organization' },
  { name: 'Tren de Aragua', schema: 'Organization' },
  { name: 'Nicolás Maduro', schema: 'Person', linkTo: 'us_ofac_sdn-22790' },
];

const KEYWORDS: Array<[RegExp, RelationType]> = [
  [/\b(supplies|sends|exports)\b/, 'supplies'],
  [/\bsanction/, 'sanctions'],
  [/\b(works with|traffics)\b/, 'associate'],
  [/\b(leads|controls)\b/, 'controls'],
];

export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+[.!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

export async function createReader(store: Store): Promise<DocumentReader> {
  const linked = new Map<string, string | null>();
  for (const n of NAMES) linked.set(n.name, n.linkTo && (await store.getEntity(n.linkTo)) ? n.linkTo : null);
  return {
    stats: { names: NAMES.length, entities: NAMES.length, buildMs: 0 },
    read(text: string, meta = {}): Extraction {
      const entities: ExtractedEntity[] = [];
      for (const n of NAMES) {
        const mentions = [];
        for (let i = text.indexOf(n.name); i !== -1; i = text.indexOf(n.name, i + n.name.length)) {
          mentions.push({ text: n.name, start: i, end: i + n.name.length });
        }
        if (!mentions.length) continue;
        const linkedId = linked.get(n.name) ?? null;
        entities.push({
          id: `e${entities.length + 1}`,
          name: n.name,
          schema: n.schema,
          linked_id: linkedId,
          link_confidence: linkedId ? 0.95 : 0,
          ambiguous: false,
          mentions,
        });
      }
      const sentences = sentencesOf(text);
      const relations: ExtractedRelation[] = [];
      for (const s of sentences) {
        const inside = entities
          .map((e) => ({ e, at: e.mentions.find((m) => m.start >= s.start && m.end <= s.end)?.start }))
          .filter((x): x is { e: ExtractedEntity; at: number } => x.at !== undefined)
          .sort((a, b) => a.at - b.at);
        if (inside.length < 2) continue;
        const sentence = text.slice(s.start, s.end);
        const type = KEYWORDS.find(([re]) => re.test(sentence))?.[1] ?? 'associate';
        relations.push({
          source: inside[0].e.id,
          target: inside[1].e.id,
          type,
          subtype: null,
          item: /\bdrones\b/.test(sentence) ? 'drones' : null,
          domain: type === 'sanctions' ? 'economic' : type === 'supplies' ? 'military' : 'criminal',
          sentence,
          start: s.start,
          end: s.end,
          hedged: /\b(reportedly|according to)\b/i.test(sentence),
          negated: /\b(denies|never|not)\b/.test(sentence),
          date: /\b(19|20)\d\d\b/.exec(sentence)?.[0] ?? meta.date ?? null,
          confidence: 0.8,
        });
      }
      return { sentences, entities, relations };
    },
  };
}
