/** Kinds of source the corpus holds; drives parsing and chunking. */
export type SourceKind = 'law' | 'code' | 'judgment' | 'precedent' | 'briefing' | 'regulation' | 'other';

/** Validity of a legal text as stated by its metadata. */
export type DocumentStatus = 'in_force' | 'expired' | 'partly_expired' | 'not_yet_in_force' | 'unknown';

/** A document that amended or replaced another, as the reviewed registry records it. */
export interface RelatedDocument {
  /** Official number (`52/2019/QH14`). */
  number: string;
  docType?: string;
  title?: string;
  issuedDate?: string;
  effectiveDate?: string;
  /** Articles of the amended document it changed, when the source names them. */
  articles?: string[];
  /** Where the fact was read (the text, a Pháp điển citation). */
  source: string;
}

/** Metadata of one ingested document; every chunk and citation points back here. */
export interface DocumentMeta {
  /** Stable id derived from the file's path inside the corpus, e.g. `laws/luat-vien-chuc`. */
  id: string;
  /** Path relative to the corpus directory. */
  sourcePath: string;
  kind: SourceKind;
  /** Vietnamese document type: Luật, Bộ luật, Hiến pháp, Nghị định, Thông tư, Quyết định, Bản án, Án lệ, Báo cáo giao ban… */
  docType: string;
  title: string;
  /** Official number, e.g. `100/2015/QH13` or `13/2017/DS-ST`. */
  number?: string;
  issuer?: string;
  signer?: string;
  /** ISO dates (YYYY-MM-DD). */
  issuedDate?: string;
  effectiveDate?: string;
  expiryDate?: string;
  status: DocumentStatus;
  /** The status as written in the source (`Còn hiệu lực`). */
  statusText?: string;
  /** Briefings: the meeting date and the period their figures refer to (`Quý III/2023`, `Năm 2023`). */
  meetingDate?: string;
  period?: string;
  /** Field of law from the sidecar (`linhvuc`). */
  field?: string;
  /** From the document registry: documents that amended or replaced this one, and caveats on its facts. */
  amendedBy?: RelatedDocument[];
  replacedBy?: RelatedDocument[];
  registryNotes?: string;
  /**
   * Set when the file shows neither legal structure nor provenance (no articles, number or
   * sidecar): it is searchable but never presented as law without saying so.
   */
  unverified?: boolean;
  /** SHA-256 of the raw file bytes; drives incremental ingestion. */
  contentHash: string;
}

export interface Point {
  /** Letter as written: a, b, c, d, đ, e… */
  letter: string;
  start: number;
  end: number;
}

export interface Clause {
  /** Clause number as written (`1`, `2`, `2a`). */
  number: string;
  start: number;
  end: number;
  points: Point[];
}

/** Where an article sits in the document's hierarchy; labels as written (`Chương XIV`). */
export interface StructurePath {
  part?: string;
  chapter?: string;
  section?: string;
  chapterTitle?: string;
}

export interface Article {
  /** Article number as written (`37`, `10a`). */
  number: string;
  title: string;
  /** Offsets into the normalised document text, from `Điều N.` to the end of the article. */
  start: number;
  end: number;
  /** Offset where the body (after the heading line) starts. */
  bodyStart: number;
  path: StructurePath;
  clauses: Clause[];
}

/** A free-text section (briefing paragraph group, judgment section). */
export interface Section {
  heading: string;
  start: number;
  end: number;
}

/** A document after loading, normalisation and structural parsing. */
export interface ParsedDocument {
  meta: DocumentMeta;
  /** The normalised text; every offset in the document, its articles and chunks points into it. */
  text: string;
  articles: Article[];
  sections: Section[];
}
