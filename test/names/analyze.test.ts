import { describe, expect, it } from 'vitest';
import { analyzeName, analyzeNameParts, kindForSchema, type NameAnalysis } from '../../src/names/analyze.js';

const texts = (a: NameAnalysis): string[] => a.parts.map((p) => p.text);
const tagged = (a: NameAnalysis): string[] => a.parts.map((p) => `${p.text}:${p.tag}`);

describe('name-part tagging', () => {
  it('reads OFAC "FAMILY, Given" order and puts names in natural order', () => {
    const a = analyzeName('MADURO MOROS, Nicolas', 'person');
    expect(tagged(a)).toEqual(['nicolas:given', 'maduro:family', 'moros:family']);
    expect(a.tagged).toBe(true);
  });

  it('tags further given names as middle names', () => {
    expect(tagged(analyzeName('PUTIN, Vladimir Vladimirovich', 'person'))).toEqual([
      'vladimir:given',
      'vladimirovich:middle',
      'putin:family',
    ]);
  });

  it('leaves uncommaed names untagged', () => {
    const a = analyzeName('Nicolas Maduro Moros', 'person');
    expect(a.tagged).toBe(false);
    expect(a.parts.every((p) => p.tag === 'any')).toBe(true);
  });

  it('tags from structured parts', () => {
    const a = analyzeNameParts({ given: ['Hans'], family: ['Friedrich'], middle: ['Joachim'] });
    expect(tagged(a)).toEqual(['hans:given', 'joachim:middle', 'friedrich:family']);
    const b = analyzeName('Ali Khamenei', 'person', { given: ['Ali'] });
    expect(tagged(b)).toEqual(['ali:given', 'khamenei:any']);
  });

  it('maps schemata to kinds of names', () => {
    expect(kindForSchema('Person')).toBe('person');
    expect(kindForSchema('Company')).toBe('org');
    expect(kindForSchema('Vessel')).toBe('vessel');
    expect(kindForSchema('LegalEntity')).toBe('any');
  });
});

describe('titles, particles and Arabic units', () => {
  it('drops honorifics and titles from people', () => {
    for (const [raw, want] of [
      ['Mr. Recep Tayyip Erdoğan', ['recep', 'tayyip', 'erdogan']],
      ['Sheikh Isa bin Tarif', ['isa', 'bin', 'tarif']],
      ['Ayatollah Ali Khamenei', ['ali', 'khamenei']],
      ['General Qasem Soleimani', ['qasem', 'soleimani']],
      ['Hajji Asad Khan', ['asad', 'khan']],
      ['Dr. Ayman al-Zawahiri', ['ayman', 'al', 'zawahiri']],
    ] as const) {
      expect(texts(analyzeName(raw, 'person')), raw).toEqual(want);
    }
    expect(analyzeName('Mr. Rami Makhlouf', 'person').removed).toEqual(['mr']);
  });

  it('keeps a title that is the whole name, and ambiguous titles that are names', () => {
    expect(texts(analyzeName('Major', 'person'))).toEqual(['major']);
    expect(texts(analyzeName('Amir Khan', 'person'))).toEqual(['amir', 'khan']);
  });

  it('makes abd/abu + the next name one part, however written', () => {
    const forms = ["'Abd al-Aziz", 'Abdul Aziz', 'Abdulaziz', 'ABD EL AZIZ', 'Abdel-Aziz'];
    const got = forms.map((f) => texts(analyzeName(f, 'person')).join(' '));
    expect(new Set(got)).toEqual(new Set(['abdaziz']));
    expect(texts(analyzeName('Abdurrahman', 'person'))).toEqual(
      texts(analyzeName('Abd al-Rahman', 'person')),
    );
    expect(texts(analyzeName('Abu Bakr al-Baghdadi', 'person'))).toEqual(['abubakr', 'al', 'baghdadi']);
  });

  it('marks particles with little weight and flags Arabic names', () => {
    const a = analyzeName('Usama bin Muhammad bin Laden', 'person');
    const bin = a.parts.find((p) => p.text === 'bin')!;
    expect(bin.role).toBe('particle');
    expect(bin.weight).toBeLessThan(0.3);
    expect(a.arabic).toBe(true);
    expect(analyzeName('Olaf Scholz', 'person').arabic).toBe(false);
  });

  it('treats "Ben" as a name when it comes first', () => {
    expect(analyzeName('Ben Netanyahu', 'person').parts[0]!.role).toBe('word');
    expect(analyzeName('Isa Ben Tarif', 'person').parts[1]!.role).toBe('particle');
  });
});

describe('legal forms and organisation words', () => {
  it('takes legal forms out of the name, canonicalised', () => {
    const cases: [string, string[], string[]][] = [
      ['Siemens AG', ['siemens'], ['AG']],
      ['Siemens Aktiengesellschaft', ['siemens'], ['AG']],
      ['Siemens Aktiengeselschaft', ['siemens'], ['AG']],
      ['SiemensAG', ['siemens'], ['AG']],
      ['OAO Gazprom', ['gazprom'], ['OJSC']],
      ['Open Joint Stock Company Gazprom', ['gazprom'], ['OJSC']],
      ['Oboronnye Initsiativy o.O.O.', ['oboronnye', 'initsiativy'], ['OOO']],
      ['ООО "БАЙ"', ['bay'], ['OOO']],
      ['TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN', ['tactical', 'missiles'], ['Corp', 'JSC']],
      ['Nanshan Group Co Ltd', ['nanshan', 'group'], ['Co. Ltd']],
      ['FABERLIC EUROPE Sp. z o.o.', ['faberlic', 'europe'], ['Sp. z o.o.']],
      ['Societatea cu Răspundere Limitată PRO TRAFFIC', ['pro', 'traffic'], ['S.R.L.']],
      ['Petroleos de Venezuela, S.A.', ['petroleos', 'venezuela'], ['S.A.']],
      ['Mahan Air FZE', ['mahan', 'air'], ['FZE']],
      ['Sherkat Naftiran', ['naftiran'], ['Co.']],
      ['Malaysia Trading Sdn Bhd', ['malaysia', 'trading'], ['Sdn Bhd']],
    ];
    for (const [raw, want, forms] of cases) {
      const a = analyzeName(raw, 'org');
      expect(texts(a), raw).toEqual(want);
      expect(
        a.legalForms.map((f) => f.canonical),
        raw,
      ).toEqual(forms);
    }
  });

  it('leaves nothing of a name that is only a legal form', () => {
    expect(analyzeName('CORP', 'org').parts).toEqual([]);
    expect(analyzeName('Trading LLC', 'org').parts.map((p) => p.role)).toEqual(['generic']);
  });

  it('does not take short forms from inside names, and strips only edge forms from people', () => {
    expect(texts(analyzeName('Banco Sa Nostra Holding', 'org'))).toContain('sa');
    expect(texts(analyzeName('Nicolás Maduro SA', 'person'))).toEqual(['nicolas', 'maduro']);
  });

  it('weights descriptive and geographic words low, expands abbreviations', () => {
    const a = analyzeName('Deutsche Bank (Schweiz) AG', 'org');
    expect(a.parts.map((p) => p.role)).toEqual(['geo', 'generic', 'geo']);
    expect(a.parts[2]!.optional).toBe(true);
    expect(texts(analyzeName('First Bank Int’l', 'org'))).toEqual(['first', 'bank', 'international']);
  });

  it('indexes acronyms of runs of words, legal forms and stopwords included', () => {
    expect(analyzeName("People's Liberation Army", 'org').acronyms.has('pla')).toBe(true);
    expect(analyzeName('National Iranian Oil Company', 'org').acronyms.has('nioc')).toBe(true);
    expect(analyzeName('Petroleos de Venezuela S.A.', 'org').acronyms.has('pdvsa')).toBe(true);
    expect(analyzeName('Islamic Revolutionary Guard Corps', 'org').acronyms.has('irgc')).toBe(true);
  });

  it('says which parts an acronym covers, and gives none for people', () => {
    const a = analyzeName('National Iranian Oil Company', 'org');
    // "company" is a legal form, not a part: NIOC covers the three words that are parts.
    expect(texts(a)).toEqual(['national', 'iranian', 'oil']);
    expect(a.acronyms.get('nioc')).toBe(0b111);
    expect(a.acronyms.get('io')).toBe(0b110);
    expect(a.acronyms.get('xyz')).toBeUndefined();
    expect(a.acronyms.keys()).toContain('nio');
    expect(analyzeName('Nicolas Maduro Moros', 'person').acronyms.size).toBe(0);
  });
});

describe('numbers', () => {
  it('takes numbers out of names', () => {
    expect(analyzeName('SEA PRIDE 2', 'vessel').numbers).toEqual(['2']);
    expect(texts(analyzeName('SEA PRIDE 2', 'vessel'))).toEqual(['sea', 'pride']);
    expect(analyzeName('Plant No. 5', 'org').numbers).toEqual(['5']);
    expect(texts(analyzeName('Plant No. 5', 'org'))).toEqual(['plant']);
    expect(analyzeName('ООО АЯС 2000', 'org').numbers).toEqual(['2000']);
  });

  it('reads written-out and Roman numbers in organisation and vessel names', () => {
    expect(analyzeName('Brigade Forty-Four', 'org').numbers).toEqual(['44']);
    expect(analyzeName('Brigade Forty 4', 'org').numbers).toEqual(['44']);
    expect(analyzeName('Three Percenters', 'org').numbers).toEqual(['3']);
    expect(analyzeName('Nantahala Capital Offshore Fund I, Ltd.', 'org').numbers).toEqual(['1']);
    expect(analyzeName('SEA PRIDE II', 'vessel').numbers).toEqual(['2']);
    expect(analyzeName('John Smith III', 'person').numbers).toEqual(['3']);
  });

  it('reads a one-letter Roman numeral only as the last word, whatever the case', () => {
    expect(analyzeName('MV STAR I', 'vessel').numbers).toEqual(['1']);
    expect(analyzeName('mv star i', 'vessel').numbers).toEqual(['1']);
    // Inside a name the letter is an initial: the capitals of a list and the lower case of a
    // customer record must analyse alike, or a number mismatch would sink the match.
    expect(analyzeName('C&I SEMICONDUCTORS CO LIMITED', 'org').numbers).toEqual([]);
    expect(analyzeName('c&i semiconductors co limited', 'org').numbers).toEqual([]);
  });

  it('reads words that name members of JavaScript objects as words, not numbers', () => {
    const a = analyzeName('General Constructor Company', 'org');
    expect(a.numbers).toEqual([]);
    expect(texts(a)).toEqual(['general', 'constructor']);
    expect(analyzeName('Tostring Valueof Hasownproperty Trading', 'org').numbers).toEqual([]);
  });

  it('turns ordinals into words', () => {
    expect(texts(analyzeName('1st International Bank', 'org'))).toEqual(['first', 'international', 'bank']);
  });
});

describe('other rules', () => {
  it('drops vessel prefixes', () => {
    expect(texts(analyzeName('MV Hellenic Spirit', 'vessel'))).toEqual(['hellenic', 'spirit']);
    expect(texts(analyzeName('M/T SEA PRIDE', 'vessel'))).toEqual(['sea', 'pride']);
  });

  it('reads initials, including capitals written together', () => {
    expect(analyzeName('J.-C. Juncker', 'person').parts.map((p) => p.role)).toEqual([
      'initial',
      'initial',
      'word',
    ]);
    expect(texts(analyzeName('JC Juncker', 'person'))).toEqual(['j', 'c', 'juncker']);
    expect(texts(analyzeName('N.N.', 'person'))).toEqual(['n', 'n']);
  });

  it('removes repeated words', () => {
    expect(texts(analyzeName('Sergey Sergey Shoigu', 'person'))).toEqual(['sergey', 'shoigu']);
  });

  it('precomputes run-together joins', () => {
    const a = analyzeName('Nikolai Patr ushev', 'person');
    expect(a.joins.map((j) => j.text)).toContain('patrushev');
  });

  it('never blows up on long or hostile input', () => {
    const a = analyzeName('x'.repeat(10_240), 'person');
    expect(a.parts.length).toBe(1);
    const many = analyzeName(
      Array.from({ length: 200 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${i}`).join(' '),
      'org',
    );
    expect(many.parts.length).toBeLessThanOrEqual(24);
    expect(analyzeName('', 'person').parts).toEqual([]);
    expect(analyzeName('!!! ??? ...', 'org').parts).toEqual([]);
  });
});
