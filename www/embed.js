// embed.html: one chart in an iframe, for a CMS that strips scripts from articles.
//
//   embed.html?src=FEED[&dataset=ID][&theme=light|dark][&height=PX][&refresh=S][&lang=zh|en]
//
// Every parameter is data: `src` must be a relative or http(s) address (anything else, such as
// javascript: or data:, is refused) and reaches the chart only as an attribute value; nothing from
// the address is ever parsed as HTML. The page reports its height to the host page (postMessage),
// whose embed-resize.js sizes the iframe, and forwards the chart's events there.

const q = new URLSearchParams(location.search);

/** `value` as an absolute http(s) URL (relative to this page), or null. */
export function feedUrl(value) {
  if (!value) return null;
  try {
    const u = new URL(value, location.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch (_) {
    return null;
  }
}

const lang = q.get('lang');
if (lang === 'zh' || lang === 'en') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
const zh = document.documentElement.lang.toLowerCase().startsWith('zh');

const src = feedUrl(q.get('src'));
if (src) {
  const chart = document.createElement('news-chart');
  chart.setAttribute('src', src);
  const dataset = q.get('dataset');
  if (dataset) chart.setAttribute('dataset', dataset);
  const theme = q.get('theme');
  if (theme === 'light' || theme === 'dark') chart.setAttribute('theme', theme);
  const height = Number(q.get('height'));
  if (height > 0 && height <= 5000) chart.setAttribute('height', String(Math.round(height)));
  const refresh = Number(q.get('refresh'));
  if (refresh > 0) chart.setAttribute('refresh', String(refresh));
  // static=STEM: the chart's static first paint, STEM.328.svg and STEM.720.svg (`newschart render
  // --static`; STEM ends in the feed's fingerprint), shown until the live chart has drawn; with
  // no theme, also STEM.328.dark.svg and STEM.720.dark.svg for a reader whose scheme is dark (the
  // files `--theme auto` writes), with theme=dark those only (`--theme dark`)
  const stem = feedUrl(q.get('static'));
  const hash = stem && /\.([0-9a-f]{8})$/.exec(stem);
  if (hash) {
    const h = String(Math.round(height > 0 && height <= 5000 ? height : 300) + 136);
    const picture = document.createElement('picture');
    picture.slot = 'static';
    picture.dataset.feed = hash[1];
    const source = (media, file, w) => {
      const el = document.createElement('source');
      for (const [k, v] of [['media', media], ['srcset', file], ['width', w], ['height', h]]) el.setAttribute(k, v);
      picture.append(el);
    };
    const own = theme === 'dark' ? '.dark' : '';
    if (!theme) {
      source('(prefers-color-scheme: dark) and (max-width: 719px)', `${stem}.328.dark.svg`, '328');
      source('(prefers-color-scheme: dark)', `${stem}.720.dark.svg`, '720');
    }
    source('(max-width: 719px)', `${stem}.328${own}.svg`, '328');
    const img = document.createElement('img');
    for (const [k, v] of [['class', 'nc-static'], ['src', `${stem}.720${own}.svg`], ['width', '720'], ['height', h], ['alt', q.get('alt') || '']]) img.setAttribute(k, v);
    picture.append(img);
    chart.append(picture);
  }
  document.body.append(chart);
} else {
  const p = document.createElement('p');
  p.className = 'embed-error';
  p.setAttribute('role', 'alert');
  p.textContent = zh
    ? '图表无法显示：嵌入地址缺少数据文件，或 src 不是相对地址或 http(s) 地址。'
    : 'This chart cannot be shown: the embed address has no data file, or src is not a relative or http(s) address.';
  document.body.append(p);
  console.error(`[newschart] embed.html: refused src ${JSON.stringify(q.get('src'))}`);
}

// Tell the host page our height whenever it changes, and pass the chart's events on.
if (window.parent !== window) {
  let last = -1;
  const report = () => {
    const h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      window.parent.postMessage({ type: 'newschart:height', height: h }, '*');
    }
  };
  if (typeof ResizeObserver === 'function') new ResizeObserver(report).observe(document.body);
  else { addEventListener('load', report); addEventListener('resize', report); setInterval(report, 1000); }
  report();
  for (const type of ['newschart:ready', 'newschart:error', 'newschart:interact']) {
    document.addEventListener(type, (e) => {
      let detail = null;
      try { detail = JSON.parse(JSON.stringify(e.detail)); } catch (_) { /* not data: send none */ }
      window.parent.postMessage({ type: 'newschart:event', event: type, detail }, '*');
    });
  }
}
