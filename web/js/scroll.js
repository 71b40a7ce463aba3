/**
 * Chat-style scrolling: while the reader is at the bottom of the page, content added there (a
 * streamed answer) keeps them at the bottom; once they scroll up to read, updates leave them alone.
 */
const SLACK = 80; // px from the bottom that still counts as "at the bottom"

export function followBottom(update, force = false) {
  const root = document.scrollingElement ?? document.documentElement;
  const pinned = force || window.innerHeight + window.scrollY >= root.scrollHeight - SLACK;
  update();
  if (pinned) window.scrollTo({ top: root.scrollHeight });
}
