/**
 * HTML to plain text. The page is parsed by linkedom (a DOM that never runs scripts), scripts,
 * styles and other non-text elements are removed, and Mozilla Readability picks the article out of
 * the page's boilerplate (menus, footers, sidebars). Only text nodes are read: attributes such as
 * event handlers never reach the text, and the text is never put back into a page as HTML.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const DROP =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, head, form, button, select, textarea';

const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR ' +
    'LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'
  ).split(' '),
);

interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

/**
 * Text of a DOM subtree, one paragraph per block element. The walk keeps its own stack, so a
 * deeply nested (hostile) page cannot overflow the call stack.
 */
function blockText(root: TextNodeLike): string {
  const out: string[] = [];
  const BREAK = null;
  const stack: Array<TextNodeLike | typeof BREAK> = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === BREAK || node === undefined) {
      out.push('\n');
      continue;
    }
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const block = BLOCK.has(node.nodeName.toUpperCase());
    if (block) {
      out.push('\n');
      stack.push(BREAK);
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
  }
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Readability's cost grows faster than the page (about 1 s for 3,000 elements, 5 s for 8,000, a
 * minute for 24,000 on a busy machine) and with nesting depth: a hostile page could keep it busy
 * for minutes. Beyond these limits the whole body is read instead, without boilerplate removal.
 */
const READABILITY_MAX_DEPTH = 150;
const READABILITY_MAX_ELEMENTS = 10_000;

function domShape(root: TextNodeLike): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: Array<[TextNodeLike, number]> = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (node.nodeType !== 1) continue;
    elements++;
    if (d > depth) depth = d;
    if (depth > READABILITY_MAX_DEPTH || elements > READABILITY_MAX_ELEMENTS) break;
    for (let i = 0; i < node.childNodes.length; i++) stack.push([node.childNodes[i], d + 1]);
  }
  return { depth, elements };
}

export interface HtmlText {
  text: string;
  title: string | undefined;
}

/** A parsed page with its non-text elements removed. */
function parsePage(html: string) {
  const page = html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  return document;
}

export function htmlToText(html: string): HtmlText {
  const { document: raw } = parseHTML(html.includes('<html') ? html : `<html><body>${html}</body></html>`);
  const title = raw.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  const document = parsePage(html);
  let text = '';
  const shape = domShape(document.documentElement as unknown as TextNodeLike);
  if (shape.depth <= READABILITY_MAX_DEPTH && shape.elements <= READABILITY_MAX_ELEMENTS) {
    try {
      const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
      if (article?.content) text = blockText(parsePage(article.content).body as unknown as TextNodeLike);
    } catch {
      // Readability gives up on some pages; the whole body is read below instead.
    }
  }
  if (!text.trim()) {
    // Readability changes the page it reads: read the body of a fresh parse.
    const page = parsePage(html);
    text = blockText((page.body ?? page) as unknown as TextNodeLike);
  }
  return { text, title };
}
