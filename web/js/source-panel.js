import { ApiError, getJson } from './api.js';
import { $, append, clear, h } from './dom.js';
import { MISSING, kindLabel, statusLabel, viDate } from './format.js';
import { amendmentNotes } from './amendment-notes.js';

// Documents do not change while the page is open; re-clicking a citation should be instant.
const cache = new Map();
function load(url) {
  if (!cache.has(url)) cache.set(url, getJson(url).catch((e) => (cache.delete(url), Promise.reject(e))));
  return cache.get(url);
}

const docUrl = (id) => `/v1/documents/${encodeURIComponent(id)}`;
const articleUrl = (id, n) => `${docUrl(id)}/articles/${encodeURIComponent(n)}`;

let trigger = null; // the button that opened the panel gets focus back on close
let token = 0; // only the latest click may render, however the fetches race

export function initSourcePanel() {
  $('close-panel').addEventListener('click', closePanel);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('source-panel').hidden) closePanel();
  });
}

export function closePanel() {
  $('source-panel').hidden = true;
  document.body.classList.remove('panel-open');
  if (trigger?.isConnected) trigger.focus();
  trigger = null;
}

/** A chat citation: its article (or, for briefings and judgments, the whole text) with the quote marked. */
export function openCitation(citation, from) {
  show(from, `Trích dẫn [${citation.n}]`, async () => {
    if (citation.article) {
      const r = await load(articleUrl(citation.documentId, citation.article));
      const base = r.article.start;
      return { doc: r.document, heading: headingFor(r), text: r.article.text, span: [citation.start - base, citation.end - base], caption: citation.label, amendments: citation.amendments };
    }
    const r = await load(docUrl(citation.documentId));
    return { doc: r.document, heading: r.document.title, text: r.text, span: [citation.start, citation.end], caption: citation.label };
  });
}

/** A provision suggested in judge mode: the article, with the clause or points that apply marked when the server names them. */
export function openProvision(p, from) {
  show(from, 'Điều luật', async () => {
    const r = await load(articleUrl(p.documentId, p.article));
    const base = r.article.start;
    const span = p.span ? [p.span.start - base, p.span.end - base] : null;
    return { doc: r.document, heading: headingFor(r), text: r.article.text, span, caption: span ? p.label : null };
  });
}

/** A judgment from judge mode: the full text, with the excerpt marked when it appears verbatim. */
export function openJudgment(j, from) {
  show(from, 'Bản án', async () => {
    const r = await load(docUrl(j.documentId));
    const at = j.excerpt ? r.text.indexOf(j.excerpt.replace(/^…|…$/g, '').trim()) : -1;
    const len = at >= 0 ? j.excerpt.replace(/^…|…$/g, '').trim().length : 0;
    return { doc: r.document, heading: r.document.title, text: r.text, span: at >= 0 ? [at, at + len] : null, caption: null };
  });
}

function headingFor(r) {
  return r.article.title ? `${r.label}. ${r.article.title}` : r.label;
}

async function show(from, kicker, fetchView) {
  const panel = $('source-panel');
  const body = $('source-body');
  const my = ++token;
  trigger = from ?? null;
  panel.hidden = false;
  document.body.classList.add('panel-open');
  $('source-title').textContent = kicker;
  clear(body).append(h('p', { class: 'loading' }, 'Đang tải văn bản…'));
  body.setAttribute('aria-busy', 'true');
  $('source-title').focus();
  try {
    const view = await fetchView();
    if (my !== token) return;
    render(body, view);
    // The body may be scrolled to the quote, past its heading: keep what is shown named in the bar.
    $('source-title').textContent = `${kicker}: ${view.caption || view.heading}`;
  } catch (err) {
    if (my !== token) return;
    const msg = err instanceof ApiError && err.status === 404 ? 'Không tìm thấy văn bản hoặc điều khoản này trong kho dữ liệu.' : err.message || 'Không tải được văn bản.';
    clear(body).append(h('p', { class: 'notice notice-error', role: 'alert' }, msg));
  } finally {
    if (my === token) body.removeAttribute('aria-busy');
  }
}

function render(body, { doc, heading, text, span, caption, amendments }) {
  const mark = span && span[0] >= 0 && span[1] <= text.length && span[1] > span[0];
  const textEl = h('div', { class: 'source-text', lang: 'vi' });
  if (mark) {
    const m = h('mark', { id: 'source-mark' }, text.slice(span[0], span[1]));
    textEl.append(text.slice(0, span[0]), m, text.slice(span[1]));
  } else textEl.append(text);
  append(clear(body), [
    h('h3', { class: 'source-heading' }, heading),
    caption && h('p', { class: 'source-caption' }, 'Đoạn được trích: ', h('strong', {}, caption)),
    metadata(doc),
    amendmentNotes(amendments),
    !mark && span && h('p', { class: 'notice notice-warn' }, 'Không xác định được vị trí đoạn trích trong văn bản.'),
    textEl,
  ]);
  body.scrollTop = 0;
  if (mark) {
    // Keep the heading and metadata in view when the quote fits below them; otherwise scroll the
    // panel itself (not the page) so the quote sits in the upper third.
    const m = body.querySelector('mark');
    if (m.offsetTop + m.offsetHeight > body.clientHeight - 24) body.scrollTop = Math.max(0, m.offsetTop - body.clientHeight / 3);
  }
}

/** `Luật số 52/2019/QH14 (hiệu lực từ 01/07/2020)`. */
function relatedLabel(r) {
  return `${r.docType ?? 'Luật'} số ${r.number}${r.effectiveDate ? ` (hiệu lực từ ${viDate(r.effectiveDate)})` : ''}`;
}

function metadata(doc) {
  const rows = [['Loại văn bản', doc.docType || kindLabel(doc.kind)], ['Số hiệu', doc.number], ['Cơ quan ban hành', doc.issuer]];
  if (doc.kind === 'briefing') rows.push(['Ngày họp', viDate(doc.meetingDate)], ['Kỳ báo cáo', doc.period]);
  else rows.push(['Ngày ban hành', viDate(doc.issuedDate)], ['Ngày có hiệu lực', viDate(doc.effectiveDate)]);
  if (doc.expiryDate) rows.push(['Ngày hết hiệu lực', viDate(doc.expiryDate)]);
  if (doc.kind !== 'briefing' && doc.kind !== 'judgment') rows.push(['Người ký', doc.signer]);
  if (doc.amendedBy?.length) rows.push(['Được sửa đổi, bổ sung bởi', doc.amendedBy.map(relatedLabel).join('; ')]);
  if (doc.replacedBy?.length) rows.push(['Được thay thế bởi', doc.replacedBy.map(relatedLabel).join('; ')]);
  const dl = h('dl', { class: 'doc-meta' });
  for (const [k, v] of rows) dl.append(h('dt', {}, k), h('dd', { class: v ? '' : 'missing' }, v || MISSING));
  dl.append(h('dt', {}, 'Tình trạng hiệu lực'), h('dd', {}, h('span', { class: `status status-${doc.status}` }, statusLabel(doc))));
  return dl;
}
