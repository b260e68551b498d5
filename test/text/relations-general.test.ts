/** General patterns added while tuning the reader on independently written articles (invented sentences). */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { claims, read } from './helpers.js';

const list = (text: string) => claims(read(text));
const rels = (text: string) => read(text).relations;

describe('general reading patterns', () => {
  it('a company suffix abbreviation ends the sentence before a sentence-opening word', () => {
    const text = 'Regulators fined Norvik Trading S.A. The firm appealed. Later it paid.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Regulators fined Norvik Trading S.A.', 'The firm appealed.', 'Later it paid.']);
    const keep = 'The U.S. Treasury acted.';
    expect(splitSentences(keep)).toHaveLength(1);
  });

  it('"denied that X owned Y" is a negated claim', () => {
    const out = rels('Moscow denied that Bluefin Trading owned the tanker Harbor Star.');
    expect(out.every((r) => r.negated)).toBe(true);
  });

  it('"has not listed X as a terrorist group" is a negated designation even with a long name', () => {
    const out = rels('Peru has not listed the Islamic Revolutionary Guard Corps as a terrorist group.');
    expect(out.map((r) => [r.type, r.negated])).toEqual([['sanctions', true]]);
  });
});
