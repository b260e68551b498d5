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

export interface HtmlText {
  text: string;
  title: string | undefined;
}

export function htmlToText(html: string): HtmlText {
  const { document } = parseHTML(
    html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  const title = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  let text = '';
  try {
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      for (const el of [...inner.querySelectorAll(DROP)]) el.remove();
      text = blockText(inner.body as unknown as TextNodeLike);
    }
  } catch {
    // Readability gives up on some pages; the whole body is read below instead.
  }
  if (!text.trim()) {
    const body = parseHTML(html).document;
    for (const el of [...body.querySelectorAll(DROP)]) el.remove();
    text = blockText((body.body ?? body) as unknown as TextNodeLike);
  }
  return { text, title };
}
