import { initChat } from './chat.js';
import { $ } from './dom.js';
import { initDraft } from './draft.js';
import { initFilters } from './filters.js';
import { initJudge } from './judge.js';
import { checkServer } from './server-status.js';
import { initSourcePanel } from './source-panel.js';

/** Entry point: wires the page's parts; each module owns one region of index.html. */
function initModeSwitch() {
  const views = { chat: $('chat-view'), judge: $('judge-view'), draft: $('draft-view') };
  for (const radio of document.querySelectorAll('input[name="mode"]')) {
    radio.addEventListener('change', () => {
      for (const [mode, el] of Object.entries(views)) el.hidden = mode !== radio.value;
      document.body.dataset.mode = radio.value;
    });
  }
}

initSourcePanel();
initFilters();
initChat();
initJudge();
initDraft();
initModeSwitch();
checkServer();
window.addEventListener('online', checkServer);
