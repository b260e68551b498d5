/**
 * The plain rule-based reader the reading engine is compared with: mentions are the phrases the
 * gazetteer (or the country table) knows exactly, one party per list entry or country, and a
 * relation joins the first party of a sentence to every other one, typed by the first cue verb of
 * the sentence (co-occurrence), hedged / negated when the sentence has a cue anywhere.
 */
import { countryOf } from '../src/text/countries.js';
import { verbCue } from '../src/text/cues.js';
import { findDates } from '../src/text/dates.js';
import type { ExtractedEntity, ExtractedRelation, Extraction } from '../src/text/extraction.js';
import { nameWords, type Gazetteer } from '../src/text/gazetteer.js';
import { HEDGE_BEFORE, NEGATION_BEFORE } from '../src/text/hedging.js';
import { splitSentences } from '../src/text/sentences.js';
import { isCapitalized, tokenize } from '../src/text/tokens.js';

export function readBaseline(g: Gazetteer, text: string): Extraction {
  const sentences = splitSentences(text);
  const entities = new Map<string, ExtractedEntity>();
  const perSentence: string[][] = [];
  for (const s of sentences) {
    const ts = tokenize(text, s.start, s.end).filter((t) => t.word);
    const here: string[] = [];
    for (let i = 0; i < ts.length; i++) {
      if (!isCapitalized(ts[i]!.text)) continue;
      // Longest known phrase starting here.
      for (let n = Math.min(6, ts.length - i); n >= 1; n--) {
        const start = ts[i]!.start;
        const end = ts[i + n - 1]!.end;
        const phrase = text.slice(start, end);
        const country = countryOf(phrase);
        let key: string | undefined;
        let schema = 'Country';
        let linked: string | null = null;
        if (country && country.role !== 'demonym') key = `c:${country.country.iso}`;
        else {
          const hit = g.lookup(nameWords(phrase)).find((h) => h.kind !== 'weak');
          if (hit) {
            const e = g.entities[hit.entity]!;
            key = e.id;
            schema = e.schema === 'LegalEntity' ? 'Organization' : e.schema;
            linked = e.id;
          }
        }
        if (!key) continue;
        let entity = entities.get(key);
        if (!entity) {
          entity = { id: `e${entities.size + 1}`, name: country ? country.country.name : phrase, schema, linked_id: linked, link_confidence: linked ? 0.9 : 0, ambiguous: false, mentions: [] };
          entities.set(key, entity);
        }
        entity.mentions.push({ text: phrase, start, end });
        if (!here.includes(entity.id)) here.push(entity.id);
        i += n - 1;
        break;
      }
    }
    perSentence.push(here);
  }
  const relations: ExtractedRelation[] = [];
  const context = {};
  sentences.forEach((s, si) => {
    const here = perSentence[si]!;
    if (here.length < 2) return;
    const sentence = text.slice(s.start, s.end);
    const cue = sentence
      .split(/[^A-Za-z]+/)
      .map(verbCue)
      .find((c) => c !== undefined);
    if (!cue) return;
    const date = findDates(text, s.start, s.end, context)[0]?.value ?? null;
    for (const target of here.slice(1)) {
      relations.push({
        source: here[0]!,
        target,
        type: cue.type,
        subtype: null,
        item: null,
        domain: cue.domain,
        sentence,
        start: s.start,
        end: s.end,
        hedged: HEDGE_BEFORE.test(sentence),
        negated: NEGATION_BEFORE.test(sentence),
        date,
        confidence: 0.3,
      });
    }
  });
  return { sentences, entities: [...entities.values()], relations };
}
