// newschart: the static first paint. A <news-chart> may carry a static rendering of itself, made
// by `newschart render --static` with the same layout and renderer: <picture slot="static"
// data-feed="HASH">. The loader shows it in the height it reserves; the view keeps it over its
// figure (made but hidden) until the live chart has drawn its first frame, then removes it in that
// same task, so the page never paints a frame between the two. Until then the image is only an
// image: no pointer cursor, no tooltip. A chart whose module or feed cannot arrive keeps it; a feed
// that arrives with problems replaces it with the error box (error.js).

/** @typedef {import('./view.js').View} View */

/** Covers the figure with the element's static image, when it carries one. @param {View} view */
export function holdStatic(view) {
  const pic = view.host.querySelector(':scope > [slot="static"]');
  if (!pic) return;
  const cover = document.createElement('div');
  cover.className = 'nc-static';
  const slot = document.createElement('slot');
  slot.name = 'static';
  cover.append(slot);
  view._fig.after(cover);
  view._fig.classList.add('nc-behind');
  view._static = cover;
  view._staticFeed = pic.getAttribute('data-feed');
}

/**
 * The live chart replaces the static image. `text`: the feed it shows; when the image was made
 * from another version (its data-feed differs), the element says so (data-static="stale").
 * @param {View} view
 * @param {string | null} [text]
 */
export function dropStatic(view, text) {
  const cover = view._static;
  if (!cover) return;
  view._static = null;
  cover.remove();
  view._fig.classList.remove('nc-behind');
  const made = view._staticFeed;
  if (made && text != null && made !== feedHash(text)) {
    view.host.setAttribute('data-static', 'stale');
    console.warn(`[newschart] ${view.host.getAttribute('src')}: the static image (${made}) is of another version of the feed; render it again`);
  }
}

/** The feed's fingerprint, as `newschart render --static` names it: FNV-1a over the UTF-16 code units, 8 hex digits. */
export function feedHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
