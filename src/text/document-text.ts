/**
 * A document file to the plain text that is read, stored and cited: `.txt`, `.md`, `.html`,
 * `.pdf` and `.docx`. Character offsets of sentences, mentions and claims all point into the text
 * this returns, so it is normalised once, here (NFC, `\n` line ends, no control characters).
 *
 * Bad input is refused with an InputError naming the file: an empty file, a file over the size cap
 * (50 MB by default), binary content in a text format, text that is not UTF-8, a PDF or Word file
 * that cannot be opened (e.g. truncated), or a document without any text.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { docxToText } from './formats/docx.js';
import { htmlToText } from './formats/html.js';
import { markdownToText } from './formats/markdown.js';
import { pdfToText } from './formats/pdf.js';

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const DOCUMENT_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

export const DEFAULT_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** The size cap: TANGLE_MAX_DOCUMENT_MB when set, else 50 MB. */
export function maxDocumentBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TANGLE_MAX_DOCUMENT_MB;
  if (raw === undefined || raw === '') return DEFAULT_MAX_DOCUMENT_BYTES;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0)
    throw new UsageError(`TANGLE_MAX_DOCUMENT_MB must be a number > 0, not "${raw}"`);
  return Math.round(mb * 1024 * 1024);
}

export interface DocumentText {
  text: string;
  format: DocumentFormat;
  /** A title the file states (HTML <title>, PDF metadata, a Markdown heading), if any. */
  title?: string;
}

export interface DocumentTextOptions {
  maxBytes?: number;
}

export function formatOf(name: string): DocumentFormat {
  const format = FORMAT_BY_EXTENSION[extname(name).toLowerCase()];
  if (!format) {
    throw new InputError(
      { file: name },
      `unsupported document type "${extname(name) || '(none)'}"; Tangle reads ${DOCUMENT_EXTENSIONS.join(' ')}`,
    );
  }
  return format;
}

/** Read a document file from disk (the size is checked before the file is read). */
export async function documentTextFromFile(
  path: string,
  options: DocumentTextOptions = {},
): Promise<DocumentText> {
  formatOf(path);
  const max = options.maxBytes ?? maxDocumentBytes();
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new InputError(
      { file: path },
      `cannot open: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    const { size } = await handle.stat();
    checkSize(path, size, max);
    const bytes = await handle.readFile();
    return await documentText(path, bytes, options);
  } finally {
    await handle.close();
  }
}

const sizeText = (bytes: number) =>
  bytes < 1048576 ? `${bytes} bytes` : `${(bytes / 1048576).toFixed(bytes % 1048576 ? 1 : 0)} MB`;

function checkSize(name: string, size: number, max: number): void {
  if (size === 0) throw new InputError({ file: name }, 'the file is empty');
  if (size > max) {
    throw new InputError(
      { file: name },
      `the file is ${sizeText(size)}, over the ${sizeText(max)} limit for documents (TANGLE_MAX_DOCUMENT_MB)`,
    );
  }
}

/** Extract the text of a document given as bytes; `name` gives the format and names the file in errors. */
export async function documentText(
  name: string,
  bytes: Buffer,
  options: DocumentTextOptions = {},
): Promise<DocumentText> {
  const format = formatOf(name);
  checkSize(name, bytes.length, options.maxBytes ?? maxDocumentBytes());
  let text: string;
  let title: string | undefined;
  switch (format) {
    case 'text':
      text = decodeText(name, bytes);
      break;
    case 'markdown': {
      const source = decodeText(name, bytes);
      title = /^\s{0,3}#\s+(.+?)\s*#*\s*$/m.exec(source)?.[1];
      text = markdownToText(source);
      break;
    }
    case 'html':
      ({ text, title } = htmlToText(decodeText(name, bytes)));
      break;
    case 'pdf':
      if (bytes.subarray(0, 1024).indexOf('%PDF-') === -1) {
        throw new InputError({ file: name }, 'is not a PDF file (no %PDF- header)');
      }
      try {
        ({ text, title } = await pdfToText(bytes));
      } catch (err) {
        throw new InputError(
          { file: name },
          `cannot be read as PDF (damaged or truncated?): ${(err as Error).message}`,
        );
      }
      break;
    case 'docx':
      if (bytes.readUInt32LE(0) !== 0x04034b50) {
        throw new InputError({ file: name }, 'is not a Word .docx file (not a ZIP package)');
      }
      try {
        text = await docxToText(bytes);
      } catch (err) {
        throw new InputError(
          { file: name },
          `cannot be read as a Word document (damaged or truncated?): ${(err as Error).message}`,
        );
      }
      break;
  }
  const clean = normaliseText(text);
  if (!/[\p{L}\p{N}]/u.test(clean)) {
    const hint = format === 'pdf' ? ' (a scanned PDF without a text layer?)' : '';
    throw new InputError({ file: name }, `has no text to read${hint}`);
  }
  return { text: clean, format, ...(title ? { title: normaliseText(title) } : {}) };
}

/** Bytes of a text format to a string: UTF-8 (a BOM is dropped) or UTF-16 with its BOM; nothing else. */
export function decodeText(name: string, bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new InputError({ file: name }, 'is binary, not text (it contains NUL bytes)');
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const line = bytes.subarray(0, bad).toString('latin1').split('\n').length;
    throw new InputError(
      { file: name, line },
      `is not UTF-8 text (invalid byte 0x${bytes[bad].toString(16).padStart(2, '0')} at byte ${bad}); convert it to UTF-8 first`,
    );
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Index of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

// C0 and C1 controls (terminal escape sequences among them), zero-width characters and stray BOMs.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2060\ufeff]/g;

/** NFC, `\n` line ends, tabs as spaces, no control characters, at most one blank line in a row. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/\t/g, ' ')
    .replace(/[ \u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
