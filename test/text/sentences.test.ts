import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { tokenize } from '../../src/text/tokens.js';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentences', () => {
  it('splits at full stops followed by a capital and keeps offsets', () => {
    const t = 'The ship sailed. It docked in Aden.';
    const s = splitSentences(t);
    expect(texts(t)).toEqual(['The ship sailed.', 'It docked in Aden.']);
    expect(s[1]).toEqual({ start: 17, end: 35 });
  });

  it('does not split after abbreviations, titles, months and initials', () => {
    const t =
      'The U.S. Treasury named Gen. Ali Badr and Mr. J. R. Smith on Jan. 4 last year. No. 2 followed.';
    expect(texts(t)).toEqual([
      'The U.S. Treasury named Gen. Ali Badr and Mr. J. R. Smith on Jan. 4 last year.',
      'No. 2 followed.',
    ]);
  });

  it('ends a sentence at a closing quote and never crosses a paragraph', () => {
    const t = '"We paid in gold." The minister left\nNext paragraph here.';
    expect(texts(t)).toEqual(['"We paid in gold."', 'The minister left', 'Next paragraph here.']);
  });

  it('tokenizes possessives, hyphenated names and acronyms as words', () => {
    const words = tokenize("Iran's IRGC-linked firm in Port-au-Prince, U.S.").map((t) => t.text);
    expect(words).toEqual(["Iran's", 'IRGC-linked', 'firm', 'in', 'Port-au-Prince', ',', 'U.S.']);
  });
});
