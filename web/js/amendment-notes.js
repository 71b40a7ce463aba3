import { h } from './dom.js';

/** "đã được sửa đổi bởi …" under a citation whose provision was amended, with the new wording when known. */
export function amendmentNotes(amendments) {
  if (!amendments?.length) return null;
  return h('ul', { class: 'amend-notes' }, amendments.map((a) => h('li', { class: 'amend-note' },
    a.text,
    a.newText && h('details', {}, h('summary', {}, 'Nội dung mới'), h('p', { class: 'side-text', lang: 'vi' }, a.newText)))));
}
