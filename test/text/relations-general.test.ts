/** General patterns added while tuning the reader on independently written articles (invented sentences). */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { claims, read } from './helpers.js';

const list = (text: string) => claims(read(text));
const rels = (text: string) => read(text).relations;

describe('general reading patterns', () => {
  it('a company suffix abbreviation ends the sentence before a sentence-opening word', () => {
    const text = 'Regulators fined Norvik Trading S.A. The firm appealed. Later it paid.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Regulators fined Norvik Trading S.A.',
      'The firm appealed.',
      'Later it paid.',
    ]);
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

  it('"froze the assets of X": the holder is the object', () => {
    expect(list('In May 2019 Peru froze the assets of Karim Vahedi.')).toEqual([
      'Peru sanctions Karim Vahedi',
    ]);
  });

  it('cue verbs gated by their object: moved funds to, arranged shipments to, extended sanctions to', () => {
    expect(list('Karim Vahedi moved funds to Hizballah through a bank in Dubai.')).toEqual([
      'Karim Vahedi pays Hizballah',
    ]);
    expect(list('Karim Vahedi moved to Hizballah territory.')).toEqual([]);
    expect(list('Bluefin Trading arranged the shipments to Syria.')).toEqual([
      'Bluefin Trading supplies Syria',
    ]);
    expect(list('In 2021 the Treasury extended its sanctions to Nova Marine.')).toEqual([
      'U.S. Department of the Treasury sanctions Nova Marine',
    ]);
  });

  it('lending is financing; a carrier flying somewhere transports, a person flying home does not', () => {
    expect(list('Bluefin Trading lent $40 million to Nova Marine in 2018.')).toEqual([
      'Bluefin Trading finances Nova Marine',
    ]);
    expect(
      list('Mahar Airways flew to Syria with spare parts in 2020.').filter((c) => c.includes('transports')),
    ).toEqual(['Mahar Airways transports Syria']);
    expect(list('Karim Vahedi flew home to Syria.')).toEqual([]);
  });

  it('"linked to" and the role nouns figure, fundraiser and arm', () => {
    expect(list('Karim Vahedi, a trader linked to Hizballah, was arrested.')).toContain(
      'Karim Vahedi associate Hizballah',
    );
    expect(list('Karim Vahedi, a senior Hizballah figure, spoke.')).toEqual([
      'Karim Vahedi membership Hizballah',
    ]);
    expect(list('Karim Vahedi is a Hizballah fundraiser.')).toEqual(['Karim Vahedi finances Hizballah']);
    expect(list('The Nova Brigade is the foreign arm of the Islamic Revolutionary Guard Corps.')).toContain(
      'Nova Brigade membership Islamic Revolutionary Guard Corps',
    );
  });

  it('the subject of a verb after an appositive is the name the appositive describes', () => {
    expect(list('Karim Vahedi, a broker close to Hizballah, had arranged shipments to Syria.')).toEqual([
      'Karim Vahedi supplies Syria',
    ]);
    expect(list('Bluefin Trading, the firm run by Karim Vahedi, owned the Sea Breeze.')).toContain(
      'Bluefin Trading ownership Sea Breeze',
    );
  });

  it('"The office" refers back to a named office; a facility noun after a name is part of it', () => {
    const out = read(
      "The Treasury's Office of Foreign Assets Control acted in May. The office said Karim Vahedi ran the Harran refinery.",
    );
    const ofac = out.entities.find((e) => e.name === 'Office of Foreign Assets Control');
    expect(ofac?.mentions.map((m) => m.text)).toContain('The office');
    expect(out.entities.find((e) => e.mentions.some((m) => m.text === 'Harran refinery'))?.schema).toBe(
      'Location',
    );
  });

  it('a capitalised name after "the" is a group, not a person, and keeps its own place name apart', () => {
    const out = read(
      'The Banda del Norte began in the state of Norte. In 2022 Peru designated the Banda del Norte as a terrorist group.',
    );
    const gang = out.entities.find((e) => e.name === 'Banda del Norte');
    expect(gang?.schema).toBe('Organization');
    expect(gang?.mentions.map((m) => m.text)).not.toContain('Norte');
  });

  it('"known as "Alias"" restates a name; a former army lieutenant is a person', () => {
    const out = read(
      'Karim Vahedi, known as "El Zorro", fled. Soon El Zorro returned. Omar Haddad, a former army lieutenant, spoke.',
    );
    expect(out.entities.find((e) => e.name === 'Karim Vahedi')?.mentions.map((m) => m.text)).toContain(
      'El Zorro',
    );
    expect(out.entities.find((e) => e.name === 'Omar Haddad')?.schema).toBe('Person');
  });

  it('sending money to a group is financing', () => {
    expect(list('Karim Vahedi sent money to Hizballah in 2019.')).toEqual([
      'Karim Vahedi finances Hizballah',
    ]);
  });

  it('"X, whom it calls the leader of Y" and "whom it described as a Y fundraiser": the antecedent holds the role', () => {
    expect(list('Peru sought Karim Vahedi, whom it calls the leader of Hizballah.')).toContain(
      'Karim Vahedi controls Hizballah',
    );
    expect(
      list('The Treasury sanctioned Karim Vahedi, whom it described as a Hizballah fundraiser.'),
    ).toContain('Karim Vahedi finances Hizballah');
  });

  it('"its Indian captain, Z": a nationality between possessive and role noun', () => {
    expect(list('The Sea Breeze sailed on under its Indian captain, Karim Vahedi.')).toContain(
      'Karim Vahedi operates Sea Breeze',
    );
  });

  it('"a carrier that the Treasury says is controlled by X": the carrier is controlled', () => {
    expect(
      list(
        'Karim Vahedi ran Nova Marine, a carrier that the Treasury says is controlled by Bluefin Trading.',
      ),
    ).toContain('Bluefin Trading controls Nova Marine');
    expect(
      list(
        'Karim Vahedi ran Nova Marine, a carrier that the Treasury says is controlled by Bluefin Trading.',
      ),
    ).not.toContain('Bluefin Trading controls Karim Vahedi');
  });

  it('"trading" before a noun is no verb: "owned the trading arm and a second unit, X"', () => {
    const out = list('Bluefin Trading owned the Dubai-based trading arm and a second unit, Nova Marine.');
    expect(out).toContain('Bluefin Trading ownership Nova Marine');
    expect(out.filter((c) => c.includes('trades_with'))).toEqual([]);
  });

  it('link nouns: "has close ties to Y", "denies any link to Y", "denied any business with Y"', () => {
    expect(list('Karim Vahedi has close ties to Hizballah.')).toEqual(['Karim Vahedi associate Hizballah']);
    expect(list('Bluefin Trading denies any link to Hizballah.')).toEqual([
      'Bluefin Trading associate (not) Hizballah',
    ]);
    expect(list('Nova Marine has denied any business with Hizballah.')).toEqual([
      'Nova Marine associate (not) Hizballah',
    ]);
  });

  it('", and <name> <past verb>" starts a new clause that ends the object list', () => {
    expect(
      list('In 2019 Peru sanctioned Nova Marine and Karim Vahedi, and the Treasury warned banks.'),
    ).toEqual(['Peru sanctions Nova Marine', 'Peru sanctions Karim Vahedi']);
  });

  it('"collected funds and sent them to X": the pronoun carries the money', () => {
    expect(list('Karim Vahedi collected funds from traders and sent them to Hizballah.')).toEqual([
      'Karim Vahedi finances Hizballah',
    ]);
  });

  it('"served as a Y official": the subject of "served" is a member', () => {
    expect(list('Karim Vahedi served as a Hizballah official for a decade.')).toEqual([
      'Karim Vahedi employment Hizballah',
    ]);
  });

  it('"European Union sanctions on the Syrian government": a sanctions noun with its owner', () => {
    expect(
      list('The tanker sailed for Syria in breach of European Union sanctions on the Syrian government.'),
    ).toEqual(['European Union sanctions Syria']);
  });

  it('", saying …" hedges what was said and does not date it; "whom it calls" hedges the label', () => {
    const said = rels(
      'The Treasury sanctioned Karim Vahedi in May 2019, saying he had raised money for Hizballah.',
    );
    const financing = said.find((r) => r.type === 'finances');
    expect(financing).toMatchObject({ hedged: true, date: null });
    const called = rels('Peru sought Karim Vahedi, whom it calls the leader of Hizballah.').find(
      (r) => r.type === 'controls',
    );
    expect(called?.hedged).toBe(true);
    const own = rels('Karim Vahedi calls Hizballah a fiction and denies ever belonging to it.').find(
      (r) => r.type === 'membership',
    );
    expect(own?.hedged).toBe(false);
  });

  it('"The refinery is run by its director": "its" is the place the sentence is about, not an earlier body', () => {
    const out = list(
      'The Treasury inspected the Harran refinery in May. The refinery is run by its director, Omar Haddad.',
    );
    expect(out.filter((c) => c.startsWith('Omar Haddad') && c.includes('Treasury'))).toEqual([]);
  });
  it('names listed after a plural vessel noun are vessels; "the Sea Wind 2" keeps its number', () => {
    const out = read(
      'In May 2021 three Syrian tankers, the Aldo, the Brisa and the Cetus, left Latakia. Guards boarded the Sea Wind 2 in April.',
    );
    const schema = (n: string) => out.entities.find((e) => e.name === n)?.schema;
    expect([schema('Aldo'), schema('Brisa'), schema('Cetus'), schema('Sea Wind 2')]).toEqual([
      'Vessel',
      'Vessel',
      'Vessel',
      'Vessel',
    ]);
    const among = read(
      'Officials seized the cargoes of two tankers bound for Syria, among them the Aldo and the Brisa.',
    );
    expect(among.entities.filter((e) => e.schema === 'Vessel').map((e) => e.name)).toEqual(['Aldo', 'Brisa']);
    // A number after a name is no vessel's when it counts something.
    expect(read('The Nova Group 5 percent stake was sold.').entities.some((e) => e.schema === 'Vessel')).toBe(
      false,
    );
  });

  it('plural descriptions of one kind stand for the parties last listed together', () => {
    expect(
      list(
        'In May 2021 three Syrian tankers, the Aldo, the Brisa and the Cetus, left Latakia. Records show that Nova Marine Shipping managed all three ships.',
      ),
    ).toEqual([
      'Nova Marine Shipping operates Aldo',
      'Nova Marine Shipping operates Brisa',
      'Nova Marine Shipping operates Cetus',
    ]);
    expect(
      list(
        'Peru and Chile signed a pact in 2019. Since then the United Nations has imposed no sanctions on either country.',
      ),
    ).toEqual([
      'Peru allied_with Chile',
      'United Nations sanctions (not) Peru',
      'United Nations sanctions (not) Chile',
    ]);
    expect(
      list('Bluefin Trading and Harbor Holdings were set up in 2015. Karim Vahedi owned both companies.'),
    ).toEqual(['Karim Vahedi ownership Bluefin Trading', 'Karim Vahedi ownership Harbor Holdings']);
    // "all five ships" when only two were named: no guess.
    expect(list('The Aldo and the Brisa sailed. Nova Marine Shipping managed all five ships.')).toEqual([]);
  });

  it('a requested act is not an act, and a sentence that denies a tie does not also assert it', () => {
    const out = rels(
      'The tanker Sea Breeze sailed east. Gibraltar refused a U.S. request to detain the tanker again, and the United States never seized it.',
    );
    expect(out.filter((r) => r.type === 'strikes').map((r) => r.negated)).toEqual([true]);
  });
  it('killing is a strike; a lone participle or plural noun opening a sentence is no party', () => {
    expect(list('In January 2020 a U.S. drone strike killed Karim Vahedi in Baghdad.')).toEqual([
      'United States strikes Karim Vahedi',
    ]);
    const out = read(
      'Renamed the Sea Breeze, the tanker sailed east. Exports of crude fell. Traders said Nova Marine paid.',
    );
    expect(out.entities.map((e) => e.name).filter((n) => /Renamed|Exports|Traders/.test(n))).toEqual([]);
    // A longer name that opens with such a word stays whole.
    expect(read('Sanders Trading denied it.').entities.map((e) => e.name)).toEqual(['Sanders Trading']);
  });
  it('names that rename a possessive kin noun take its role: "sanctions to two of Vahedi\'s brothers, A and B"', () => {
    const out = list(
      "Karim Vahedi ran a shop. In 2006 the Treasury extended its sanctions to Nova Marine, a firm in the port, and to two of Vahedi's brothers, Hatim Vahedi and Hamzi Vahedi.",
    );
    expect(out).toEqual(
      expect.arrayContaining([
        'U.S. Department of the Treasury sanctions Hatim Vahedi',
        'U.S. Department of the Treasury sanctions Hamzi Vahedi',
        'Hatim Vahedi family Karim Vahedi',
        'Hamzi Vahedi family Karim Vahedi',
      ]),
    );
    // A surname before a plural kin noun without the possessive is a modifier, not a party.
    expect(read('The Vahedi brothers ran the shop.').entities).toEqual([]);
  });
  it('"it" after a coordinated clause is the party heading the first clause, not one inside its "of" phrase', () => {
    expect(
      list(
        'The Qods Force is the foreign operations arm of the Islamic Revolutionary Guard Corps (IRGC), and Karim Vahedi commanded it until 2020.',
      ),
    ).toEqual(expect.arrayContaining(['Karim Vahedi directorship Qods Force']));
    // With no other party heading a clause, the "of" phrase's party is still the one.
    expect(list('Karim Vahedi is a friend of the Bluefin Trading FZE and he funded it.')).toEqual(
      expect.arrayContaining(['Karim Vahedi finances Bluefin Trading FZE']),
    );
  });
  it('a preposition still governs a name behind a longer title ("ties to the Gambian former president Yahya Jammeh")', () => {
    expect(list('Karim Vahedi has close ties to the Gambian former president Ali Hassan.')).toEqual([
      'Karim Vahedi associate Ali Hassan',
    ]);
  });
  it('"X has repeatedly said it": the speaker is "it", past auxiliaries and adverbs', () => {
    expect(
      list(
        'Bluefin Trading FZE sold oil to China. Beijing has repeatedly said it would buy more from Nova Marine.',
      ),
    ).toEqual(['Bluefin Trading FZE supplies China', 'China trades_with Nova Marine']);
  });
  it('a country naming whose sanctions or money a noun is, is no object ("does not recognise U.S. sanctions")', () => {
    expect(list('Karim Vahedi does not recognise U.S. sanctions.')).toEqual([]);
    // The owner of a sanctions noun still imposes them.
    expect(list('Karim Vahedi evaded U.S. sanctions on Iran.')).toEqual(['United States sanctions Iran']);
  });
  it('"transferred" pays only when money moves; a cargo moved "off" a coast goes to no country', () => {
    expect(list('The tanker Sea Breeze transferred the cargo to another tanker off Malaysia.')).toEqual([]);
    expect(list('Karim Vahedi transferred $5 million to Bluefin Trading FZE.')).toEqual([
      'Karim Vahedi pays Bluefin Trading FZE',
    ]);
  });
  it('a company named again without its business words and legal form is the same party', () => {
    const out = read(
      'Prosecutors said Sea Dragon Shipping Ltd managed the tanker. Sea Dragon is owned by Karim Vahedi.',
    );
    expect(
      out.entities.find((e) => e.name === 'Sea Dragon Shipping Ltd')!.mentions.map((m) => m.text),
    ).toEqual(['Sea Dragon Shipping Ltd', 'Sea Dragon']);
    expect(claims(out)).toContain('Karim Vahedi ownership Sea Dragon Shipping Ltd');
  });
  it('a plural noun opening a sentence before "for" or "of" is no part of a name ("Lawyers for X said")', () => {
    const out = read('Karim Vahedi fled. Lawyers for Karim Vahedi said he was not a member of Hezbollah.');
    expect(out.entities.map((e) => e.name)).toEqual(['Karim Vahedi', 'Hezbollah']);
    expect(claims(out)).toEqual(['Karim Vahedi membership (not) Hezbollah']);
  });
  it('a name inside an appositive\'s "of" phrase behind a long title is not the object ("a son of the jailed drug lord X")', () => {
    expect(
      list('Mexico extradited Karim Vahedi, a son of the jailed drug lord Ali Hassan, to the United States.'),
    ).not.toContain('Mexico strikes Ali Hassan');
  });
  it('a legal form after a comma belongs to the name ("Trade Co., Ltd.")', () => {
    const out = read(
      'Officials said Shenzhen Blue Hat International Trade Co., Ltd., had shipped microchips to Nova Marine Co., Ltd. in 2023.',
    );
    expect(out.entities.map((e) => e.name)).toEqual([
      'Shenzhen Blue Hat International Trade Co., Ltd.',
      'Nova Marine Co., Ltd.',
    ]);
    expect(claims(out)).toEqual([
      'Shenzhen Blue Hat International Trade Co., Ltd. supplies Nova Marine Co., Ltd.',
    ]);
  });
  it('a hyphen-attached place or party modifies a description: it is neither its head nor its owner', () => {
    expect(
      list(
        'Bluefin Trading FZE shipped microchips to Nova Marine, a Moscow-based procurement firm already sanctioned by the United States.',
      ),
    ).toEqual(['Bluefin Trading FZE supplies Nova Marine', 'United States sanctions Nova Marine']);
    expect(list('The Treasury sanctioned Nova Marine, a Hezbollah-linked firm.')).toEqual([
      'U.S. Department of the Treasury sanctions Nova Marine',
      'Hezbollah associate Nova Marine',
    ]);
  });
  it('a pronoun that stands for no party is still the subject: the clause before does not lend its own', () => {
    expect(
      list(
        'The European Union added 21 companies to its list, saying they supplied drone engines to the Russian military.',
      ),
    ).toEqual([]);
    expect(list('Karim Vahedi said he paid Nova Marine.')).toEqual(['Karim Vahedi pays Nova Marine']);
  });
  it('an arrest with no agent is made by the country it happened in', () => {
    expect(list('Karim Vahedi fled. He was arrested in Paraguay in June 2020.')).toEqual([
      'Paraguay strikes Karim Vahedi',
    ]);
    // An agent named later still acts; a place that is no country does not.
    expect(list('Karim Vahedi was arrested in Paraguay by Brazilian police.')).not.toContain(
      'Paraguay strikes Karim Vahedi',
    );
    expect(list('Karim Vahedi was detained in the port.')).toEqual([]);
  });
  it('a relative clause with a pronoun subject, with or without "that", describes the appositive\'s name', () => {
    for (const text of [
      'The Treasury sanctioned Karim Vahedi and Nova Marine, a Dubai company that he allegedly controlled.',
      'The Treasury sanctioned Karim Vahedi and Nova Marine, a Dubai company he allegedly controlled.',
    ]) {
      const out = read(text);
      expect(claims(out)).toContain('Karim Vahedi controls Nova Marine');
      expect(out.relations.find((r) => r.type === 'controls')!.hedged).toBe(true);
    }
    expect(
      list(
        'The Treasury sanctioned Karim Vahedi, Ali Reza Hassan and Nova Marine, a Hong Kong company they allegedly controlled.',
      ),
    ).toEqual(
      expect.arrayContaining(['Karim Vahedi controls Nova Marine', 'Ali Reza Hassan controls Nova Marine']),
    );
  });
  it('a possessive role noun behind adjectives names its holder through a copula or a label verb', () => {
    expect(
      list("The Treasury designated Karim Vahedi, calling him one of Hezbollah's most prominent financiers."),
    ).toContain('Karim Vahedi finances Hezbollah');
    expect(list("Karim Vahedi is Hezbollah's top financier.")).toEqual(['Karim Vahedi finances Hezbollah']);
    // With no holder, no claim.
    expect(list("Karim Vahedi met Hezbollah's financier.")).toEqual([]);
  });
  it('signing an agreement allies the signatories; "and" joins two lines of business in one company name', () => {
    expect(list('Venezuela and Iran signed a 20-year cooperation agreement in June 2022.')).toEqual([
      'Venezuela allied_with Iran',
    ]);
    expect(list('Venezuela signed a cooperation agreement with Iran in 2022.')).toEqual([
      'Venezuela allied_with Iran',
    ]);
    // Signing something else is no alliance.
    expect(list('Venezuela and Iran signed the visitors book.')).toEqual([]);
    expect(
      list('The National Iranian Oil Refining and Distribution Company supplied spare parts to Venezuela.'),
    ).toEqual(['National Iranian Oil Refining and Distribution Company supplies Venezuela']);
    // A list of two names still splits.
    expect(read('Karim Vahedi and Nova Marine Shipping met.').entities.map((e) => e.name)).toEqual([
      'Karim Vahedi',
      'Nova Marine Shipping',
    ]);
  });
  it('a passive agent after a place ("detained in Caracas by Venezuelan authorities"); Venezuelan legal forms; a place with a demonym in its name', () => {
    expect(
      list('Karim Vahedi was detained in Caracas by Venezuelan authorities in a corruption case.'),
    ).toEqual(['Venezuela strikes Karim Vahedi']);
    expect(list('Karim Vahedi was detained in Lima by Brazil in 2020.')).toEqual([
      'Brazil strikes Karim Vahedi',
    ]);
    expect(
      read(
        'The network included firms in the British Virgin Islands, among them Profit Corporation, C.A. and Alpha One Capital Group, Inc. in 2017.',
      ).entities.map((e) => e.name),
    ).toEqual(['British Virgin Islands', 'Profit Corporation, C.A.', 'Alpha One Capital Group, Inc.']);
  });
  it("a frontman is his principal's associate", () => {
    expect(list("Ali Reza Hassan is Karim Vahedi's frontman.")).toEqual([
      'Ali Reza Hassan associate Karim Vahedi',
    ]);
  });
  it('"sanctioned X for providing …": X provides, also as the antecedent of "which Washington sanctioned"; a model number is no party', () => {
    expect(
      list(
        'The aircraft had belonged to Nova Marine, which Washington sanctioned in 2011 for providing support to Hezbollah.',
      ),
    ).toEqual(['United States sanctions Nova Marine', 'Nova Marine supplies Hezbollah']);
    expect(
      read(
        'Police grounded a Boeing 747 cargo plane owned by Nova Marine after Bluefin Trading FZE bought an Airbus A340.',
      ).entities.map((e) => e.name),
    ).toEqual(['Nova Marine', 'Bluefin Trading FZE']);
  });
  it('a contrasting clause (", but Iran continued") ends the objects of the verb before it', () => {
    expect(
      list(
        "Iran sells fuel. In 2020 the U.S. Justice Department seized four tankers' cargoes of Iranian gasoline bound for Venezuela, but Iran continued to send fuel.",
      ),
    ).toEqual([]);
  });
  it('"members of X" who act are X acting, as "agents of the DEA" are the DEA', () => {
    expect(list('Members of Hezbollah killed Karim Vahedi in 2024.')).toEqual([
      'Hezbollah strikes Karim Vahedi',
    ]);
    // Being sanctioned as members is not the group being sanctioned.
    expect(list('The Treasury sanctioned three members of Hezbollah.')).toEqual([]);
  });
  it('"carried out the killing of X" is a strike on X; denying a role in it is a negated one', () => {
    const out = read(
      'Chilean prosecutors said members of Hezbollah carried out the killing of Karim Vahedi.',
    );
    expect(claims(out)).toEqual(['Hezbollah strikes Karim Vahedi']);
    expect(out.relations[0]!.hedged).toBe(true);
    expect(list('Iran denied any role in the killing of Karim Vahedi.')).toEqual([
      'Iran strikes (not) Karim Vahedi',
    ]);
    expect(list('The killing of Karim Vahedi shocked Lebanon.')).toEqual([]);
  });
});
