import { describe, expect, it } from 'vitest';
import { claims, read } from './helpers.js';

const one = (text: string) => {
  const out = read(text);
  return { out, list: claims(out), rel: out.relations };
};

describe('relation patterns', () => {
  it('sanctions: active, passive with "by", relative clause, list of objects', () => {
    expect(
      one('In May 2021 the Treasury sanctioned Vantor Logistics Ltd and its director, Karim Vahedi.').list,
    ).toEqual([
      'U.S. Department of the Treasury sanctions Vantor Logistics Ltd',
      'U.S. Department of the Treasury sanctions Karim Vahedi',
      'Karim Vahedi directorship Vantor Logistics Ltd',
    ]);
    expect(one('Bluefin Trading was designated by the European Union in 2020.').list).toEqual([
      'European Union sanctions Bluefin Trading',
    ]);
    expect(one('Hizballah, which Washington lists as a terrorist group, denied it.').list).toEqual([
      'United States sanctions Hizballah',
    ]);
  });

  it('supply to a target, purchases from a seller, drugs bought from a supplier', () => {
    const supply = one('Iran shipped drones to Russia in August 2022.');
    expect(supply.list).toEqual(['Iran supplies Russia']);
    expect(supply.rel[0]).toMatchObject({ item: 'drones', domain: 'military', date: '2022-08' });
    expect(one('Turkey imported gold from Venezuela.').list).toEqual(['Turkey trades_with Venezuela']);
    expect(one('Karim Vahedi bought cocaine from the Sinaloa Cartel.').list).toEqual([
      'Sinaloa Cartel supplies Karim Vahedi',
    ]);
  });

  it('arrests, including "had X arrested", are strikes in the criminal domain', () => {
    const arrest = one('Mexican forces arrested Karim Vahedi in Sinaloa, Mexico.');
    expect(arrest.list).toEqual(['Mexico strikes Karim Vahedi']);
    expect(arrest.rel[0]!.domain).toBe('criminal');
    expect(
      one(
        'Agents of the DEA, who planned the sting, had Lena Morozova and Karim Vahedi arrested by local police.',
      ).list,
    ).toEqual([
      'Drug Enforcement Administration strikes Lena Morozova',
      'Drug Enforcement Administration strikes Karim Vahedi',
    ]);
  });

  it('role nouns: kinship, subsidiaries, heads, membership, financiers', () => {
    expect(one('Lena Morozova, the wife of Karim Vahedi, fled.').list).toEqual([
      'Lena Morozova family Karim Vahedi',
    ]);
    expect(one('Vantor Logistics Ltd is a subsidiary of Bluefin Trading.').list).toEqual([
      'Bluefin Trading ownership Vantor Logistics Ltd',
    ]);
    expect(one('Karim Vahedi, a former head of the Maritime Security Office, left.').list).toEqual([
      'Karim Vahedi directorship Maritime Security Office',
    ]);
    expect(one('Karim Vahedi was a senior Hizballah commander.').list).toEqual([
      'Karim Vahedi membership Hizballah',
    ]);
    expect(one('The EU sanctioned Karim Vahedi, calling him a major Hizballah financier.').list).toEqual([
      'European Union sanctions Karim Vahedi',
      'Karim Vahedi finances Hizballah',
    ]);
  });

  it('control: reduced passive, "run by", possessive companies', () => {
    expect(
      one('Bluefin Trading, a firm controlled by the Islamic Revolutionary Guard Corps, paid the crew.').list,
    ).toContain('Islamic Revolutionary Guard Corps controls Bluefin Trading');
    expect(one("Vantor Logistics Ltd, Karim Vahedi's company in Dubai, closed.").list).toEqual([
      'Karim Vahedi ownership Vantor Logistics Ltd',
    ]);
  });

  it('alliances between coordinated subjects, not with a third party', () => {
    expect(one('Moscow and Tehran agreed in 2022 to build the plant.').list).toEqual([
      'Russia allied_with Iran',
    ]);
    expect(one('Karim Vahedi and Lena Morozova agreed with the buyers to ship fuel.').list).toEqual([]);
  });
});

describe('more patterns', () => {
  it('reads hyphen-attached modifiers as relations with what they modify', () => {
    expect(one('Hizballah-funded Vantor Logistics Ltd opened an office.').list).toEqual([
      'Hizballah finances Vantor Logistics Ltd',
    ]);
  });

  it('gives a payment without a payee to the supplier of the same sentence', () => {
    expect(one('Iran supplied the kits to Russia, and Moscow paid in gold.').list).toEqual([
      'Iran supplies Russia',
      'Russia pays Iran',
    ]);
  });

  it('lets a reporting country speak of itself, and keeps an organisation as the topic', () => {
    expect(one('Caracas said it had paid Iran in gold.').list).toEqual(['Venezuela pays Iran']);
    expect(
      one(
        'Bluefin Trading is on the U.S. blacklist; Washington says it sold Russia the engines.',
      ).list.sort(),
    ).toEqual(['Bluefin Trading supplies Russia', 'United States sanctions Bluefin Trading']);
  });

  it('shares a subject between coordinated verbs and reads clauses with their own subject', () => {
    expect(
      one('The Treasury designated Omar Tahan and sanctioned his firm, Gulf Horizon LLC, in May 2022.').list,
    ).toEqual([
      'U.S. Department of the Treasury sanctions Omar Tahan',
      'U.S. Department of the Treasury sanctions Gulf Horizon LLC',
      'Omar Tahan ownership Gulf Horizon LLC',
    ]);
    expect(one('Bluefin Trading, which is owned by Karim Vahedi, shipped oil to China.').list).toEqual([
      'Karim Vahedi ownership Bluefin Trading',
      'Bluefin Trading supplies China',
    ]);
    const evidence = one('There is no evidence that Karim Vahedi financed Hizballah.').rel;
    expect(evidence.map((r) => r.negated)).toEqual([true]);
  });

  it('reads vessels: owners and managers of a tanker, goods transferred between ships, fronts', () => {
    const ship = one(
      'The tanker Sea Breeze, owned by Bluefin Trading and managed by Nova Marine, transferred crude oil to another vessel.',
    );
    expect(ship.list).toEqual(['Bluefin Trading ownership Sea Breeze', 'Nova Marine operates Sea Breeze']);
    expect(one('Gulf Horizon LLC is a front for the Islamic Revolutionary Guard Corps.').list).toEqual([
      'Islamic Revolutionary Guard Corps controls Gulf Horizon LLC',
    ]);
  });

  it('does not read a noun as a verb ("restricted trade with")', () => {
    expect(one('Turkey has not restricted trade with Russia.').list).toEqual([]);
  });
});

describe('hedging and negation', () => {
  it('hedges claims attributed to a source or marked uncertain, only in their scope', () => {
    expect(one('U.S. officials say Iran shipped drones to Russia.').rel[0]!.hedged).toBe(true);
    expect(one('According to Reuters, Bluefin Trading sold oil to China.').rel[0]!.hedged).toBe(true);
    expect(one('Bluefin Trading reportedly sold oil to China.').rel[0]!.hedged).toBe(true);
    const scoped = one(
      'The Treasury sanctioned Bluefin Trading, a firm that, according to Washington, shipped oil to China.',
    ).rel;
    expect(scoped.map((r) => r.hedged)).toEqual([false, true]);
    expect(one('Iran shipped drones to Russia.').rel[0]!.hedged).toBe(false);
  });

  it('negates denials and claims the text says do not hold, and never emits them as positive', () => {
    const cases = [
      'Turkey has not imposed sanctions on Venezuela.',
      'The UN Security Council has imposed no penalties on Iran.',
      'Karim Vahedi has always denied financing Hizballah.',
      'The Treasury never sanctioned Lena Morozova.',
    ];
    for (const text of cases) {
      const rel = one(text).rel;
      expect(rel.length, text).toBe(1);
      expect(rel[0]!.negated, text).toBe(true);
      expect(rel[0]!.date, text).toBeNull();
    }
  });
});

describe('coreference in relations', () => {
  it('resolves he, it and plural descriptions to the parties named before', () => {
    expect(one('Karim Vahedi kept trading. Authorities in Morocco detained him in 2017.').list).toEqual([
      'Morocco strikes Karim Vahedi',
    ]);
    expect(
      one('The Treasury designated Bluefin Trading in March 2019. In April it added Vantor Logistics Ltd.')
        .list,
    ).toEqual([
      'U.S. Department of the Treasury sanctions Bluefin Trading',
      'U.S. Department of the Treasury sanctions Vantor Logistics Ltd',
    ]);
    const both = one(
      'Karim Vahedi and Omar Tahan flew to Haiti. Both men are nephews of Lena Morozova.',
    ).list;
    expect(both).toEqual(['Karim Vahedi family Lena Morozova', 'Omar Tahan family Lena Morozova']);
  });

  it('gives a dateless event the year of the story its paragraph dated, but not a designation', () => {
    const rel = one(
      'On May 3, 2020 police in Haiti arrested Karim Vahedi. Prosecutors said he had agreed to ship cocaine to Honduras.',
    ).rel;
    expect(rel.map((r) => r.date)).toEqual(['2020-05-03', '2020']);
    const listed = one(
      'In March 2019 the Treasury designated Bluefin Trading. The EU later sanctioned Karim Vahedi.',
    ).rel;
    expect(listed.map((r) => r.date)).toEqual(['2019-03', null]);
  });

  it('dates a claim by the date nearest its target in the same clause', () => {
    const rel = one(
      'The Treasury, which sanctioned Karim Vahedi in July 2017 and Lena Morozova in September 2018, acted alone.',
    ).rel;
    expect(rel.map((r) => r.date)).toEqual(['2017-07', '2018-09']);
  });
});
