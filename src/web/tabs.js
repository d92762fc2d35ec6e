// newschart: the tabs of a feed with several datasets (unless the page picked one with the
// dataset attribute): a tablist the arrow keys move along.

import { el } from './dom.js';

/** @param {import('./view.js').View} view @param {import('./boundary.js').Meta} m */
export function showTabs(view, m) {
  const tabs = view._tabs;
  const show = m.datasets.length > 1 && !view.host.getAttribute('dataset');
  tabs.hidden = !show;
  if (!show) { tabs.replaceChildren(); return; }
  const focus = (i) => /** @type {HTMLElement | undefined} */ (tabs.children[i])?.focus();
  tabs.replaceChildren(...m.datasets.map((d, i) => {
    const b = el('button', 'nc-tab');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(d.id === m.id));
    b.tabIndex = d.id === m.id ? 0 : -1;
    b.textContent = d.title;
    b.addEventListener('click', () => { view.selectDataset(d.id); focus(i); });
    b.addEventListener('keydown', (e) => {
      const n = m.datasets.length;
      const j = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i + n - 1) % n : -1;
      if (j >= 0) { e.preventDefault(); view.selectDataset(m.datasets[j].id); focus(j); }
    });
    return b;
  }));
}
