import { getJson, postJson } from './api.js';

/** The thread this page writes to, kept in the address (`/?c=<id>`) so the link reopens it. */
const PARAM = 'c';

export function linkedConversationId() {
  const id = new URL(location.href).searchParams.get(PARAM);
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}

function setLink(id) {
  const url = new URL(location.href);
  if (id) url.searchParams.set(PARAM, id);
  else url.searchParams.delete(PARAM);
  history.replaceState(null, '', url);
}

/** Starts a server-side thread and puts it in the address; null when the server cannot (the chat still works). */
export async function startConversation() {
  try {
    const { id } = await postJson('/v1/conversations', {});
    setLink(id);
    return id;
  } catch {
    return null;
  }
}

export function forgetConversation() {
  setLink(null);
}

/** The stored thread of the link, or null (unknown id: the link is dropped). */
export async function loadConversation(id) {
  try {
    return await getJson(`/v1/conversations/${encodeURIComponent(id)}`);
  } catch (err) {
    if (err.status === 404) forgetConversation();
    return null;
  }
}
