/** JSON lines input: one object per line, each named by file and line when it is not one. */
import { InputError } from '../errors.js';
import { readSourceFile } from './input.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface JsonLine {
  obj: JsonObject;
  /** The path as given, for error messages. */
  path: string;
  /** The file's name without directories or .gz. */
  name: string;
  line: number;
}

/** Every non-blank line of a file as a JSON object; `what` names what one line should hold. */
export function* readJsonLines(path: string, what: string): Generator<JsonLine> {
  const src = readSourceFile(path);
  const text = src.text;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (!raw) continue;
    let obj: Json;
    try {
      obj = JSON.parse(raw) as Json;
    } catch (err) {
      throw new InputError({ file: src.path, line }, `invalid JSON: ${(err as Error).message}`);
    }
    if (!isObject(obj)) {
      throw new InputError(
        { file: src.path, line },
        `each line must be one JSON object (${what}); JSON arrays are not read`,
      );
    }
    yield { obj, path: src.path, name: src.name, line };
  }
}
