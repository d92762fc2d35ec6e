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

// Problems' words. The readers' wasm module leaves them out: its problems come back with a code
// and its parameters (args), severity, path, line and column, and empty zh and en. The words are
// in problem-words.js, generated from the Rust catalogue (src/feed/catalogue.rs), imported the
// first time a chart has problems without words: only broken feeds pay for that download.
const WORDS = './problem-words.js';
/** Subresource Integrity of problem-words.js: scripts/dist.sh writes it in dist/ (none in pkg/). */
const WORDS_INTEGRITY = '';
/** Said for a problem when problem-words.js cannot load (offline): its place is still shown. */
const UNEXPLAINED = { // `wait`: while the words may still come
  zh: (p, wait) => `此处有${p.severity === 'warning' ? '警告' : '错误'}（${wait ? '正在加载详细说明…' : '详细说明未能加载'}）`,
  en: (p, wait) => `${p.severity === 'warning' ? 'a warning' : 'an error'} here (${wait ? 'loading the details…' : 'the details could not be loaded'})`,
};
let catalogue = null; // Promise<problem-words.js>

/** Whether every problem has its words. */
const worded = (problems) => problems.every((p) => p.zh || p.en);
/** `p`, with UNEXPLAINED's sentence if it has no words (`wait`: the one saying they are loading). */
const located = (p, wait) => (p.zh || p.en ? p : { ...p, zh: UNEXPLAINED.zh(p, wait), en: UNEXPLAINED.en(p, wait) });
/** Whether the chart speaks Chinese: the feed's language once loaded, else the page's. */
const isZh = (view) => (view._locale || view.lang2) === 'zh';
/** Where problem `p` is: its JSON path, and its line and column when known. */
const where = (view, p) => (p.path || '') + (p.line ? `${p.path ? ' ' : ''}(${TEXT[isZh(view) ? 'zh' : 'en'].where(p)})` : '');

/**
 * The words of problem `p` in language `lang` (0 Chinese, 1 English) from the catalogue `c`, as
 * the Rust catalogue fills them (catalogue::words): {0} is parameter 0, {0:t} parameter 0 as a
 * term, {1*} parameters 1 onwards as a list. Empty for a code the catalogue does not have.
 */
function wordsOf(c, p, lang) {
  const template = c.WORDS[p.code];
  const args = p.args || [];
  return template ? template[1 + lang].replace(/\{(\d+)(\*|:t)?\}/g, (_, n, how) => {
    if (how === '*') return args.slice(n).join(c.SEPARATOR[lang]);
    const arg = args[n] ?? '';
    return how ? (c.TERMS[arg] || [arg, arg])[lang] : arg;
  }) : '';
}

/**
 * `problems` with their words. Those without get them from problem-words.js by their code and
 * args; if it cannot load, each keeps its place and gets UNEXPLAINED's sentence.
 */
async function explain(view, problems) {
  if (worded(problems)) return problems;
  let c = null;
  try {
    // (a literal import() without SRI, which bundlers follow; with it, only dist/, a base they leave alone)
    catalogue ||= WORDS_INTEGRITY ? view._import(new URL(WORDS, `${import.meta.url}`).href, WORDS_INTEGRITY) : import('./problem-words.js');
    catalogue.catch(() => { catalogue = null; }); // a later broken feed tries again
    c = await catalogue;
  } catch (_) { /* offline: UNEXPLAINED */ }
  return problems.map((p) => {
    if (p.zh || p.en || !c) return located(p);
    // the code by its name (the module gives its number)
    const words = { code: c.WORDS[p.code]?.[0] ?? p.code, zh: wordsOf(c, p, 0), en: wordsOf(c, p, 1) };
    return words.zh || words.en ? { ...p, ...words } : located(p);
  });
}

/**
 * Shows `problems` of the feed `src` (the src attribute when not given): the error box, or with
 * `keep`, while a chart is shown (a refresh that failed), a line under the chart saying its data is
 * stale. Problems without words yet (the readers' module leaves them out) show in the box at once,
 * located, with UNEXPLAINED's sentence; explain brings their words, put in place of those
 * sentences in the same box, the host aria-busy until then. Words that come once a newer load
 * or feed has taken over are dropped. The console and newschart:error wait for the words (as
 * warnings do): each problem is told once, in full, not once located and again worded. Returns a
 * promise settled once told.
 */
export function fail(view, problems, src, keep) {
  const id = view._loadId;
  const later = !worded(problems) && explain(view, problems).then((all) => id === view._loadId && all);
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
 * Logs the feed's warnings. Without their words, they are logged once problem-words.js has given
 * them (`view._warned` keeps them for this chart), which never delays the drawing.
 */
export function warn(view, warnings) {
  if (!worded(warnings)) {
    if (!view._warned) {
      const chart = view._chart;
      explain(view, warnings).then((w) => { if (view._chart === chart) { view._warned = w; warn(view, w); } });
      return;
    }
    warnings = view._warned;
  }
  for (const w of warnings) {
    console.warn(`[newschart] ${view.host.getAttribute('src')}: ${where(view, w)}: ${view._locale === 'zh' ? w.zh : w.en}`);
  }
}
