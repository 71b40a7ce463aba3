import { ApiError, postJson, UNREACHABLE } from './api.js';
import { $, clear, h } from './dom.js';
import { viDate } from './format.js';
import { markOffline, markOnline } from './server-status.js';
import { openJudgment, openProvision } from './source-panel.js';

const NOT_DEPLOYED = 'Chức năng tra cứu vụ việc cho thẩm phán chưa được triển khai trên máy chủ này (máy chủ trả lỗi 404). Vui lòng liên hệ quản trị viên hệ thống.';

/** Judge mode: a fact pattern goes to both case endpoints; each result list renders (or fails) on its own. */
export function initJudge() {
  const form = $('judge-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const facts = $('facts').value.trim();
    const out = $('judge-results');
    if (!facts) {
      clear(out).append(h('p', { class: 'notice notice-warn', role: 'alert' }, 'Vui lòng nhập tóm tắt tình tiết vụ việc.'));
      $('facts').focus();
      return;
    }
    $('judge-submit').disabled = true;
    out.setAttribute('aria-busy', 'true');
    clear(out).append(h('p', { class: 'typing' }, 'Đang tìm bản án tương tự và điều luật áp dụng…'));
    const [cases, provisions] = await Promise.allSettled([
      postJson('/v1/cases/search', { facts, k: 5 }),
      postJson('/v1/cases/provisions', { facts, k: 8 }),
    ]);
    $('judge-submit').disabled = false;
    out.removeAttribute('aria-busy');
    const failures = [cases, provisions].filter((r) => r.status === 'rejected').map((r) => r.reason);
    if (failures.some((f) => f?.kind === 'network')) markOffline();
    else markOnline();
    // Both missing means the feature is not deployed; say that once instead of two identical errors.
    if (failures.length === 2 && failures.every((f) => f?.status === 404)) {
      clear(out).append(h('div', { class: 'notice notice-warn', role: 'alert' }, NOT_DEPLOYED));
      return;
    }
    clear(out).append(
      section('Bản án có tình tiết tương tự', cases, (b) => judgmentList(b.results ?? [])),
      section('Điều luật có thể áp dụng', provisions, (b) => provisionList(b.provisions ?? [])),
    );
  });
}

function section(title, settled, render) {
  const body = settled.status === 'fulfilled' ? render(settled.value) : h('p', { class: 'notice notice-error', role: 'alert' }, errorText(settled.reason));
  return h('section', { class: 'judge-section' }, h('h3', {}, title), body);
}

function errorText(err) {
  if (err instanceof ApiError && err.status === 404) return NOT_DEPLOYED;
  if (err instanceof ApiError && err.kind === 'network') return UNREACHABLE;
  return err?.message || 'Đã xảy ra lỗi.';
}

function judgmentList(results) {
  if (!results.length) return h('p', { class: 'empty' }, 'Không tìm thấy bản án có tình tiết tương tự.');
  return h('ol', { class: 'result-list' }, results.map((j) => {
    const meta = [j.court, j.date && `ngày ${viDate(j.date)}`].filter(Boolean).join(' · ');
    return h('li', { class: 'result' },
      h('h4', {}, j.number ? `Bản án số ${j.number}` : j.documentId),
      meta && h('p', { class: 'result-meta' }, meta),
      j.outcome && h('p', {}, h('strong', {}, 'Kết quả: '), outcomeLabel(j.outcome)),
      j.excerpt && h('blockquote', {}, j.excerpt),
      (j.provisions?.length ?? 0) > 0 && h('p', { class: 'chips' }, h('span', {}, 'Điều luật được áp dụng: '),
        j.provisions.map((p) => p.documentId && p.article
          ? h('button', { type: 'button', class: 'chip', onclick: (e) => openProvision(p, e.currentTarget) }, p.label)
          : h('span', { class: 'chip chip-static' }, p.label))),
      h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: (e) => openJudgment(j, e.currentTarget) }, 'Xem toàn văn bản án'));
  }));
}

/** The case index reports outcomes in lower case (`chấp nhận một phần`) or `unknown` when the decision is unclear. */
function outcomeLabel(o) {
  if (o === 'unknown') return 'Chưa xác định được từ phần quyết định';
  return o.charAt(0).toUpperCase() + o.slice(1);
}

function provisionList(provisions) {
  if (!provisions.length) return h('p', { class: 'empty' }, 'Không xác định được điều luật phù hợp.');
  return h('ol', { class: 'result-list' }, provisions.map((p) => {
    const judgments = p.evidence?.judgments ?? [];
    const text = String(p.text ?? '');
    return h('li', { class: 'result' },
      h('h4', {}, h('button', { type: 'button', class: 'link-button', onclick: (e) => openProvision(p, e.currentTarget) }, p.label)),
      typeof p.score === 'number' && h('p', { class: 'result-meta' }, `Điểm phù hợp: ${p.score.toFixed(2)}`),
      text && h('p', { class: 'excerpt' }, text.length > 320 ? `${text.slice(0, 320)}…` : text),
      judgments.length > 0 && h('p', { class: 'result-meta' }, `Căn cứ: được áp dụng trong ${judgments.length} bản án tương tự (${judgments.map((j) => j.number || j.documentId).join(', ')})`));
  }));
}
