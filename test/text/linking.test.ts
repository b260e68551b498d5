import { describe, expect, it } from 'vitest';
import { entity, read } from './helpers.js';

describe('entity linking', () => {
  it('links spelling variants of a listed name', () => {
    expect(entity(read('Hezbollah denied the report.'), 'Hezbollah')!.linked_id).toBe('t-hizb');
    expect(entity(read('Hizbullah denied the report.'), 'Hizbullah')!.linked_id).toBe('t-hizb');
  });

  it('links the short form news uses for a listed person when the story fits, preferring the closest full name', () => {
    const maduro = entity(read('Venezuelan President Nicolás Maduro spoke. Maduro left.'), 'Maduro')!;
    expect(maduro.linked_id).toBe('t-maduro');
    expect(maduro.ambiguous).toBe(false);
    // A dropped surname with nothing in the story about the entry's country or programme: no link.
    expect(
      entity(read('Nicolás Maduro, a baker in Lyon, opened a shop.'), 'Nicolás Maduro')!.linked_id,
    ).toBeNull();
  });

  it("links a leader's surname in 'the X government' to the listed person whose first surname it is, when the story fits", () => {
    const maduro = entity(
      read('Traders in Caracas helped the Maduro government sell Venezuelan crude.'),
      'Maduro',
    )!;
    expect(maduro.schema).toBe('Person');
    // MADURO MOROS, Nicolas over MADURO GUERRA, Nicolas Ernesto: fewer words the text does not give.
    expect(maduro.linked_id).toBe('t-maduro');
    // Nothing in the story about Venezuela: no link.
    expect(entity(read('Critics in Lyon attacked the Maduro government.'), 'Maduro')!.linked_id).toBeNull();
    // A family is not a leader; neither is a surname that is no listed surname's first word.
    for (const text of ['In Caracas the Maduro family met.', 'In Caracas the Moros government met.'])
      expect(read(text).entities.filter((e) => e.linked_id !== null)).toEqual([]);
  });

  it('links a party listed by two lists to the richer listing, whichever word order the text uses, and calls it unambiguous', () => {
    for (const text of [
      'In Iran, Qasem Soleimani met the envoy.',
      'In Iran, Soleimani Qasem met the envoy.',
    ]) {
      const e = read(text).entities.find((x) => x.name.includes('Soleimani'))!;
      expect(e.linked_id).toBe('us-soleimani');
      expect(e.ambiguous).toBe(false);
    }
  });

  it('does not type or link a name by one word spelled like a listed name without its legal form', () => {
    // "Romero" is RIMERA spelling-blind, and JOINT STOCK COMPANY RIMERA has no other word.
    const out = read('Prosecutors in Caracas charged Yohan José Romero with extortion. Romero denied it.');
    const romero = entity(out, 'Romero')!;
    expect(romero.linked_id).toBeNull();
    expect(romero.schema).toBe('Person');
    // The listed company itself still links.
    expect(entity(read('Rimera shipped drones to Moscow.'), 'Rimera')!.linked_id).toBe('t-rimera');
  });

  it('links a one-word vessel name only when the story fits the listed ship', () => {
    const text = (where: string) => `The tanker Bering sailed from ${where} last week.`;
    expect(entity(read(text('Iran to Venezuela')), 'Bering')!.linked_id).toBeNull();
    expect(entity(read(text('Russia to India')), 'Bering')!.linked_id).toBe('t-bering');
  });

  it('reads a nickname in quotes as part of one person, and links the entry that lists the nickname', () => {
    const out = read(
      'Mexico extradited Karim Vahedi, a son of the cocaine trafficker Joaquín "El Chapo" Guzmán, to the United States. El Chapo is in prison.',
    );
    const chapo = out.entities.find((e) => e.name === 'Joaquín Guzmán')!;
    expect(chapo.schema).toBe('Person');
    expect(chapo.mentions.map((m) => m.text)).toEqual(['Joaquín "El Chapo" Guzmán', 'El Chapo']);
    // GUZMAN LOERA lists "Chapo"; GUZMAN LOPEZ, a son, has fewer names but not that one.
    expect(chapo.linked_id).toBe('t-chapo');
    expect(out.entities.map((e) => e.name)).not.toContain('Joaquín');
  });

  it("links a kin's given name with the family name of the person it belongs to", () => {
    const text = 'Karim Vahedi ran a Hezbollah shop. In 2010 the Treasury added his brothers Ali and Hatim.';
    expect(entity(read(text), 'Hatim')!.linked_id).toBe('t-hatim');
    expect(
      entity(read("Karim Vahedi's son Hatim fled to Lebanon with Hezbollah cash."), 'Hatim')!.linked_id,
    ).toBe('t-hatim');
    // A given name alone, with no kin phrase, never links.
    expect(entity(read('Karim Vahedi met Hatim in Lebanon.'), 'Hatim')?.linked_id ?? null).toBeNull();
  });

  it('links a name without its legal form or bracketed part, and names inside a longer listed name', () => {
    expect(entity(read('Bluefin Trading shipped the cargo.'), 'Bluefin Trading')!.linked_id).toBe(
      't-bluefin',
    );
    expect(entity(read('Harbor Star Shipping paid the crew.'), 'Harbor Star Shipping')!.linked_id).toBe(
      't-harbor',
    );
    expect(
      entity(read('The Korvin Free Economic Zone hosts the plant.'), 'Korvin Free Economic Zone')!.linked_id,
    ).toBe('t-zone');
    // A parent's name inside a subsidiary's alias is the parent, not the subsidiary.
    expect(
      entity(read('Corporacion Andina de Minas owns the mine.'), 'Corporacion Andina de Minas')!.linked_id,
    ).toBeNull();
  });

  it('never links a common word, a given name alone, a weak alias alone, or a country', () => {
    const out = read(
      'There is hope for talks. Hope is not a strategy, said Ali. LH was quiet. Lebanon waited.',
    );
    for (const e of out.entities) expect(e.linked_id).toBeNull();
  });

  it('prefers the entry whose name the text covers fully, and flags a tie', () => {
    const ali = entity(read('Ali Hassan met the buyers in Basra.'), 'Ali Hassan')!;
    expect(ali.linked_id).toBe('t-ahmad');
    expect(ali.ambiguous).toBe(false);
    const nova = entity(read('Nova Marine chartered the vessel.'), 'Nova Marine')!;
    expect(nova.linked_id).toMatch(/^t-nova-/);
    expect(nova.ambiguous).toBe(true);
    expect(nova.link_confidence).toBeLessThan(0.9);
  });

  it('does not link a one-word vessel name without a ship in the text', () => {
    expect(entity(read('The tanker Sea Breeze left port.'), 'Sea Breeze')!.linked_id).toBe('t-tanker');
  });
});
