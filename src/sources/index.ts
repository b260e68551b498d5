/** Every list format Tangle reads, by the name used on the command line and in the API. */
import { UsageError } from '../errors.js';
import { ftmJson } from './ftm-json.js';
import { ofacConsCsv, ofacCsv } from './ofac-csv.js';
import { senzingJson } from './senzing.js';
import type { SourceFormat } from './source.js';
import { unXml } from './un-xml.js';
import { usCsl } from './us-csl.js';

export const FORMATS: readonly SourceFormat[] = [ofacCsv, ofacConsCsv, unXml, usCsl, ftmJson, senzingJson];

export function getFormat(name: string): SourceFormat {
  const format = FORMATS.find((f) => f.name === name);
  if (!format) {
    throw new UsageError(`unknown format "${name}"; known formats: ${FORMATS.map((f) => f.name).join(', ')}`);
  }
  return format;
}
