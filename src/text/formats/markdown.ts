/**
 * Markdown to plain text: the words a reader sees, without the markup. Headings, emphasis, links
 * (their text is kept, the address dropped), images (their alt text), code spans, block quotes,
 * list markers, tables and inline HTML tags are stripped. Blocks become paragraphs separated by a
 * blank line; the lines of one paragraph are joined with a space, as a renderer would.
 */

const FENCE = /^\s*(```|~~~)/;

function stripInline(line: string): string {
  return (
    line
      // images ![alt](url) and links [text](url) / [text][ref]
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      // autolinks <https://…> keep the address; other tags go
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      // code spans, then emphasis markers around words
      .replace(/`+([^`]*)`+/g, '$1')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)/g, '$2')
      .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
      // backslash escapes
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
  );
}

function stripBlockLine(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^\s{0,3}(>\s?)+/, '')
    .replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '');
}

export function markdownToText(source: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' ').replace(/\s+/g, ' ').trim());
    current = [];
  };
  let inFence = false;
  for (const raw of source.split('\n')) {
    if (FENCE.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      // Code keeps its own lines.
      paragraphs.push(raw.trimEnd());
      continue;
    }
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    // Horizontal rules, setext underlines, link reference definitions, table separator rows.
    if (/^([-*_=]\s*){3,}$/.test(line) || /^\[[^\]]+\]:\s*\S+/.test(line) || /^\|?\s*:?-{3,}/.test(line)) {
      flush();
      continue;
    }
    const block = /^\s{0,3}(#{1,6}\s|([-*+]|\d+[.)])\s)/.test(raw);
    if (block) flush();
    let text = stripInline(stripBlockLine(raw));
    if (text.includes('|') && /^\|.*\|$/.test(line)) {
      text = text
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean)
        .join(' ');
    }
    current.push(text);
    if (block) flush();
  }
  flush();
  return paragraphs.filter((p) => p !== '').join('\n\n');
}
