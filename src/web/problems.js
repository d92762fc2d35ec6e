// newschart: a chart's problems, told to the reader (the error box), the editor (the console) and
// the page (newschart:error). view.js imports this module the first time a chart has problems to
// show (a broken feed, a failed request, an internal error, a refresh that failed, a feed's
// warnings): pages whose charts are all good never load it.
//
// It cannot import view.js (in dist/ each one's hashed name would cover the other's): the view
// lends what they share (the error box's frame, _errorBox; importChecked, as view._import).
//
// Feed text is only ever inserted with textContent: never as HTML.

const TEXT = {
  zh: {
    where: (p) => `第${p.line}行，第${p.column}列`,
    stale: (hhmm) => `更新失败，显示的是 ${hhmm} 的数据`,
  },
  en: {
    where: (p) => `line ${p.line}, column ${p.column}`,
    stale: (hhmm) => `update failed, showing data from ${hhmm}`,
  },
};

// Problems' words. The readers' wasm module leaves them out (readers see them only when a feed is
// broken): its problems come back with severity, path, line and column, and empty zh and en. Then
// the builder's module (pkg/newschart_builder*, which has them) reads the same feed again and lends
// its problems' words. Only broken feeds pay for that download. A separate copy of its glue (the
// query), so the builder page's own instance of it is never initialized twice at once.
const BUILDER = './newschart_builder.js?messages';
const BUILDER_WASM = './newschart_builder_bg.wasm';
/** Subresource Integrity of the builder's glue and wasm: scripts/dist.sh writes it in dist/ (none in pkg/). */
const BUILDER_INTEGRITY = {};
/** Said for a problem when the builder's module cannot load (offline): its place is still shown. */
const UNEXPLAINED = { // `wait`: while the builder's module may still bring the words
  zh: (p, wait) => `此处有${p.severity === 'warning' ? '警告' : '错误'}（${wait ? '正在加载详细说明…' : '详细说明未能加载'}）`,
  en: (p, wait) => `${p.severity === 'warning' ? 'a warning' : 'an error'} here (${wait ? 'loading the details…' : 'the details could not be loaded'})`,
};
let builder = null; // Promise<the builder module's glue, initialized>

/** Whether every problem has its words. */
const worded = (problems) => problems.every((p) => p.zh || p.en);
/** `p`, with UNEXPLAINED's sentence if it has no words (`wait`: the one saying they are loading). */
const located = (p, wait) => (p.zh || p.en ? p : { ...p, zh: UNEXPLAINED.zh(p, wait), en: UNEXPLAINED.en(p, wait) });
/** Whether the chart speaks Chinese: the feed's language once loaded, else the page's. */
const isZh = (view) => (view._locale || view.lang2) === 'zh';
/** Where problem `p` is: its JSON path, and its line and column when known. */
const where = (view, p) => (p.path || '') + (p.line ? `${p.path ? ' ' : ''}(${TEXT[isZh(view) ? 'zh' : 'en'].where(p)})` : '');

/**
 * `problems` with their words. Those without get them from the builder's module, where
 * `remake(Chart)` makes the same chart (and throws the same problems, or has the same warnings);
 * if that module cannot load, each keeps its place and gets UNEXPLAINED's sentence.
 */
async function explain(view, problems, remake) {
  if (worded(problems)) return problems;
  let full = null;
  try {
    builder ||= (async () => {
      const glue = await view._import(new URL(BUILDER, import.meta.url).href, BUILDER_INTEGRITY.glue);
      const wasm = new URL(BUILDER_WASM, import.meta.url);
      await glue.default({ module_or_path: fetch(wasm, { integrity: BUILDER_INTEGRITY.wasm || '' }) });
      return glue;
    })();
    builder.catch(() => { builder = null; }); // a later broken feed tries again
    const { Chart } = await builder;
    try {
      const chart = remake(Chart);
      full = JSON.parse(chart.meta()).warnings;
      chart.free();
    } catch (e) {
      if (typeof e === 'string') full = JSON.parse(e).problems;
      else builder = null; // a trap there: a fresh copy next time
    }
  } catch (_) { /* offline: UNEXPLAINED */ }
  return problems.map((p, i) => {
    if (p.zh || p.en) return p;
    const f = full && full[i];
    return f && f.path === p.path && f.severity === p.severity ? { ...p, zh: f.zh, en: f.en } : located(p);
  });
}

/**
 * Shows `problems` of the feed `src` (the src attribute when not given): the error box, or with
 * `keep`, while a chart is shown (a refresh that failed), a line under the chart saying its data is
 * stale. Problems without words yet (the readers' module leaves them out) show in the box at once,
 * located, with UNEXPLAINED's sentence; `remake` (see explain) brings their words, put in place of
 * those sentences in the same box, the host aria-busy until then. Words that come once a newer load
 * or feed has taken over are dropped. The console and newschart:error wait for the words (as
 * warnings do): each problem is told once, in full, not once located and again worded. Returns a
 * promise settled once told.
 */
export function fail(view, problems, src, remake, keep) {
  const id = view._loadId;
  const later = remake && !worded(problems) && explain(view, problems, remake).then((all) => id === view._loadId && all);
  if (keep && view._chart) { // the chart stays: no hurry
    return later ? later.then((all) => all && stale(view, all, src)) : stale(view, problems, src);
  }
  const zh = isZh(view);
  const say = (p) => (zh ? p.zh : p.en);
  const file = src || view.host.getAttribute('src');
  const retry = view._errorBox(file, !!later);
  const box = retry.parentNode;
  const ul = document.createElement('ul');
  retry.before(ul);
  const words = problems.map((p) => {
    const li = ul.appendChild(document.createElement('li'));
    if (where(view, p)) {
      li.appendChild(document.createElement('code')).textContent = where(view, p);
      li.append(zh ? '：' : ': ');
    }
    li.append(say(located(p, !!later)));
    return li.lastChild; // its words: a text node
  });
  const tell = (all) => {
    if (!all || !ul.isConnected || box.hidden) return; // stale: another load, feed or box since
    all.forEach((p, i) => { words[i].data = say(p); });
    view._setState('error');
    console.error(`[newschart] ${file || ''}:\n  ${all.map((p) => `${where(view, p) ? where(view, p) + ': ' : ''}${say(p)}`).join('\n  ')}`);
    view.host.dispatchEvent(new CustomEvent('newschart:error', { bubbles: true, composed: true, detail: { src, problems: all } }));
  };
  return Promise.resolve(later ? later.then(tell) : tell(problems));
}

/** A refresh failed with `problems`: the chart stays, marked as showing the data of its last good read. */
function stale(view, problems, src) {
  const t = TEXT[isZh(view) ? 'zh' : 'en'];
  const at = view._shownAt || new Date();
  const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  view._stale.textContent = t.stale(hhmm);
  view._stale.hidden = false;
  console.error(`[newschart] ${src}: ${t.stale(hhmm)}\n  ${problems.map((p) => (p.path ? p.path + ': ' : '') + (isZh(view) ? p.zh : p.en)).join('\n  ')}`);
  view.host.dispatchEvent(new CustomEvent('newschart:error', { bubbles: true, composed: true, detail: { src, problems, stale: true } }));
}

/**
 * Logs the feed's warnings. Without their words, they are logged once the builder's module has
 * given them (`view._warned` keeps them for this chart), which never delays the drawing.
 */
export function warn(view, warnings, remake) {
  if (!worded(warnings)) {
    if (!view._warned) {
      const chart = view._chart;
      if (remake) explain(view, warnings, remake).then((w) => { if (view._chart === chart) { view._warned = w; warn(view, w); } });
      return;
    }
    warnings = view._warned;
  }
  for (const w of warnings) {
    console.warn(`[newschart] ${view.host.getAttribute('src')}: ${where(view, w)}: ${view._locale === 'zh' ? w.zh : w.en}`);
  }
}
