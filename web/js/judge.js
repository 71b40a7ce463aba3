import { ApiError, postJson, UNREACHABLE } from './api.js';
import { $, append, clear, h } from './dom.js';
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
    clear(out).append(h('p', { class: 'typing' }, 'Đang xác định loại vụ án, điều luật áp dụng và bản án tương tự…'));
    const [cases, provisions] = await Promise.allSettled([
      postJson('/v1/cases/search', { facts, k: 5 }),
      postJson('/v1/cases/provisions', { facts, k: 10 }),
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
    const advice = provisions.status === 'fulfilled' ? provisions.value : null;
    const criminal = advice?.caseType?.family === 'criminal';
    append(clear(out), [
      advice?.caseType ? caseTypeBlock(advice) : null,
      advice?.caseType ? adviceSections(advice) : section('Điều luật có thể áp dụng', provisions, (b) => provisionList(b.provisions ?? [])),
      // A criminal case has no similar judgments in the corpus; the notes above say so.
      criminal ? null : section('Bản án có tình tiết tương tự', cases, (b) => [tendencyBlock(b.tendency), judgmentList(b.results ?? [])]),
    ]);
  });
}

function caseTypeBlock(advice) {
  const t = advice.caseType;
  return h('section', { class: 'judge-section case-type', 'aria-label': 'Loại vụ án' },
    h('p', { class: 'notice notice-info' }, h('strong', {}, `Loại vụ án: ${t.type}. `), t.reason),
    ...(advice.notes ?? []).map((n) => h('p', { class: 'notice notice-warn' }, n)));
}

/** The lists of a `/v1/cases/provisions` answer, each under its own heading, empty ones left out. */
function adviceSections(a) {
  const lists = [
    ['Tội danh và khung hình phạt', a.offenses],
    ['Phần chung Bộ luật hình sự áp dụng kèm theo', a.general],
    ['Luật nội dung', a.substantive],
    ['Thủ tục tố tụng, án phí', a.procedural],
  ];
  const out = lists.filter(([, items]) => items?.length).map(([title, items]) => h('section', { class: 'judge-section' }, h('h3', {}, title), provisionList(items)));
  if (a.alternatives?.length) {
    out.push(h('section', { class: 'judge-section' }, h('h3', {}, 'Tội danh khác cần cân nhắc'),
      h('p', { class: 'chips' }, a.alternatives.map((x) => h('button', { type: 'button', class: 'chip', onclick: (e) => openProvision(x, e.currentTarget) }, `${x.label} (${x.articleTitle})`)))));
  }
  if (out.length === 0) out.push(h('p', { class: 'empty' }, 'Không xác định được điều luật phù hợp.'));
  return out;
}

function section(title, settled, render) {
  const body = settled.status === 'fulfilled' ? render(settled.value) : h('p', { class: 'notice notice-error', role: 'alert' }, errorText(settled.reason));
  return h('section', { class: 'judge-section' }, h('h3', {}, title), ...[body].flat());
}

function errorText(err) {
  if (err instanceof ApiError && err.status === 404) return NOT_DEPLOYED;
  if (err instanceof ApiError && err.kind === 'network') return UNREACHABLE;
  return err?.message || 'Đã xảy ra lỗi.';
}

/** `4/5 bản án tương tự nhất …: chấp nhận toàn bộ yêu cầu khởi kiện`, with the caveat that it predicts nothing. */
function tendencyBlock(t) {
  if (!t) return null;
  return h('div', { class: 'notice notice-info tendency' },
    h('p', {}, h('strong', {}, 'Xu hướng giải quyết: '), t.summary),
    h('p', { class: 'result-meta' }, t.caveat));
}

function judgmentList(results) {
  if (!results.length) return h('p', { class: 'empty' }, 'Không tìm thấy bản án có tình tiết tương tự.');
  return h('ol', { class: 'result-list' }, results.map((j) => {
    const meta = [j.court, j.date && `ngày ${viDate(j.date)}`].filter(Boolean).join(' · ');
    return h('li', { class: 'result' },
      h('h4', {}, j.number ? `Bản án số ${j.number}` : j.documentId),
      meta && h('p', { class: 'result-meta' }, meta),
      j.outcome && h('p', {}, h('strong', {}, 'Kết quả: '), outcomeLabel(j.outcome)),
      j.sharedFacts?.length > 0 && h('p', { class: 'chips' }, h('span', {}, 'Tình tiết giống: '), j.sharedFacts.map((f) => h('span', { class: 'chip chip-static' }, f))),
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

/** One reason: what the facts show, the rule it meets, and the words of the description. */
function reasonItem(r) {
  return h('li', {}, r.finding, r.rule && !r.finding.includes(r.rule) ? h('span', { class: 'result-meta' }, ` — ${r.rule}`) : null,
    r.quote ? h('q', { class: 'reason-quote' }, r.quote) : null);
}

function provisionList(provisions) {
  if (!provisions.length) return h('p', { class: 'empty' }, 'Không xác định được điều luật phù hợp.');
  return h('ol', { class: 'result-list' }, provisions.map((p) => {
    const judgments = p.evidence?.judgments ?? [];
    const text = String(p.text ?? '');
    return h('li', { class: 'result' },
      h('h4', {}, h('button', { type: 'button', class: 'link-button', onclick: (e) => openProvision(p, e.currentTarget) }, p.label), p.articleTitle ? h('span', { class: 'result-meta' }, ` · ${p.articleTitle}`) : null),
      typeof p.score === 'number' && h('p', { class: 'result-meta' }, `Điểm phù hợp: ${p.score.toFixed(2)}`),
      p.reasons?.length > 0 && h('ul', { class: 'reasons', 'aria-label': 'Lý do' }, p.reasons.map(reasonItem)),
      !p.reasons?.length && text && h('p', { class: 'excerpt' }, text.length > 320 ? `${text.slice(0, 320)}…` : text),
      !p.reasons?.length && judgments.length > 0 && h('p', { class: 'result-meta' }, `Căn cứ: được áp dụng trong ${judgments.length} bản án tương tự (${judgments.map((j) => j.number || j.documentId).join(', ')})`));
  }));
}
