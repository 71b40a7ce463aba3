import { createSseParser } from './sse.js';

/**
 * One error type for every way a call can fail, so views pick a Vietnamese message by `kind`:
 * `network` (server unreachable), `http` (the API answered with an error), `stream` (the answer
 * stream broke off), `aborted` (the user stopped it).
 */
export class ApiError extends Error {
  constructor(kind, message, status = 0) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

export const UNREACHABLE = 'Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng hoặc thử lại sau ít phút.';

async function send(url, init) {
  let res;
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}), ...init?.headers } });
  } catch (err) {
    if (err?.name === 'AbortError') throw new ApiError('aborted', 'Đã dừng.');
    throw new ApiError('network', UNREACHABLE);
  }
  if (!res.ok) throw await httpError(res);
  return res;
}

/** The API's bilingual error body gives `message_vi`; proxies in between may send HTML instead. */
async function httpError(res) {
  let message = `Máy chủ trả lỗi ${res.status}.`;
  try {
    const body = await res.json();
    if (body?.error?.message_vi) message = `${body.error.message_vi} (mã lỗi ${res.status}).`;
  } catch {
    // not JSON: keep the generic message
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) message = `Máy chủ tạm thời không phản hồi (mã lỗi ${res.status}). Vui lòng thử lại sau.`;
  return new ApiError('http', message, res.status);
}

export async function getJson(url, signal) {
  return (await send(url, { signal })).json();
}

export async function postJson(url, body, signal) {
  return (await send(url, { method: 'POST', body: JSON.stringify(body), signal })).json();
}

/**
 * POST /v1/chat with `stream: true`: calls `onDelta(text)` for each piece and resolves with the
 * `done` payload (the authoritative answer and its citations).
 */
export async function streamChat(body, { onDelta, signal }) {
  const res = await send('/v1/chat', { method: 'POST', body: JSON.stringify({ ...body, stream: true }), signal, headers: { Accept: 'text/event-stream' } });
  let done = null;
  let failure = null;
  const parser = createSseParser((event, data) => {
    let payload;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // a torn or foreign event: ignore rather than abort the answer
    }
    if (event === 'delta' && typeof payload.text === 'string') onDelta(payload.text);
    else if (event === 'done') done = payload;
    else if (event === 'error') failure = new ApiError('http', payload.message_vi || 'Lỗi máy chủ khi tạo câu trả lời.');
  });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      parser.push(value);
    }
    parser.end();
  } catch (err) {
    if (signal?.aborted) throw new ApiError('aborted', 'Đã dừng.');
    throw new ApiError('stream', 'Mất kết nối với máy chủ trong khi nhận câu trả lời. Vui lòng thử lại.');
  }
  if (failure) throw failure;
  if (!done) throw new ApiError('stream', 'Máy chủ ngắt kết nối trước khi gửi xong câu trả lời. Vui lòng thử lại.');
  return done;
}
