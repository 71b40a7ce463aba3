import { streamChat } from './api.js';
import { $, clear } from './dom.js';
import { readFilters } from './filters.js';
import { closePanel } from './source-panel.js';
import { followBottom } from './scroll.js';
import { createTurn } from './turn-view.js';
import { markOffline, markOnline } from './server-status.js';

// The API takes at most 40 messages of at most 4000 characters; older turns matter least.
const MAX_HISTORY = 38;
const MAX_CONTENT = 4000;

let history = [];
let current = null; // AbortController of the answer being streamed

export function initChat() {
  const form = $('chat-form');
  const input = $('question');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q || current) return;
    input.value = '';
    ask(q);
  });
  input.addEventListener('keydown', (e) => {
    // isComposing: Vietnamese IMEs (Telex, VNI) use Enter to commit a word; that must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  $('stop').addEventListener('click', () => current?.abort());
  // The composer sticks to the bottom of the screen; tell scrolling about its height so revealed or
  // focused content (a new answer, the rating's confirmation) is never left underneath it.
  new ResizeObserver(() => {
    document.documentElement.style.scrollPaddingBottom = `${form.offsetHeight + 8}px`;
  }).observe(form);
  $('new-conversation').addEventListener('click', newConversation);
}

export function newConversation() {
  current?.abort();
  current = null;
  setBusy(false);
  history = [];
  const log = $('conversation');
  const empty = $('empty-state');
  clear(log).append(empty);
  empty.hidden = false;
  closePanel();
  $('question').focus();
}

async function ask(question) {
  $('empty-state').hidden = true;
  const turn = createTurn(question);
  followBottom(() => $('conversation').append(turn.el), true);

  const filters = readFilters();
  const messages = [...history.slice(-MAX_HISTORY), { role: 'user', content: question }];
  const controller = new AbortController();
  current = controller;
  setBusy(true);
  try {
    const result = await streamChat({ messages, ...(filters ? { filters } : {}) }, { onDelta: turn.onDelta, signal: controller.signal });
    turn.finish(result, { filtered: Boolean(filters) });
    markOnline();
    // Only completed turns of this conversation join the history ("new conversation" clears `current`),
    // so a failed or abandoned turn never confuses the follow-up rewriting.
    if (current === controller) history.push({ role: 'user', content: question }, { role: 'assistant', content: result.answer.slice(0, MAX_CONTENT) });
  } catch (err) {
    if (err.kind === 'network') markOffline();
    const retry = err.kind === 'aborted' ? null : (e) => {
      e.currentTarget.closest('.turn')?.remove();
      if (!current) ask(question);
    };
    turn.fail(err, retry);
  } finally {
    if (current === controller) {
      current = null;
      setBusy(false);
    }
  }
}

function setBusy(busy) {
  $('send').disabled = busy;
  $('stop').hidden = !busy;
  $('send').hidden = busy;
  if (!busy && document.activeElement === document.body) $('question').focus();
}
