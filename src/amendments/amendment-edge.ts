/** What an amending provision does to its target. */
export type AmendmentAction =
  /** `Sửa đổi, bổ sung khoản 4 Điều 44 …`: new wording for an existing unit. */
  | 'amend'
  /** `Bổ sung khoản 5 vào sau khoản 4 …`: a new unit. */
  | 'add'
  /** `Bãi bỏ khoản 3 Điều 19 …`. */
  | 'repeal'
  /** `Thay thế cụm từ “A” bằng cụm từ “B” tại …`. */
  | 'replace_phrase'
  /** `Bỏ cụm từ “A” tại …`. */
  | 'remove_phrase'
  /** `Luật … số 45/2013/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực`: the whole document is replaced. */
  | 'replace_document'
  /** From the registry: changed by that document (amended, supplemented or partly repealed), wording not in the corpus. */
  | 'change';

/** A unit of a document named on either end of an edge: the document (in the corpus or not) and, when named, its article, clause and point. */
export interface DocumentUnit {
  /** The corpus document, when the document is in the corpus. */
  documentId?: string;
  /** The name as written (`Bộ luật Tố tụng dân sự`). */
  title: string;
  number?: string;
  article?: string;
  clause?: string;
  point?: string;
}

/** The amending provision: a corpus document, or (registry edges) a document outside the corpus. */
export interface AmendmentSource extends DocumentUnit {
  /** Offsets of the instruction (and its new text) in the source document's text. */
  start: number;
  end: number;
}

/** What is amended. */
export interface AmendmentTarget extends DocumentUnit {
  /** The location as written when it is not an article (`Phụ lục IV`, `mục 192 thuộc Phụ lục IV`). */
  locationText?: string;
}

/** One edge of the amendment graph: amending provision → target document and unit. */
export interface AmendmentEdge {
  action: AmendmentAction;
  source: AmendmentSource;
  target: AmendmentTarget;
  /** New wording (`amend`, `add`), quoted from the amending text. */
  newText?: string;
  /** `replace_phrase` / `remove_phrase`. */
  oldPhrase?: string;
  newPhrase?: string;
  /** When the change takes effect: the amending document's effective date. */
  effectiveDate?: string;
  /** `text` when parsed from a corpus document, `registry` when recorded in the reviewed registry. */
  origin: 'text' | 'registry';
}
