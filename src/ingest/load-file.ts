import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { convert as htmlToText } from 'html-to-text';
import { LoadError } from './load-error.js';

/** File extensions the loader understands. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf', '.docx'] as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads one corpus file as text; throws {@link LoadError} with a reason a person can act on. */
export async function loadFileText(absPath: string, displayName: string, bytes?: Buffer): Promise<string> {
  const data = bytes ?? (await readFile(absPath));
  if (data.length === 0) throw new LoadError(displayName, 'empty file');
  const ext = path.extname(absPath).toLowerCase();
  let text: string;
  switch (ext) {
    case '.txt':
    case '.md':
      text = decodeUtf8(data, displayName);
      break;
    case '.html':
    case '.htm':
      text = htmlToText(decodeUtf8(data, displayName), { wordwrap: false, selectors: [{ selector: 'a', options: { ignoreHref: true } }, { selector: 'img', format: 'skip' }] });
      break;
    case '.pdf':
      text = await loadPdf(data, displayName);
      break;
    case '.docx':
      text = await loadDocx(data, displayName);
      break;
    default:
      throw new LoadError(displayName, `unsupported file type ${ext || '(none)'}`);
  }
  if (text.trim().length === 0) throw new LoadError(displayName, 'no text could be extracted (empty or scanned document)');
  return text;
}

function decodeUtf8(data: Buffer, name: string): string {
  try {
    return utf8.decode(data);
  } catch (cause) {
    // Legacy Vietnamese code pages (TCVN3, VNI, Windows-1258) are not UTF-8; guessing would corrupt the text.
    throw new LoadError(name, 'not valid UTF-8 text (legacy encoding?); convert it to UTF-8 first', { cause });
  }
}

async function loadPdf(data: Buffer, name: string): Promise<string> {
  if (data.subarray(0, 5).toString('latin1') !== '%PDF-') throw new LoadError(name, 'not a PDF file (missing %PDF header)');
  // Loaded on demand: pdf.js costs ~0.5 s to import, which an unchanged re-ingest should not pay.
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const result = await parser.getText();
    return result.text;
  } catch (cause) {
    const msg = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    if (/password|encrypt/i.test(msg)) throw new LoadError(name, 'encrypted PDF (password protected)', { cause });
    throw new LoadError(name, `corrupt or unreadable PDF (${msg})`, { cause });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

async function loadDocx(data: Buffer, name: string): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: data });
    return result.value;
  } catch (cause) {
    throw new LoadError(name, `corrupt or unreadable DOCX (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}
