/**
 * Reading source files: gzip is detected by its magic bytes, text must be valid UTF-8 (an invalid
 * byte is reported with its line), a byte-order mark and the DOS end-of-file mark (0x1A, which
 * OFAC's CSV files end with) are dropped.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';

export interface SourceText {
  /** The path as the user gave it, used in every error message. */
  path: string;
  name: string;
  text: string;
  /** Bytes after decompression. */
  bytes: Buffer;
}

/** A file's raw bytes; a missing or unreadable file is an InputError naming it. */
export function readInputBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError({ file: path }, code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`);
  }
}

export function readSourceFile(path: string): SourceText {
  return decodeSource(path, readInputBytes(path));
}

export function decodeSource(path: string, raw: Buffer): SourceText {
  let bytes = raw;
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      bytes = gunzipSync(raw);
    } catch (err) {
      throw new InputError({ file: path }, `gzip data is truncated or corrupt (${(err as Error).message})`);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError({ file: path, line: lineOfInvalidUtf8(bytes) }, 'text is not valid UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\u001a+\s*$/, '');
  if (!text.trim()) {
    // Imported, an empty file would delist everything its dataset holds.
    throw new InputError(
      { file: path },
      raw.length ? 'the file has no content' : 'the file is empty (0 bytes)',
    );
  }
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    throw new InputError({ file: path, line }, 'binary data (NUL byte) in a text file');
  }
  return { path, name: basename(path).replace(/\.gz$/i, ''), text, bytes };
}

/** Whether a file ends with the DOS end-of-file mark (0x1A), trailing line breaks aside. */
export function endsWithEofMark(src: SourceText): boolean {
  let i = src.bytes.length - 1;
  while (i >= 0 && (src.bytes[i] === 0x0a || src.bytes[i] === 0x0d || src.bytes[i] === 0x20)) i--;
  return i >= 0 && src.bytes[i] === 0x1a;
}

function lineOfInvalidUtf8(bytes: Buffer): number {
  // Decode incrementally line by line until the decoder rejects a line.
  let line = 1;
  let start = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
