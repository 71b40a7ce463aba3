import { $ } from './dom.js';
import { UNREACHABLE } from './api.js';

/** The header's connection line and, while the server is unreachable, a banner above everything. */
export async function checkServer() {
  try {
    const res = await fetch('/healthz', { headers: { Accept: 'application/json' } });
    const body = await res.json();
    if (!res.ok || body.status !== 'ok') throw new Error('not ready');
    const llm = String(body.llm ?? '').startsWith('configured') ? 'có mô hình ngôn ngữ' : 'chế độ trích xuất';
    markOnline(`Đã kết nối · ${Number(body.documents ?? 0).toLocaleString('vi-VN')} văn bản · ${llm}`);
  } catch {
    markOffline();
  }
}

export function markOnline(text) {
  const s = $('server-status');
  if (text) s.textContent = text;
  else if (s.classList.contains('offline')) s.textContent = 'Đã kết nối lại';
  s.classList.remove('offline');
  $('banner').hidden = true;
}

export function markOffline() {
  const s = $('server-status');
  s.textContent = 'Mất kết nối máy chủ';
  s.classList.add('offline');
  const banner = $('banner');
  banner.textContent = UNREACHABLE;
  banner.hidden = false;
}
