import path from 'node:path';
import { normalizeVietnamese } from '../text/normalize.js';
import type { DocumentMeta, ParsedDocument, SourceKind } from '../types/legal-document.js';
import { capLabels } from './cap-labels.js';
import { cleanWebPage } from './clean-web-page.js';
import { documentIdFor } from './discover-files.js';
import { parseBriefing } from './parse-briefing.js';
import { docTypeFromTitle, parseOfficialHeader, toIsoDate, toStatus } from './parse-metadata.js';
import { parseLegalStructure } from './parse-structure.js';
import { lacksProvenance } from './provenance.js';
import type { Sidecar } from './sidecar.js';
import { parseJudgmentDocument } from './parse-judgment-document.js';

const FOLDER_KINDS: Record<string, SourceKind> = { laws: 'law', codes: 'code', judgments: 'judgment', briefings: 'briefing', precedents: 'precedent', regulations: 'regulation' };

/** The kind of a source: its folder when the corpus is laid out by kind, else its content. */
export function detectKind(relPath: string, text: string): SourceKind {
  const folder = relPath.split('/')[0] ?? '';
  const byFolder = FOLDER_KINDS[folder];
  if (byFolder) return byFolder;
  const head = text.slice(0, 3000);
  if (/Án lệ số\s*\d+/u.test(head)) return 'precedent';
  if (/Bản án số\s*:?\s*\d+/u.test(head)) return 'judgment';
  if (/^Điều\s+\d+\s*[.:]/mu.test(text)) return 'regulation';
  return 'other';
}

export interface ParseInput {
  relPath: string;
  rawText: string;
  contentHash: string;
  sidecar?: Sidecar;
}

/**
 * Normalises and parses one loaded file into a document with metadata, articles and sections;
 * titles and headings are capped, and a file with neither structure nor provenance is flagged.
 */
export function parseDocument(input: ParseInput): ParsedDocument {
  const doc = capLabels(parseUncapped(input));
  if (lacksProvenance(doc, input.sidecar !== undefined)) doc.meta.unverified = true;
  return doc;
}

function parseUncapped(input: ParseInput): ParsedDocument {
  const { relPath, sidecar } = input;
  let kind = detectKind(relPath, input.rawText);
  const id = documentIdFor(relPath);
  const fileName = path.basename(relPath);

  if (kind === 'briefing') {
    const text = normalizeVietnamese(cleanWebPage(input.rawText));
    const b = parseBriefing(text, fileName);
    const meta: DocumentMeta = {
      id, sourcePath: relPath, kind, docType: 'Báo cáo giao ban', title: b.title, issuer: 'Bộ Thông tin và Truyền thông', status: 'unknown', contentHash: input.contentHash,
      ...(b.meetingDate ? { meetingDate: b.meetingDate, issuedDate: b.meetingDate } : {}), ...(b.period ? { period: b.period } : {}),
    };
    return { meta, text, articles: [], sections: b.sections };
  }

  const text = normalizeVietnamese(input.rawText);
  if (kind === 'judgment' || kind === 'precedent') return parseJudgmentDocument({ id, relPath, text, contentHash: input.contentHash, kind });

  const header = parseOfficialHeader(text);
  // Only a title's worth of the first line is kept (see capLabels); a file without line breaks is all first line.
  const firstLine = text.slice(0, 4000).split('\n').find((l) => l.trim())?.trim() ?? fileName;
  const title = normalizeVietnamese(sidecar?.ten_van_ban ?? (header.number ? titleFromHeader(text) : undefined) ?? firstLine).trim();
  const articles = parseLegalStructure(text);
  if (kind === 'other' && articles.length > 0) kind = 'regulation';
  const docType = docTypeFromTitle(title) ?? header.docType ?? sidecar?.loai_van_ban ?? (kind === 'law' ? 'Luật' : 'Văn bản');
  const meta: DocumentMeta = {
    id, sourcePath: relPath, kind, docType, title,
    status: toStatus(sidecar?.tinh_trang),
    contentHash: input.contentHash,
  };
  const number = sidecar?.so_hieu_van_ban ?? header.number;
  if (number) meta.number = number;
  const issuer = sidecar?.noi_ban_hanh ?? header.issuer;
  if (issuer) meta.issuer = issuer;
  if (sidecar?.nguoi_ky) meta.signer = sidecar.nguoi_ky;
  const issued = toIsoDate(sidecar?.ngay_ban_hanh) ?? header.issuedDate;
  if (issued) meta.issuedDate = issued;
  const effective = toIsoDate(sidecar?.ngay_hieu_luc);
  if (effective) meta.effectiveDate = effective;
  const expiry = toIsoDate(sidecar?.ngay_het_hieu_luc);
  if (expiry) meta.expiryDate = expiry;
  if (sidecar?.tinh_trang) meta.statusText = sidecar.tinh_trang;
  if (sidecar?.linhvuc) meta.field = sidecar.linhvuc;
  return { meta, text, articles, sections: [] };
}

/** `BỘ LUẬT\nHÌNH SỰ` under an official header → `Bộ luật hình sự`. */
function titleFromHeader(text: string): string | undefined {
  const m = text.slice(0, 1500).match(/^(BỘ LUẬT|LUẬT|NGHỊ ĐỊNH|THÔNG TƯ|QUYẾT ĐỊNH|NGHỊ QUYẾT|PHÁP LỆNH)\s*\n([^\n]{2,120})$/mu);
  if (!m) return undefined;
  const t = `${m[1]} ${m[2]}`.toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
