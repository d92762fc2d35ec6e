// newschart: the legend, one button per series (or per category of a donut or pie) that hides or
// shows it. Its entries come from the wasm module (render::compose::legend, which static images
// draw too).

import { el } from './dom.js';
import { renderTable } from './table.js';
import { transition } from './transition.js';

/** @typedef {import('./view.js').View} View */

/** Shows the legend of `m`, every entry on. @param {View} view @param {import('./boundary.js').Meta} m */
export function showLegend(view, m) {
  const legend = view._legend;
  view._hidden = new Set();
  legend.replaceChildren(...m.legend.map((e, i) => {
    const li = el('li');
    const b = el('button', 'nc-key', li);
    b.type = 'button';
    b.setAttribute('aria-pressed', 'true');
    const sw = el('span', `nc-swatch nc-pattern-${e.pattern || 0}${m.kind === 'line' ? ' nc-swatch-line' : ''}`, b);
    // CSSOM, allowed under a strict style-src; a line past the palette's colours shows its dash
    // pattern (CSS px, on and off) as drawn
    let at = 0;
    if (e.dash) sw.style.setProperty('--nc-dash', `repeating-linear-gradient(to right,${e.dash.map((d, k) => `${k % 2 ? 'transparent' : e.color} ${at}px ${at += d}px`)})`);
    else sw.style.backgroundColor = e.color;
    b.append(e.name);
    b.addEventListener('click', () => toggleSeries(view, i, b));
    return li;
  }));
  legend.hidden = m.legend.length === 0;
}

/** @param {View} view @param {HTMLButtonElement} button */
function toggleSeries(view, i, button) {
  const hide = !view._hidden.has(i);
  let now = hide;
  transition(view, () => { now = view._chart.set_hidden(i, hide); });
  if (now) view._hidden.add(i); else view._hidden.delete(i);
  button.setAttribute('aria-pressed', String(!now));
  button.classList.toggle('nc-off', now);
  const name = view._meta.legend[i]?.name || '';
  view._live.textContent = now ? view.t.hidden(name) : view.t.shown(name);
  if (view._tableOn) renderTable(view);
}
