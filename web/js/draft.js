import { ApiError, postJson, UNREACHABLE } from './api.js';
import { $, clear, h } from './dom.js';
import { markOffline, markOnline } from './server-status.js';
import { openProvision } from './source-panel.js';

const KIND = { conflict: 'Mâu thuẫn', duplicate: 'Trùng lặp', reference: 'Dẫn chiếu sai' };
const DIFF = { number: 'Số liệu', modality: 'Quyền/nghĩa vụ', authority: 'Cơ quan có thẩm quyền', exception: 'Ngoại lệ' };
const NOT_DEPLOYED = 'Chức năng kiểm tra dự thảo chưa được triển khai trên máy chủ này (máy chủ trả lỗi 404).';

/** Drafting mode: the draft goes to /v1/drafts/check; each flagged provision is shown beside the law in force. */
export function initDraft() {
  $('draft-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('draft-text').value.trim();
    const out = $('draft-results');
    if (!text) {
      clear(out).append(h('p', { class: 'notice notice-warn', role: 'alert' }, 'Vui lòng nhập nội dung dự thảo cần kiểm tra.'));
      $('draft-text').focus();
      return;
    }
    $('draft-submit').disabled = true;
    out.setAttribute('aria-busy', 'true');
    clear(out).append(h('p', { class: 'typing' }, 'Đang đối chiếu dự thảo với các quy định đang có hiệu lực…'));
    try {
      const result = await postJson('/v1/drafts/check', { text });
      markOnline();
      render(out, result);
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'network') markOffline();
      const msg = err instanceof ApiError && err.status === 404 ? NOT_DEPLOYED : err instanceof ApiError && err.kind === 'network' ? UNREACHABLE : err?.message || 'Đã xảy ra lỗi.';
      clear(out).append(h('p', { class: 'notice notice-error', role: 'alert' }, msg));
    } finally {
      $('draft-submit').disabled = false;
      out.removeAttribute('aria-busy');
    }
  });
}

function render(out, result) {
  const flagged = result.provisions.filter((p) => p.findings.length > 0);
  const c = result.counts ?? {};
  clear(out).append(
    h('p', { class: 'draft-summary', role: 'status' },
      `${result.provisions.length} quy định được kiểm tra: ${c.conflict ?? 0} mâu thuẫn, ${c.duplicate ?? 0} trùng lặp, ${c.reference ?? 0} dẫn chiếu sai.`),
    flagged.length === 0
      ? h('p', { class: 'empty' }, 'Không phát hiện mâu thuẫn, trùng lặp hay dẫn chiếu sai so với các văn bản trong kho dữ liệu.')
      : h('ol', { class: 'result-list draft-list' }, flagged.map((p) => provisionView(result.text, p))),
  );
}

function provisionView(text, p) {
  const where = p.article ? `Điều ${p.article}${p.clause ? `, khoản ${p.clause}` : ''} của dự thảo` : 'Quy định của dự thảo';
  return h('li', { class: 'result draft-provision' },
    h('h3', { class: 'draft-where' }, where),
    p.findings.map((f) => findingView(text, p, f)));
}

/** One finding: the draft text and the law in force side by side, the differing words marked in both. */
function findingView(text, p, f) {
  const draftMarks = f.differences.filter((d) => d.draft).map((d) => ({ start: d.draft.start, end: d.draft.end, type: d.type }));
  if (f.kind === 'reference') draftMarks.push({ start: f.draftSpan.start, end: f.draftSpan.end, type: 'reference' });
  const draftCol = h('div', { class: 'side side-draft' },
    h('p', { class: 'side-title' }, 'Dự thảo'),
    marked(text.slice(p.start, p.end), draftMarks, p.start));
  const lawCol = f.lawSpan
    ? h('div', { class: 'side side-law' },
      h('p', { class: 'side-title' }, `Quy định hiện hành: ${f.label}`),
      marked(f.lawSpan.text, f.differences.filter((d) => d.law).map((d) => ({ start: d.law.start, end: d.law.end, type: d.type })), f.lawSpan.start),
      f.documentId && f.article && h('button', { type: 'button', class: 'btn btn-link', onclick: (e) => openProvision({ documentId: f.documentId, article: f.article }, e.currentTarget) }, 'Xem toàn văn điều luật'))
    : null;
  return h('div', { class: `finding finding-${f.kind}`, dataset: { kind: f.kind } },
    h('p', { class: 'finding-head' }, h('span', { class: `badge badge-${f.kind}` }, KIND[f.kind] ?? f.kind), ' ', f.reason),
    f.differences.length > 0 && h('ul', { class: 'diff-list' }, f.differences.map((d) => h('li', {}, h('strong', {}, `${DIFF[d.type] ?? d.type}: `), d.detail))),
    h('div', { class: lawCol ? 'side-by-side' : 'side-single' }, draftCol, lawCol),
    f.amendments?.length > 0 && h('p', { class: 'amend-note' }, `Lưu ý: ${f.amendments.map((a) => a.text).join('; ')}.`));
}

/** Text with the given absolute spans (offsets from `base`) wrapped in <mark>, never as HTML. */
function marked(str, marks, base) {
  const el = h('p', { class: 'side-text', lang: 'vi' });
  const spans = marks.map((m) => ({ ...m, start: m.start - base, end: m.end - base })).filter((m) => m.start >= 0 && m.end <= str.length && m.end > m.start).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const m of spans) {
    if (m.start < at) continue;
    el.append(str.slice(at, m.start), h('mark', { class: `diff diff-${m.type}`, title: DIFF[m.type] ?? 'Dẫn chiếu' }, str.slice(m.start, m.end)));
    at = m.end;
  }
  el.append(str.slice(at));
  return el;
}
