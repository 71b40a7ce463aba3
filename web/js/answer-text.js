import { h } from './dom.js';

/**
 * Renders answer text as paragraphs with each `[n]` turned into a button that opens citation n.
 * While streaming the citations are not known yet, so markers show as inert placeholders; the final
 * render (with `citations`) replaces them.
 */
export function renderAnswerText(container, text, citations, onCite) {
  const byN = new Map((citations ?? []).map((c) => [c.n, c]));
  const paragraphs = text.split(/\n+/).filter((line) => line.trim() !== '');
  container.replaceChildren(
    ...paragraphs.map((line) => {
      const p = h('p');
      let last = 0;
      for (const m of line.matchAll(/\[(\d+)\]/g)) {
        p.append(line.slice(last, m.index));
        const c = byN.get(Number(m[1]));
        p.append(c ? citeButton(c, onCite) : h('span', { class: 'cite cite-pending' }, m[0]));
        last = m.index + m[0].length;
      }
      p.append(line.slice(last));
      return p;
    }),
  );
}

export function citeButton(c, onCite, text = `[${c.n}]`) {
  return h(
    'button',
    { type: 'button', class: 'cite', 'aria-label': `Xem trích dẫn ${c.n}: ${c.label}`, title: c.label, dataset: { cite: String(c.n) }, onclick: (e) => onCite(c, e.currentTarget) },
    text,
  );
}
