import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { documentText, documentTextFromFile, normaliseText } from '../../src/text/document-text.js';
import { markdownToText } from '../../src/text/formats/markdown.js';
import { minimalDocx, minimalPdf } from '../helpers/document-files.js';

const SENTENCE = 'Iran supplies drones to Venezuela.';

async function refused(name: string, bytes: Buffer, options = {}): Promise<InputError> {
  const err = await documentText(name, bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).file).toBe(name);
  return err as InputError;
}

describe('document formats to text', () => {
  it('reads plain text as it is, normalised (NFC, \\n line ends, no controls)', async () => {
    const r = await documentText('a.txt', Buffer.from(`\ufeffCafe\u0301 line one\r\n${SENTENCE}\u0007\r\n`));
    expect(r).toEqual({ text: `Café line one\n${SENTENCE}`, format: 'text' });
  });

  it('reads UTF-16 text that carries its byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, 'utf16le')]);
    expect((await documentText('u16.txt', bytes)).text).toBe(SENTENCE);
  });

  it('strips Markdown markup and keeps the words', async () => {
    const md = [
      '# The *title*',
      '',
      'Some **bold** words, a [link](https://example.org) and ![a picture](x.png).',
      'The same paragraph goes on with `code`.',
      '',
      '- first item',
      '- second item',
      '',
      '> quoted text',
      '',
      '| a | b |',
      '|---|---|',
      '| c | d |',
      '',
      '[ref]: https://example.org',
    ].join('\n');
    const r = await documentText('a.md', Buffer.from(md));
    expect(r.title).toBe('The *title*');
    expect(r.text).toBe(
      'The title\n\nSome bold words, a link and a picture. The same paragraph goes on with code.\n\n' +
        'first item\n\nsecond item\n\nquoted text\n\na b\n\nc d',
    );
    expect(markdownToText('```\nconst x = 1;\n```')).toBe('const x = 1;');
  });

  it('reads the article of a hostile HTML page: no script, style, handler or boilerplate reaches the text', async () => {
    const html = `<!doctype html><html><head><title>Drones &amp; oil</title>
      <script>window.stolen = document.cookie</script><style>body { color: red }</style></head>
      <body onload="alert('load')"><nav>Home | World | Sport</nav>
      <article><h1>Drones for Caracas</h1>
      <p onclick="alert('click')">${SENTENCE} <img src="x" onerror="alert('xss')"> Officials described the deliveries
      at length, naming the factories, the flights and the engineers who travelled with the parts.</p>
      <script>document.write('<p>injected</p>')</script>
      <p>A second paragraph names the Cartel de los Soles and keeps the article long enough to be found.</p>
      <noscript>enable javascript</noscript><iframe src="https://evil.example"></iframe></article>
      <footer>Copyright and cookie notices</footer></body></html>`;
    const r = await documentText('page.html', Buffer.from(html));
    expect(r.title).toBe('Drones & oil');
    expect(r.text).toContain(SENTENCE);
    expect(r.text).toContain('Cartel de los Soles');
    for (const bad of [
      'alert',
      'stolen',
      'cookie',
      'injected',
      'color: red',
      'onerror',
      'javascript',
      '<',
      'evil',
    ]) {
      expect(r.text).not.toContain(bad);
    }
    expect(r.text).not.toContain('Home | World');
  });

  it('reads a deeply nested page without running out of stack or time (no Readability on it)', async () => {
    const deep = `${'<div>'.repeat(20000)}${SENTENCE}${'</div>'.repeat(20000)}`;
    expect((await documentText('deep.html', Buffer.from(`<html><body>${deep}</body></html>`))).text).toBe(
      SENTENCE,
    );
  });

  it('reads the text layer of a PDF', async () => {
    const r = await documentText('a.pdf', minimalPdf([SENTENCE, 'A second line.']));
    expect(r.format).toBe('pdf');
    expect(r.text).toBe(`${SENTENCE}\nA second line.`);
  });

  it('reads the raw text of a Word document', async () => {
    const r = await documentText('a.docx', minimalDocx([SENTENCE, 'Tom & Jerry <3']));
    expect(r).toEqual({ text: `${SENTENCE}\n\nTom & Jerry <3`, format: 'docx' });
  });
});

describe('bad document files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tangle-doc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an empty file, naming it', async () => {
    expect((await refused('empty.txt', Buffer.alloc(0))).message).toBe('empty.txt: the file is empty');
  });

  it('refuses a file without any words', async () => {
    expect((await refused('blank.md', Buffer.from('\n  \n---\n'))).message).toContain('has no text');
  });

  it('refuses binary content in a text format', async () => {
    expect((await refused('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).message).toContain(
      'binary',
    );
  });

  it('refuses text that is not UTF-8, naming the line and byte', async () => {
    const latin1 = Buffer.from('first line\nCaf\xe9 second line\n', 'latin1');
    const err = await refused('latin1.txt', latin1);
    expect(err.line).toBe(2);
    expect(err.message).toContain('not UTF-8');
    expect(err.message).toContain('0xe9');
  });

  it('refuses a file over the size cap before reading it', async () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, 'x'.repeat(2048));
    const err = await documentTextFromFile(path, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(
      `${path}: the file is 2048 bytes, over the 1024 bytes limit for documents (TANGLE_MAX_DOCUMENT_MB)`,
    );
    await expect(documentTextFromFile(path, { maxBytes: 4096 })).resolves.toMatchObject({ format: 'text' });
  });

  it('refuses truncated and fake PDF and Word files', async () => {
    const pdf = minimalPdf([SENTENCE]);
    expect((await refused('cut.pdf', pdf.subarray(0, pdf.length / 2))).message).toContain(
      'cannot be read as PDF',
    );
    expect((await refused('fake.pdf', Buffer.from('not a pdf at all'))).message).toContain('not a PDF');
    const docx = minimalDocx([SENTENCE]);
    expect((await refused('cut.docx', docx.subarray(0, docx.length - 30))).message).toContain(
      'cannot be read as a Word document',
    );
    expect((await refused('fake.docx', Buffer.from('plain text'))).message).toContain('not a Word');
  });

  it('refuses unknown file types and missing files', async () => {
    expect((await refused('sheet.xlsx', Buffer.from('x'))).message).toContain('unsupported document type');
    await expect(documentTextFromFile(join(dir, 'missing.txt'))).rejects.toThrow(
      /missing\.txt: cannot open: ENOENT/,
    );
  });

  it('normalises line ends and blank lines once, and drops terminal control sequences', () => {
    expect(normaliseText('a\r\rb\n\n\n\nc\t d  \n')).toBe('a\n\nb\n\nc  d');
    expect(normaliseText('\u001b[2Jred\u009b31m text\u200b')).toBe('[2Jred31m text');
  });
});
