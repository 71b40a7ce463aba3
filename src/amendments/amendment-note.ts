import type { AmendmentAction, AmendmentEdge } from './amendment-edge.js';
import type { ProvisionRef } from './amendment-graph.js';

const VERB: Record<AmendmentAction, string> = {
  amend: 'được sửa đổi, bổ sung',
  add: 'được bổ sung',
  repeal: 'bị bãi bỏ',
  replace_phrase: 'được thay thế cụm từ',
  remove_phrase: 'được bỏ cụm từ',
  replace_document: 'được thay thế',
  change: 'được sửa đổi, bổ sung hoặc bãi bỏ một phần',
};

/** `điểm b khoản 3 Điều 191`; empty when no unit is named. */
export function unitLabel(u: { article?: string; clause?: string; point?: string }): string {
  return [u.point && `điểm ${u.point}`, u.clause && `khoản ${u.clause}`, u.article && `Điều ${u.article}`].filter(Boolean).join(' ');
}

/** `khoản 2 Điều 78 Luật Bảo vệ quyền lợi người tiêu dùng (19/2023/QH15)`: who made the change. */
export function sourceLabel(e: AmendmentEdge): string {
  const unit = unitLabel(e.source);
  const doc = e.source.number && !e.source.title.includes(e.source.number) ? `${e.source.title} (${e.source.number})` : e.source.title;
  return unit ? `${unit} ${doc}` : doc;
}

/** How an amendment is shown beside a citation of its target. */
export interface AmendmentNote {
  action: AmendmentAction;
  /** `Khoản 1 Điều 317 đã được sửa đổi, bổ sung bởi khoản 2 Điều 78 Luật Bảo vệ quyền lợi người tiêu dùng (19/2023/QH15), có hiệu lực từ 2024-07-01`. */
  text: string;
  target: string;
  by: string;
  byDocumentId: string | null;
  byArticle: string | null;
  number: string | null;
  effectiveDate: string | null;
  /** The new wording, when the amending text gives it. */
  newText: string | null;
  oldPhrase: string | null;
  newPhrase: string | null;
}

/** The note a citation of the target shows: "đã được sửa đổi bởi …" with the new wording. */
export function amendmentNote(e: AmendmentEdge): AmendmentNote {
  const target = unitLabel(e.target) || e.target.title;
  const phrase = e.oldPhrase ? ` “${e.oldPhrase}”${e.newPhrase ? ` bằng “${e.newPhrase}”` : ''}` : '';
  const when = e.effectiveDate ? `, có hiệu lực từ ${e.effectiveDate}` : '';
  const head = target.charAt(0).toUpperCase() + target.slice(1);
  return {
    action: e.action,
    text: `${head} đã ${VERB[e.action]}${phrase} bởi ${sourceLabel(e)}${when}`,
    target,
    by: sourceLabel(e),
    byDocumentId: e.source.documentId ?? null,
    byArticle: e.source.article ?? null,
    number: e.source.number ?? null,
    effectiveDate: e.effectiveDate ?? null,
    newText: e.newText ?? null,
    oldPhrase: e.oldPhrase ?? null,
    newPhrase: e.newPhrase ?? null,
  };
}

/**
 * Notes for every change in effect on `asOf` to the article a citation or hit points at: a
 * reader of khoản 2 needs to know that khoản 1 of the same article was rewritten too.
 */
export function notesFor(graph: { changesTo(p: ProvisionRef, asOf?: string, opts?: { wholeArticle?: boolean }): AmendmentEdge[] }, p: ProvisionRef, asOf?: string): AmendmentNote[] {
  return graph.changesTo(p, asOf, { wholeArticle: true }).map(amendmentNote);
}
