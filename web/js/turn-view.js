import { citeButton, renderAnswerText } from './answer-text.js';
import { h } from './dom.js';
import { feedbackWidget } from './feedback.js';
import { openCitation } from './source-panel.js';
import { followBottom } from './scroll.js';
import { amendmentNotes } from './amendment-notes.js';

const MODE_LABEL = { extractive: 'Trích xuất từ văn bản', llm: 'Mô hình ngôn ngữ, có kiểm tra trích dẫn', 'extractive-fallback': 'Dự phòng: trích xuất từ văn bản' };

/** One question and its answer: streams in, then gets notices, the source list and a rating form. */
export function createTurn(question) {
  const answerText = h('div', { class: 'answer-text' }, h('p', { class: 'typing' }, 'Đang tìm căn cứ và soạn câu trả lời…'));
  const notices = h('div', { class: 'notices' });
  const extras = h('div', { class: 'answer-extras' });
  const assistant = h('div', { class: 'msg msg-assistant', 'aria-busy': 'true' },
    h('p', { class: 'who' }, 'Trợ lý'), notices, answerText, extras);
  const el = h('article', { class: 'turn', 'aria-label': `Câu hỏi: ${question}` },
    h('div', { class: 'msg msg-user' }, h('p', { class: 'who' }, 'Bạn'), h('p', { class: 'user-text' }, question)),
    assistant);

  let streamed = '';
  let frame = 0;
  return {
    el,
    onDelta(text) {
      streamed += text;
      // Re-render at most once a frame: deltas can arrive faster than layout is worth doing.
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        followBottom(() => renderAnswerText(answerText, streamed, null, () => {}));
      });
    },
    /** The `done` payload is authoritative: it replaces whatever was streamed (the LLM path may drop markers). */
    finish(result, { filtered }) {
      cancelAnimationFrame(frame);
      frame = 0;
      followBottom(() => update(result, filtered));
    },
    fail(err, retry) {
      cancelAnimationFrame(frame);
      frame = 0;
      followBottom(() => showFailure(err, retry));
    },
  };

  function update(result, filtered) {
    renderAnswerText(answerText, result.answer, result.citations, openCitation);
    notices.replaceChildren(...noticesFor(result, question, filtered));
    extras.replaceChildren(
      result.citations.length ? sourceList(result.citations) : '',
      h('p', { class: 'mode-badge' }, `Chế độ trả lời: ${MODE_LABEL[result.mode] ?? result.mode}`),
      feedbackWidget({ question, result }),
    );
    assistant.dataset.state = result.refused ? 'refused' : result.outcome === 'suggest' ? 'suggest' : 'done';
    assistant.setAttribute('aria-busy', 'false');
  }

  function showFailure(err, retry) {
    if (!streamed) answerText.replaceChildren();
    const stopped = err.kind === 'aborted';
    notices.replaceChildren(
      h('div', { class: `notice ${stopped ? 'notice-info' : 'notice-error'}`, role: stopped ? 'status' : 'alert' },
        h('p', {}, stopped ? 'Bạn đã dừng câu trả lời này.' : err.message),
        retry && h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: retry }, 'Thử lại')),
    );
    assistant.dataset.state = stopped ? 'stopped' : 'error';
    assistant.setAttribute('aria-busy', 'false');
  }
}

function noticesFor(result, question, filtered) {
  const out = [];
  // "Gợi ý": not sure which provision the question means; each button asks again about one of them.
  if (result.outcome === 'suggest' && result.suggestions?.length) {
    out.push(h('div', { class: 'notice notice-suggest', role: 'status' },
      h('p', {}, h('strong', {}, 'Chưa chắc chắn. '), 'Trợ lý chưa đủ căn cứ để trả lời ngay. Bạn muốn hỏi về quy định nào?'),
      h('div', { class: 'suggestions' }, result.suggestions.map((s) =>
        h('button', { type: 'button', class: 'btn btn-secondary btn-small suggestion', onclick: () => askAgain(`${s.label}: ${question}`) },
          s.title ? `${s.label} — ${s.title}` : s.label)))));
  }
  if (result.refused) {
    out.push(h('div', { class: 'notice notice-refused', role: 'status' },
      h('p', {}, h('strong', {}, 'Không có căn cứ để trả lời. '), 'Trợ lý không tìm thấy văn bản nào trong kho dữ liệu đủ cơ sở cho câu hỏi này nên không đưa ra câu trả lời.'),
      h('p', {}, filtered ? 'Bộ lọc đang bật có thể đã loại các văn bản liên quan; hãy thử bỏ bớt bộ lọc.' : 'Hãy diễn đạt lại câu hỏi hoặc nêu rõ tên văn bản, điều khoản cần tra cứu.')));
  }
  if (result.mode === 'extractive-fallback') {
    out.push(h('div', { class: 'notice notice-warn', role: 'status' },
      h('p', {}, h('strong', {}, 'Chế độ dự phòng. '), 'Mô hình ngôn ngữ tạm thời không dùng được; câu trả lời dưới đây được trích nguyên văn từ tài liệu, có thể kém mạch lạc hơn bình thường.')));
  }
  if (result.warnings?.length) {
    out.push(h('div', { class: 'notice notice-warn' }, h('p', {}, h('strong', {}, 'Lưu ý:')), h('ul', {}, result.warnings.map((w) => h('li', {}, w)))));
  }
  // Follow-ups are rewritten into a standalone question; show it so the user can see what was searched.
  if (result.question && result.question.trim() !== question.trim()) {
    out.push(h('p', { class: 'rewritten' }, 'Câu hỏi được hiểu là: ', h('q', {}, result.question)));
  }
  return out;
}

function sourceList(citations) {
  return h('div', { class: 'sources' },
    h('p', { class: 'sources-title' }, 'Nguồn trích dẫn'),
    h('ol', { class: 'source-list' },
      citations.map((c) => h('li', {}, citeButton(c, openCitation, `[${c.n}] ${c.label}`), amendmentNotes(c.amendments)))));
}

/** Asks a new question in the conversation (the chat listens for it). */
function askAgain(text) {
  document.dispatchEvent(new CustomEvent('ask-again', { detail: text }));
}
