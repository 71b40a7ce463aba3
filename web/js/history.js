// The server takes at most 40 messages of at most 4000 characters in a body of at most 64 KB
// (MAX_BODY_BYTES); Vietnamese text is about 1.3 bytes a character in JSON. Older turns matter least.
const MAX_MESSAGES = 38;
const MAX_CONTENT = 4000;
const BODY_BUDGET = 48 * 1024;

const bytes = (value) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * The newest part of the conversation that fits beside the question in one request: whole
 * question–answer pairs, never a half turn, so follow-up rewriting sees what it expects.
 */
export function trimHistory(history, question) {
  let budget = BODY_BUDGET - bytes({ role: 'user', content: question }) - 1024; // filters, ids, JSON punctuation
  const kept = [];
  for (let i = history.length - 2; i >= 0 && kept.length + 2 <= MAX_MESSAGES; i -= 2) {
    const pair = history.slice(i, i + 2).map((m) => ({ role: m.role, content: m.content.slice(0, MAX_CONTENT) }));
    const size = bytes(pair);
    if (size > budget) break;
    budget -= size;
    kept.unshift(...pair);
  }
  return kept;
}
