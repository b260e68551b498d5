/** PDF to plain text: the text layer, page by page (unpdf, a build of PDF.js with eval disabled). */
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfToText(bytes: Uint8Array): Promise<{ text: string; title: string | undefined }> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const meta = await pdf.getMetadata().catch(() => undefined);
    const info = meta?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { text: (text as string[]).map((page) => page.trim()).join('\n\n'), title };
  } finally {
    await pdf.destroy();
  }
}
