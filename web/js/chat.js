import { streamChat } from './api.js';
import { forgetConversation, linkedConversationId, loadConversation, startConversation } from './conversation-link.js';
import { $, clear } from './dom.js';
import { readFilters } from './filters.js';
import { trimHistory } from './history.js';
import { closePanel } from './source-panel.js';
import { followBottom } from './scroll.js';
import { createTurn } from './turn-view.js';
import { markOffline, markOnline } from './server-status.js';

let history = [];
let current = null; // AbortController of the answer being streamed
let conversationId = null; // the server-side thread this page appends to

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
  // A "gợi ý" button asks again about the provision it names.
  document.addEventListener('ask-again', (e) => {
    if (!current && typeof e.detail === 'string') ask(e.detail);
  });
  const linked = linkedConversationId();
  if (linked) reopen(linked);
}

/** Shows a stored conversation from its link and carries on from it. */
async function reopen(id) {
  const stored = await loadConversation(id);
  if (!stored) return;
  conversationId = id;
  const messages = stored.messages;
  for (let i = 0; i + 1 < messages.length; i += 2) {
    const [q, a] = [messages[i], messages[i + 1]];
    if (q.role !== 'user' || a.role !== 'assistant' || !a.answer) continue;
    $('empty-state').hidden = true;
    const turn = createTurn(q.content);
    $('conversation').append(turn.el);
    turn.finish(a.answer, { filtered: false });
    history.push({ role: 'user', content: q.content }, { role: 'assistant', content: a.content });
  }
  followBottom(() => {}, true);
}

export function newConversation() {
  current?.abort();
  current = null;
  setBusy(false);
  history = [];
  conversationId = null;
  forgetConversation();
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
  const messages = [...trimHistory(history, question), { role: 'user', content: question }];
  const controller = new AbortController();
  current = controller;
  setBusy(true);
  try {
    conversationId ??= await startConversation();
    const thread = conversationId ? { conversationId } : {};
    const result = await streamChat({ messages, ...(filters ? { filters } : {}), ...thread }, { onDelta: turn.onDelta, signal: controller.signal });
    turn.finish(result, { filtered: Boolean(filters) });
    markOnline();
    // Only completed turns of this conversation join the history ("new conversation" clears `current`),
    // so a failed or abandoned turn never confuses the follow-up rewriting.
    if (current === controller) history.push({ role: 'user', content: question }, { role: 'assistant', content: result.answer });
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
