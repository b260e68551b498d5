/** Word (.docx) to plain text: mammoth's raw text, one paragraph per line. */
import mammoth from 'mammoth';

export async function docxToText(bytes: Buffer): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: bytes });
  return result.value;
}
