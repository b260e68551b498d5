/** A small gazetteer of invented list entries for the reading tests, and a reader over it. */
import type { EntityRecord } from '../../src/store/store.js';
import type { Extraction } from '../../src/text/extraction.js';
import { Gazetteer } from '../../src/text/gazetteer.js';
import { readerFor } from '../../src/text/reader.js';

function record(id: string, schema: string, properties: Record<string, string[]>): EntityRecord {
  return {
    id,
    schema,
    caption: properties.name?.[0] ?? id,
    datasets: ['test'],
    recordIds: { test: [id] },
    properties,
    firstSeen: '2024-01-01',
    lastSeen: '2024-01-01',
    lastChange: '2024-01-01',
  };
}

export const RECORDS: EntityRecord[] = [
  record('t-hizb', 'Organization', { name: ['HIZBALLAH'], program: ['SDGT', 'FTO'], weakAlias: ['LH'] }),
  record('t-irgc', 'Organization', { name: ['ISLAMIC REVOLUTIONARY GUARD CORPS'], program: ['IRGC'] }),
  record('t-maduro', 'Person', {
    name: ['MADURO MOROS, Nicolas'],
    firstName: ['Nicolas'],
    lastName: ['MADURO MOROS'],
    program: ['VENEZUELA'],
  }),
  record('t-maduro-son', 'Person', {
    name: ['MADURO GUERRA, Nicolas Ernesto'],
    firstName: ['Nicolas Ernesto'],
    lastName: ['MADURO GUERRA'],
    program: ['VENEZUELA'],
  }),
  // One party on two lists, in each list's word order.
  record('un-soleimani', 'Person', { name: ['Qasem Soleimani'], program: ['IRAN'] }),
  record('us-soleimani', 'Person', {
    name: ['SOLEIMANI, Qasem'],
    firstName: ['Qasem'],
    lastName: ['SOLEIMANI'],
    program: ['IRGC', 'SDGT', 'IRAN'],
  }),
  record('t-rimera', 'Company', { name: ['JOINT STOCK COMPANY RIMERA'], program: ['RUSSIA-EO14024'] }),
  record('t-bering', 'Vessel', { name: ['BERING'], flag: ['ru'], program: ['RUSSIA-EO14024'] }),
  record('t-chapo', 'Person', {
    name: ['GUZMAN LOERA, Joaquin'],
    alias: ['GUZMAN, Chapo', 'GUZMAN LOREA, Chapo', 'GUZMAN, Joaquin Chapo', 'LOERA, Joaquin Guzman'],
    firstName: ['Joaquin'],
    lastName: ['GUZMAN LOERA'],
    program: ['SDNTK'],
  }),
  record('t-chapo-son', 'Person', {
    name: ['GUZMAN LOPEZ, Joaquin'],
    firstName: ['Joaquin'],
    lastName: ['GUZMAN LOPEZ'],
    program: ['ILLICIT-DRUGS-EO14059'],
  }),
  record('t-hatim', 'Person', {
    name: ['VAHEDI, Hatim'],
    firstName: ['Hatim'],
    lastName: ['VAHEDI'],
    program: ['SDGT'],
  }),
  record('t-bluefin', 'Company', { name: ['BLUEFIN TRADING FZE'], program: ['IRAN'] }),
  record('t-harbor', 'Company', { name: ['HARBOR STAR SHIPPING (DUBAI) LLC'], program: ['IRAN'] }),
  record('t-hope', 'Company', { name: ['HOPE'], program: ['SDGT'] }),
  record('t-ahmad', 'Person', { name: ['HASSAN, Ali'], firstName: ['Ali'], lastName: ['HASSAN'] }),
  record('t-ahmad2', 'Person', { name: ['HASSAN, Ali Reza'], firstName: ['Ali Reza'], lastName: ['HASSAN'] }),
  record('t-tanker', 'Vessel', { name: ['SEA BREEZE'], program: ['IRAN'] }),
  record('t-nova-1', 'Company', { name: ['NOVA MARINE'], program: ['IRAN'] }),
  record('t-nova-2', 'Company', { name: ['NOVA MARINE'], program: ['SDGT'] }),
  record('t-zone', 'Company', {
    name: ['JOINT STOCK COMPANY FREE ECONOMIC ZONE KORVIN'],
    // An alias in another language: its words are no missing words of the English name.
    alias: ['AKTSIONERNOE OBSHCHESTVO SVOBODNAYA EKONOMICHESKAYA ZONA KORVIN'],
    program: ['RUSSIA-EO14024'],
  }),
  record('t-northgate', 'Company', {
    name: ['NORTHGATE MINING'],
    alias: ['CORPORACION ANDINA DE MINAS NORTHGATE C.A.'],
    program: ['VENEZUELA'],
  }),
];

export const gazetteer = Gazetteer.fromRecords(RECORDS);
const reader = readerFor(gazetteer);

export function read(text: string): Extraction {
  return reader.read(text);
}

/** The entity whose mentions include this text. */
export function entity(out: Extraction, mention: string) {
  return out.entities.find((e) => e.mentions.some((m) => m.text === mention));
}

/** Relations as "source-name type target-name" strings (negated ones marked). */
export function claims(out: Extraction): string[] {
  const name = (id: string) => out.entities.find((e) => e.id === id)!.name;
  return out.relations.map(
    (r) => `${name(r.source)} ${r.type}${r.negated ? ' (not)' : ''} ${name(r.target)}`,
  );
}
