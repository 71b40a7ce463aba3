/** Vietnamese labels for the API's codes and ISO dates. */

const STATUS = {
  in_force: 'Còn hiệu lực',
  expired: 'Hết hiệu lực',
  partly_expired: 'Hết hiệu lực một phần',
  not_yet_in_force: 'Chưa có hiệu lực',
  unknown: 'Chưa rõ',
};

const KIND = {
  law: 'Luật',
  code: 'Bộ luật',
  judgment: 'Bản án',
  precedent: 'Án lệ',
  briefing: 'Báo cáo giao ban',
  regulation: 'Văn bản quy phạm',
  other: 'Văn bản khác',
};

/** `2023-12-29` → `29/12/2023`; anything else is shown as written. */
export function viDate(iso) {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso);
}

/** The status as the source writes it when known, else our label for the code. */
export function statusLabel(doc) {
  return doc.statusText || STATUS[doc.status] || STATUS.unknown;
}

export const kindLabel = (kind) => KIND[kind] || kind;

export const MISSING = 'Không có thông tin';
