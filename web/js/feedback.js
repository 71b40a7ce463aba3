import { ApiError, postJson } from './api.js';
import { h } from './dom.js';

let seq = 0;

/** "Was this helpful?" with an optional comment, posted to /v1/feedback with the answer it rates. */
export function feedbackWidget({ question, result }) {
  const id = `fb-${++seq}`;
  let rating = null;
  const status = h('p', { class: 'feedback-status', role: 'status' });
  const comment = h('textarea', { id: `${id}-comment`, rows: '2', maxlength: '2000', placeholder: 'Ví dụ: trích dẫn chưa đúng điều khoản…' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-small', disabled: true }, 'Gửi đánh giá');
  const choice = (value, text) =>
    h('button', {
      type: 'button', class: 'btn btn-choice btn-small', 'aria-pressed': 'false', dataset: { rating: value },
      onclick: (e) => {
        rating = value;
        for (const b of form.querySelectorAll('[data-rating]')) b.setAttribute('aria-pressed', String(b === e.currentTarget));
        submit.disabled = false;
        extra.hidden = false;
      },
    }, text);
  const extra = h('div', { class: 'feedback-extra', hidden: true },
    h('label', { for: `${id}-comment` }, 'Góp ý thêm (không bắt buộc)'), comment, submit);
  const form = h('form', { class: 'feedback', 'aria-labelledby': `${id}-q` },
    h('div', { class: 'feedback-row' },
      h('span', { id: `${id}-q`, class: 'feedback-q' }, 'Câu trả lời này có hữu ích không?'),
      choice('helpful', 'Hữu ích'), choice('not_helpful', 'Không hữu ích')),
    extra, status);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!rating) return;
    submit.disabled = true;
    status.className = 'feedback-status';
    status.textContent = 'Đang gửi đánh giá…';
    const body = {
      rating, question: question.slice(0, 4000), answer: result.answer.slice(0, 20000),
      citations: result.citations.slice(0, 50).map((c) => c.label.slice(0, 500)), mode: result.mode,
    };
    const text = comment.value.trim();
    if (text) body.comment = text;
    try {
      await postJson('/v1/feedback', body);
      // One rating per answer: lock the controls so a double click does not store two.
      for (const el of form.querySelectorAll('button, textarea')) el.disabled = true;
      status.textContent = 'Cảm ơn bạn đã đánh giá! Ý kiến đã được ghi nhận.';
      status.classList.add('ok');
      status.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    } catch (err) {
      submit.disabled = false;
      status.textContent = `Chưa gửi được đánh giá. ${err instanceof ApiError ? err.message : ''}`;
      status.classList.add('error');
    }
  });
  return form;
}
