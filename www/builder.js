// The chart builder: data (CSV, JSON or a feed's address) → edits → previews → embed snippets.
//
// The CSV goes through the same conversion as `newschart from-csv`, and every feed is checked by
// the same reader the widget uses: both run in the builder's wasm module (pkg/newschart_builder*,
// the widget's module plus the CSV import). The previews are <news-chart> elements given the feed
// with setFeed(). Everything typed is saved in localStorage as it is typed and restored on load.
// Text from feeds and files reaches the page only as textContent or input values.

import init, { Chart, csv_to_feed as csvToFeed } from './pkg/newschart_builder.js';
import { cellKey, editedCsv, editsFor, problemItems, showImport } from './builder-import.js';

const STORE = 'newschart-builder-v1';
/** Room a chart reserves for the words around its plot (FRAME in the widget). */
const FRAME = 136;
const KINDS = ['column', 'bar', 'line', 'area', 'progress', 'donut', 'pie', 'table'];
const STYLES = ['cn', 'full', 'compact'];
const LOCALES = ['zh-CN', 'en'];
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00'];
const EDITS = ['title', 'subtitle', 'source', 'sourceUrl', 'notes', 'kind', 'numberStyle', 'locale'];
const PLACEHOLDER_FEED = 'https://www.example.com/feeds/chart.json';

const T = {
  zh: {
    heading: '图表生成器', tagline: '数据 → 预览 → 复制嵌入代码，贴进任何 CMS。无需写代码。', reset: '重新开始',
    data: '1. 数据', tabCsv: 'CSV 表格', tabJson: '粘贴 JSON', tabUrl: '数据文件地址',
    csvLabel: '粘贴从 Excel、WPS 或 Numbers 导出的 CSV，或选择文件：第一行是表头，第一列是类别或日期。',
    csvFile: '选择 CSV 或 Excel 文件…', jsonLabel: '粘贴数据文件（JSON，格式第 1 版）：', urlLabel: '已发布的数据文件地址（JSON）：',
    load: '载入', dataset: '数据集', edit: '2. 编辑', fTitle: '标题', fSubtitle: '副标题', fSource: '来源', fSourceUrl: '来源链接',
    fNotes: '注释（每行一条）', fKind: '图表类型', fNumberStyle: '数字写法', fLocale: '图表语言', fHeight: '图表高度（像素）', fColors: '颜色',
    preview: '3. 预览', phone: '手机（375 像素）', desktop: '电脑（900 像素）', output: '4. 发布',
    outputHint: '先下载数据文件，上传到网站或 CDN，再把它的地址填在下面；嵌入代码会用这个地址。',
    download: '下载数据文件（JSON）', feedUrl: '数据文件发布后的地址',
    formElement: '① 脚本 + 图表标签（大多数网站）', formDiv: '② 脚本 + div（会删掉陌生标签的 CMS）', formIframe: '③ iframe（会删掉脚本的 CMS）',
    resizerHint: '网站模板里加一次这行，iframe 就会自动适应图表高度：', copy: '复制', copied: '已复制',
    auto: '按数据', kinds: { column: '柱状图', bar: '条形图', line: '折线图', area: '面积图', progress: '进度', donut: '环形图', pie: '饼图', table: '表格' },
    styles: { cn: '中文单位（7.25万）', full: '完整（72,500）', compact: '简写（72.5K）' }, locales: { 'zh-CN': '中文', en: 'English' },
    saved: (t) => `已自动保存 ${t}`, restored: '已恢复上次未完成的工作', empty: '先在“数据”里粘贴 CSV、JSON，或载入数据文件地址。',
    where: (line, col) => (col ? `第${line}行，第${col}列` : `第${line}行`), show: '定位',
    gbk: '文件是 GBK 编码（中文版 Excel 常见），已按 GBK 读入。', utf16: '文件是 UTF-16 编码，已转换。',
    fetching: '正在载入…', fetchFailed: (why) => `无法载入：${why}`, httpStatus: (s) => `服务器返回 ${s}`,
    needFeedUrl: '填上数据文件发布后的地址，嵌入代码才能找到数据。', badFeedUrl: '地址须以 http:// 或 https:// 开头（或是本站的相对地址）。',
    badHeight: '高度应在 60 到 2000 像素之间。', heightAuto: (h) => `留空则用 ${h}`, confirmReset: '清除所有输入，重新开始？',
    series: '系列', fallback: '图表', needTitle: '每张图表都要有标题：读者和读屏软件最先看到它。',
    snipNoData: '还没有数据：先在“1. 数据”里粘贴或载入，才能生成嵌入代码。',
    snipFix: '数据还有错误（见上方红色提示）：改正后才能生成嵌入代码。',
    snipChecking: '正在检查数据文件地址…',
    corsMissing: (host) => `${host} 上的数据文件能打开，但服务器没有发送 Access-Control-Allow-Origin 响应头，所以别的网站上的网页读不到它，读者会看到空白图表。请网站或 CDN 的管理员为这个文件（或整个 feeds 目录）加上响应头“Access-Control-Allow-Origin: *”，然后再检查一次。`,
    corsSame: '这个地址和生成器在同一网站，但服务器没有发送 Access-Control-Allow-Origin 响应头：嵌入代码只在本网站的网页里有效；要贴到其他网站，请让管理员为数据文件加上“Access-Control-Allow-Origin: *”。',
    unreachable: (host) => `打不开 ${host} 上的这个地址（网络错误或服务器没有回应）：请检查地址，或先把数据文件上传到那里。`,
    notThere: (s) => `这个地址返回 ${s}：数据文件还没有上传到那里，或地址有误。`,
    notFeed: '这个地址上的文件不是有效的数据文件（JSON）：请上传“下载数据文件”得到的文件。',
    showPhone: '手机', showDesktop: '电脑', previewOf: '预览',
    sheet: '工作表', columns: '用哪些列（取消勾选即不用）', xColumn: '类别 / 日期', types: { number: '数字', date: '日期', text: '文字', empty: '空' },
    longTable: (series, value) => `这是“长表”：每行一个值，“${series}”列说明它属于哪个系列，“${value}”列是数值。`, pivot: (series) => `按“${series}”分成多个系列`,
    pivoted: (series, value) => `已按“${series}”分成多个系列（数值取自“${value}”）。`, unpivot: '撤销',
    grid: '数据表格', gridCaption: (n) => `数据（共 ${n.toLocaleString('zh-CN')} 行；红色单元格不是数字，可直接改正）`, row: '行',
    rowsBetween: (n) => `…… 另有 ${n.toLocaleString('zh-CN')} 行 ……`, moreBad: (n) => `…… 另有 ${n.toLocaleString('zh-CN')} 行有问题，先改正或不用上面的列 ……`,
    cellLabel: (row, header) => `第 ${row} 行，“${header}”列`, leaveOut: '不用这一列', showCell: '定位',
    highlight: '突出', highlightHint: '勾选要突出的系列，其余的画成灰色（系列多时常用）：', xlsx: 'Excel 文件',
  },
  en: {
    heading: 'Chart builder', tagline: 'Data → preview → copy the embed code, paste it into any CMS. No code needed.', reset: 'Start over',
    data: '1. Data', tabCsv: 'CSV table', tabJson: 'Paste JSON', tabUrl: 'Feed address',
    csvLabel: 'Paste a CSV exported from Excel, WPS or Numbers, or choose a file: the first row names the columns, the first column holds categories or dates.',
    csvFile: 'Choose a CSV or Excel file…', jsonLabel: 'Paste a feed (JSON, format version 1):', urlLabel: 'Address of a published feed (JSON):',
    load: 'Load', dataset: 'Dataset', edit: '2. Edit', fTitle: 'Title', fSubtitle: 'Subtitle', fSource: 'Source', fSourceUrl: 'Source link',
    fNotes: 'Notes (one per line)', fKind: 'Chart kind', fNumberStyle: 'Number style', fLocale: 'Chart language', fHeight: 'Chart height (px)', fColors: 'Colours',
    preview: '3. Preview', phone: 'Phone (375 px)', desktop: 'Desktop (900 px)', output: '4. Publish',
    outputHint: 'Download the feed, upload it to your site or CDN, then enter its address below: the embed code uses it.',
    download: 'Download the feed (JSON)', feedUrl: 'Address of the published feed',
    formElement: '① Script + chart tag (most sites)', formDiv: '② Script + div (a CMS that strips unknown tags)', formIframe: '③ iframe (a CMS that strips scripts)',
    resizerHint: 'Add this line once to the site\'s template, and iframes take the height of their chart:', copy: 'Copy', copied: 'Copied',
    auto: 'From the data', kinds: { column: 'Column', bar: 'Bar', line: 'Line', area: 'Area', progress: 'Progress', donut: 'Donut', pie: 'Pie', table: 'Table' },
    styles: { cn: 'Chinese units (7.25万)', full: 'Full (72,500)', compact: 'Compact (72.5K)' }, locales: { 'zh-CN': '中文', en: 'English' },
    saved: (t) => `Saved ${t}`, restored: 'Your unfinished work was restored', empty: 'Start under "Data": paste a CSV or JSON, or load a feed address.',
    where: (line, col) => (col ? `line ${line}, column ${col}` : `line ${line}`), show: 'Show',
    gbk: 'The file is GBK-encoded (as Chinese Excel saves it) and was read as GBK.', utf16: 'The file is UTF-16 and was converted.',
    fetching: 'Loading…', fetchFailed: (why) => `Could not load it: ${why}`, httpStatus: (s) => `the server answered ${s}`,
    needFeedUrl: 'Enter the address where the feed is published: the embed code needs it to find the data.', badFeedUrl: 'The address must start with http:// or https:// (or be relative to this site).',
    badHeight: 'The height should be between 60 and 2000 px.', heightAuto: (h) => `empty: ${h}`, confirmReset: 'Clear everything and start over?',
    series: 'Series', fallback: 'Chart', needTitle: 'Every chart needs a title: readers and screen readers meet it first.',
    snipNoData: 'No data yet: paste or load it under "1. Data", and the embed code appears here.',
    snipFix: 'The data still has errors (in red above): fix them, and the embed code appears here.',
    snipChecking: 'Checking the feed address…',
    corsMissing: (host) => `The feed on ${host} opens, but its server sends no Access-Control-Allow-Origin header, so pages on other sites cannot read it and readers would see an empty chart. Ask whoever runs that site or CDN to send the header "Access-Control-Allow-Origin: *" for this file (or the whole feeds folder), then check again.`,
    corsSame: 'This address is on the builder\'s own site, but its server sends no Access-Control-Allow-Origin header: the embed code works only on pages of this site. To use it on other sites, ask the site\'s admin to send "Access-Control-Allow-Origin: *" for the feed.',
    unreachable: (host) => `This address on ${host} cannot be opened (a network error, or no answer): check the address, or upload the feed there first.`,
    notThere: (s) => `This address answers ${s}: the feed is not uploaded there yet, or the address is wrong.`,
    notFeed: 'The file at this address is not a valid feed (JSON): upload the file that "Download the feed" gives.',
    showPhone: 'Phone', showDesktop: 'Desktop', previewOf: 'Preview',
    sheet: 'Sheet', columns: 'Columns to use (untick to leave one out)', xColumn: 'categories / dates', types: { number: 'numbers', date: 'dates', text: 'text', empty: 'empty' },
    longTable: (series, value) => `This is a long table: one value a row, "${series}" says which series it belongs to and "${value}" holds the numbers.`, pivot: (series) => `Make one series per "${series}"`,
    pivoted: (series, value) => `One series per "${series}" (values from "${value}").`, unpivot: 'Undo',
    grid: 'Data grid', gridCaption: (n) => `The data (${n.toLocaleString('en-US')} rows; red cells are not numbers: fix them here)`, row: 'Row',
    rowsBetween: (n) => `… ${n.toLocaleString('en-US')} more rows …`, moreBad: (n) => `… ${n.toLocaleString('en-US')} more rows with problems: fix or leave out the columns above first …`,
    cellLabel: (row, header) => `row ${row}, column "${header}"`, leaveOut: 'Leave the column out', showCell: 'Show',
    highlight: 'Highlight', highlightHint: 'Tick the series to highlight; the others are drawn in grey (the usual answer to many lines):', xlsx: 'Excel file',
  },
};

// ---- state, saved as it changes -------------------------------------------------------------

const blank = () => ({ device: 'desktop', lang: null, source: 'csv', csv: '', csvName: '', csvNote: '', csvBytes: '', xlsx: '', sheet: '', exclude: [], include: [], pivot: null, cells: {}, highlight: [], json: '', url: '', urlText: '', dataset: '', edits: {}, colors: {}, height: '', feedUrl: '' });
let state = blank();
let restored = false;
try {
  const saved = JSON.parse(localStorage.getItem(STORE) || 'null');
  if (saved && typeof saved === 'object') { state = { ...blank(), ...saved }; restored = true; }
} catch (_) { /* nothing saved, or storage off */ }
if (state.lang !== 'zh' && state.lang !== 'en') state.lang = document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';

const $ = (id) => document.getElementById(id);
const t = () => T[state.lang];

function save() {
  try {
    localStorage.setItem(STORE, JSON.stringify(state));
    const now = new Date();
    $('saved').textContent = t().saved(now.toTimeString().slice(0, 8));
  } catch (_) { /* storage full or off: the page still works */ }
}

// ---- the wasm: CSV conversion and the widget's own feed reader --------------------------------

const ready = init({ module_or_path: new URL('./pkg/newschart_builder_bg.wasm', import.meta.url) });

/** Problems of feed text as the widget reads it: { ok, problems, warnings, defaultHeight }. */
function check(text) {
  let chart = null;
  try {
    chart = Chart.load(text, 0);
    if (state.dataset) chart.select(state.dataset);
    const meta = JSON.parse(chart.meta());
    return { ok: true, problems: [], warnings: meta.warnings, defaultHeight: Math.round(chart.default_height(900)) };
  } catch (e) {
    const problems = typeof e === 'string' ? JSON.parse(e).problems : [{ severity: 'error', path: '', line: 0, column: 0, zh: String(e), en: String(e) }];
    return { ok: false, problems, warnings: [], defaultHeight: 300 };
  } finally {
    chart?.free();
  }
}

/**
 * csv_to_feed of the .xlsx reader (pkg/newschart_xlsx*: the builder module plus calamine, several
 * times its size), imported for the first workbook only: a promise of the function.
 */
let xlsxReader = null;
let xlsxToFeed = null;
function loadXlsxReader() {
  xlsxReader ??= import('./pkg/newschart_xlsx.js').then(async (m) => {
    await m.default();
    xlsxToFeed = m.csv_to_feed;
    return xlsxToFeed;
  });
  return xlsxReader;
}

/** csv_to_feed's last results, by input and options: typing a title does not convert again. */
const conversions = new Map();
function convert(key, bytes, opts, xlsx = false) {
  const k = `${xlsx}\0${JSON.stringify(opts)}\0${key}`;
  if (!conversions.has(k)) {
    if (conversions.size > 6) conversions.clear();
    const toFeed = xlsx ? xlsxToFeed : csvToFeed;
    if (!toFeed) return { feed: null, problems: [] }; // the reader is still loading: update() runs again when it is in
    conversions.set(k, JSON.parse(toFeed(bytes(), JSON.stringify(opts))));
  }
  return structuredClone(conversions.get(k));
}

const fromBase64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The CSV (or .xlsx) converted with the editor's choices: the columns left out, the pivot, the
 * sheet, and the cells fixed in the grid (written into the table, converted again; the problems'
 * rows are still the file's).
 */
function convertData() {
  // a new chart speaks the builder's language (the chart language field can still change it)
  const opts = { fileName: state.csvName || undefined, locale: state.lang === 'zh' ? 'zh-CN' : 'en' };
  if (state.exclude.length) opts.exclude = state.exclude;
  if (state.pivot) {
    opts.pivot = { series: state.pivot.series, value: state.pivot.value };
    if (state.pivot.x) opts.x = state.pivot.x;
  }
  if (state.xlsx && state.sheet) opts.sheet = state.sheet;
  const run = (o) => (state.xlsx
    ? convert(state.xlsx, () => fromBase64(state.xlsx), o, true)
    : convert(state.csv, () => new TextEncoder().encode(state.csv), o));
  let r = run(opts);
  // columns the conversion left out that the editor switched on: the series are named in full
  const include = state.include.filter((h) => r.columns?.some((c) => c.header === h && c.role === 'excluded'));
  if (include.length && !state.pivot) {
    opts.columns = [...r.columns.filter((c) => c.role === 'series').map((c) => c.header), ...include];
    r = run(opts);
  }
  if (!r.table || !editsFor(r.table, state.cells)) return r;
  const csv = editedCsv(r.table, state.cells);
  const again = { ...opts, title: r.feed?.datasets?.[0]?.title || opts.fileName };
  delete again.sheet;
  const r2 = convert(csv, () => new TextEncoder().encode(csv), again);
  const rows = r.table.rowNumbers;
  for (const p of r2.problems) if (p.line >= 2 && rows[p.line - 2] !== undefined) p.line = rows[p.line - 2];
  if (r2.table) r2.table.rowNumbers = rows.slice(0, r2.table.rows.length);
  return { ...r2, sheets: r.sheets, skipped: r.skipped, long: r2.long || r.long };
}

/** The feed from the data pane: { feed (object or null), problems (located in that pane's input), note }. */
function base() {
  if (state.source === 'csv') {
    if (!state.csv.trim() && !state.xlsx) return { feed: null, problems: [] };
    const r = convertData();
    // a long table's problem is the offer of its pivot (builder-import.js) while that stands
    const offer = r.long && !state.pivot ? (r.columns || []).find((c) => c.header === r.long.series) : null;
    const problems = offer ? r.problems.filter((p) => !(p.line === 1 && p.column === offer.index + 1)) : r.problems;
    return { feed: r.feed, problems, csv: true, result: r };
  }
  const text = state.source === 'json' ? state.json : state.urlText;
  if (!text.trim()) return { feed: null, problems: [] };
  try {
    return { feed: JSON.parse(text), problems: [] };
  } catch (_) {
    return { feed: null, problems: check(text).problems }; // located by line and column
  }
}

/** The feed with the editor's changes to the chosen dataset. */
function edited(feed) {
  const out = structuredClone(feed);
  const list = Array.isArray(out.datasets) ? out.datasets : [];
  const ds = list.find((d) => d && d.id === state.dataset) || list[0];
  if (!ds || typeof ds !== 'object') return { feed: out, index: 0 };
  const e = state.edits;
  if ('title' in e) ds.title = e.title;
  if ('subtitle' in e) { if (e.subtitle) ds.subtitle = e.subtitle; else delete ds.subtitle; }
  if ('source' in e || 'sourceUrl' in e) {
    const cur = typeof ds.source === 'string' ? { text: ds.source } : (ds.source || {});
    const text = 'source' in e ? e.source : cur.text || '';
    const url = 'sourceUrl' in e ? e.sourceUrl : cur.url || '';
    if (text || url) ds.source = url ? { text, url } : { text }; else delete ds.source;
  }
  if ('notes' in e) {
    const notes = e.notes.split('\n').map((s) => s.trim()).filter(Boolean);
    if (notes.length) ds.notes = notes; else delete ds.notes;
  }
  for (const k of ['kind', 'numberStyle', 'locale']) if (e[k]) ds[k] = e[k];
  if (Array.isArray(ds.series)) {
    ds.series.forEach((s, i) => { if (state.colors[i] && s && typeof s === 'object') s.color = state.colors[i]; });
    const names = ds.series.map((s) => s?.name);
    const hl = state.highlight.filter((n) => names.includes(n));
    if (hl.length) ds.highlight = hl;
  }
  return { feed: out, index: list.indexOf(ds) };
}

// ---- rendering the form from the state --------------------------------------------------------

function dataset(feed) {
  const list = Array.isArray(feed?.datasets) ? feed.datasets : [];
  return list.find((d) => d && d.id === state.dataset) || list[0] || null;
}

const textOf = (ds, key) => {
  if (!ds) return '';
  if (key === 'source') return typeof ds.source === 'string' ? ds.source : ds.source?.text || '';
  if (key === 'sourceUrl') return typeof ds.source === 'object' ? ds.source?.url || '' : '';
  if (key === 'notes') return Array.isArray(ds.notes) ? ds.notes.join('\n') : ds.notes || '';
  return ds[key] == null ? '' : String(ds[key]);
};

function fillSelect(sel, values, labels) {
  const keep = sel.value;
  sel.replaceChildren(...['', ...values].map((v) => {
    const o = document.createElement('option');
    o.value = v;
    o.textContent = v ? labels[v] : t().auto;
    return o;
  }));
  sel.value = keep;
}

function applyLang() {
  const L = t();
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${L.heading} · newschart`;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const v = L[el.dataset.i18n];
    if (typeof v === 'string') el.textContent = v;
  }
  for (const b of document.querySelectorAll('.lang-btn')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  fillSelect($('f-kind'), KINDS, L.kinds);
  fillSelect($('f-numberStyle'), STYLES, L.styles);
  fillSelect($('f-locale'), LOCALES, L.locales);
}

/** Which preview a screen too narrow for both shows (both, side by side, where they fit). */
function showDevice() {
  $('previews').dataset.show = state.device === 'phone' ? 'phone' : 'desktop';
  for (const b of document.querySelectorAll('.device-btn')) b.setAttribute('aria-pressed', String(b.dataset.device === $('previews').dataset.show));
}

function showSource() {
  for (const b of document.querySelectorAll('[role="tab"][data-source]')) {
    const on = b.dataset.source === state.source;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    $(b.getAttribute('aria-controls')).hidden = !on;
  }
}

/** Puts the state into the inputs (on load, and when new data arrives for fields not edited). */
function fillInputs(ds) {
  if (document.activeElement !== $('csv')) $('csv').value = state.csv;
  if (document.activeElement !== $('json')) $('json').value = state.json;
  if (document.activeElement !== $('url')) $('url').value = state.url;
  if (document.activeElement !== $('feed-url')) $('feed-url').value = state.feedUrl;
  if (document.activeElement !== $('f-height')) $('f-height').value = state.height;
  $('csv-name').textContent = state.csvName;
  for (const key of EDITS) {
    const input = $(`f-${key}`);
    if (document.activeElement === input) continue;
    input.value = key in state.edits ? state.edits[key] : (input.tagName === 'SELECT' ? '' : textOf(ds, key));
  }
  if (!(state.edits.kind) && ds && KINDS.includes(ds.kind)) $('f-kind').value = '';
}

function showColors(ds) {
  const box = $('colors');
  const series = Array.isArray(ds?.series) ? ds.series : [];
  const want = series.map((s, i) => `${i}:${s?.name}`).join('|');
  if (box.dataset.for !== want) {
    box.dataset.for = want;
    box.replaceChildren(...series.map((s, i) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'color';
      input.id = `f-color-${i}`;
      input.dataset.series = String(i);
      label.append(input, String(s?.name ?? `${t().series} ${i + 1}`));
      if (series.length > 1) { // highlight a few series, the rest in grey
        const hl = document.createElement('input');
        hl.type = 'checkbox';
        hl.className = 'hl';
        hl.id = `f-highlight-${i}`;
        hl.dataset.name = String(s?.name ?? '');
        hl.setAttribute('aria-label', `${t().highlight}: ${s?.name ?? ''}`);
        const tag = document.createElement('span');
        tag.className = 'hl-tag';
        tag.textContent = t().highlight;
        label.append(hl, tag);
      }
      return label;
    }));
  }
  for (const hl of box.querySelectorAll('input.hl')) hl.checked = state.highlight.includes(hl.dataset.name);
  $('highlight-hint').hidden = series.length < 2;
  $('highlight-hint').textContent = t().highlightHint;
  series.forEach((s, i) => {
    const input = $(`f-color-${i}`);
    if (input && document.activeElement !== input) input.value = state.colors[i] || (/^#[0-9a-f]{6}$/i.test(s?.color || '') ? s.color.toLowerCase() : PALETTE[i % PALETTE.length]);
  });
  $('colors-field').hidden = series.length === 0;
}

function showDatasets(feed) {
  const list = Array.isArray(feed?.datasets) ? feed.datasets.filter((d) => d && typeof d === 'object') : [];
  $('dataset-row').hidden = list.length < 2;
  const sel = $('dataset');
  sel.replaceChildren(...list.map((d, i) => {
    const o = document.createElement('option');
    o.value = d.id || '';
    o.textContent = `${d.title || d.id || i + 1}`;
    return o;
  }));
  if (list.some((d) => d.id === state.dataset)) sel.value = state.dataset;
}

// ---- messages, each beside the field or line it is about ------------------------------------

const FIELD_OF = { title: 'title', subtitle: 'subtitle', source: 'source', notes: 'notes', kind: 'kind', numberStyle: 'numberStyle', locale: 'locale' };

/** The field a problem's JSON path points at, for the chosen dataset, or null. */
function fieldOf(path, index) {
  const m = /^datasets\[(\d+)\]\.(\w+)(?:\.(\w+)|\[(\d+)\]\.(\w+))?/.exec(path || '');
  if (!m || Number(m[1]) !== index) return null;
  if (m[2] === 'source') return m[3] === 'url' ? 'sourceUrl' : 'source';
  if (m[2] === 'series' && m[5] === 'color') return 'colors';
  return FIELD_OF[m[2]] || null;
}

function li(p, where, onShow) {
  const item = document.createElement('li');
  item.className = p.severity === 'warning' ? 'warning' : p.severity === 'info' ? 'info' : 'error';
  if (where) {
    if (onShow) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'at';
      b.textContent = t().show;
      b.addEventListener('click', onShow);
      item.append(b);
    }
    const code = document.createElement('code');
    code.textContent = where;
    item.append(code, state.lang === 'zh' ? '：' : ': ');
  }
  item.append(state.lang === 'zh' ? p.zh : p.en);
  return item;
}

/** Selects line `n` (1-based) of a textarea, so the editor sees the line a message is about. */
function selectLine(area, n) {
  const lines = area.value.split('\n');
  const start = lines.slice(0, Math.max(0, n - 1)).reduce((a, l) => a + l.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[n - 1] || '').length);
  const lh = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (n - 3) * lh);
}

function showMessages(located, paneProblems, feedProblems, index, extra) {
  const L = t();
  const pane = state.source === 'csv' ? 'csv' : state.source === 'json' ? 'json' : 'url';
  const area = pane === 'url' ? null : $(pane);
  const paneList = $(`${pane}-msgs`);
  for (const id of ['csv-msgs', 'json-msgs', 'url-msgs', 'data-msgs']) $(id).replaceChildren();
  for (const p of extra) paneList.append(li(p, '', null));
  if (pane === 'csv' && lastResult) {
    const { items, rest } = problemItems(paneProblems, lastResult.table, importUi(), li);
    paneList.append(...items);
    paneProblems = rest;
  }
  for (const p of paneProblems) {
    const where = p.line ? L.where(p.line, p.column) : '';
    paneList.append(li(p, where, p.line && area ? () => selectLine(area, p.line) : null));
  }
  // problems of the edited feed: beside their field, else under the data
  const byField = {};
  for (const p of feedProblems) {
    const f = fieldOf(p.path, index);
    if (f) (byField[f] ||= []).push(p);
    else $('data-msgs').append(li(p, p.path || '', null));
  }
  for (const key of [...EDITS, 'colors']) {
    const msg = $(`m-${key}`);
    const list = byField[key] || [];
    msg.textContent = list.map((p) => (state.lang === 'zh' ? p.zh : p.en)).join(' ');
    msg.classList.toggle('warning', list.length > 0 && list.every((p) => p.severity === 'warning'));
    const input = key === 'colors' ? null : $(`f-${key}`);
    if (input) input.setAttribute('aria-invalid', String(list.some((p) => p.severity !== 'warning')));
  }
  for (const [key, text] of Object.entries(located)) {
    $(`m-${key}`).textContent = text;
    $(key === 'feedUrl' ? 'feed-url' : `f-${key}`).setAttribute('aria-invalid', String(!!text));
  }
}

// ---- the import panel (builder-import.js) ------------------------------------------------------

let lastResult = null;
function importUi() {
  return {
    L: t(), lang: state.lang, exclude: state.exclude, pivot: state.pivot, sheet: state.sheet, edits: state.cells,
    on: {
      exclude: (header, out) => {
        state.exclude = state.exclude.filter((h) => h !== header);
        state.include = state.include.filter((h) => h !== header);
        (out ? state.exclude : state.include).push(header);
        changed();
      },
      pivot: (spec) => { state.pivot = spec; changed(); },
      sheet: (name) => { state.sheet = name; changed(); },
      edit: (row, col, text) => { state.cells[cellKey(row, col)] = text; changed(); },
      show: (p) => {
        const input = document.querySelector(`#grid input[data-cell="${cellKey(p.line, p.column - 1)}"]`);
        if (input) { input.scrollIntoView({ block: 'nearest' }); input.focus(); input.select(); } else if (!state.xlsx) selectLine($('csv'), p.line);
      },
    },
  };
}

// ---- the feed, the previews and the snippets ----------------------------------------------------

let current = { text: '', id: '', title: '', height: 300, ok: false };

function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The feed's published address, absolute, or '' (and a message) when it is missing or not http(s). */
function feedAddress() {
  const v = state.feedUrl.trim();
  if (!v) return { url: '', msg: t().needFeedUrl };
  try {
    const u = new URL(v, location.href);
    if (u.protocol === 'http:' || u.protocol === 'https:') return { url: u.href, msg: '' };
  } catch (_) { /* below */ }
  return { url: '', msg: t().badFeedUrl };
}

/**
 * What the feed's published address answers, checked once per address: readers' pages on other
 * sites read the feed across origins, which the browser allows only with the header
 * Access-Control-Allow-Origin. { url, state: 'checking' | 'ok' | 'warn' | 'bad', msg(L) }.
 */
let reach = { url: '', state: '' };
let reachTimer = 0;
async function checkAddress(url) {
  if (reach.url !== url) return; // typed on meanwhile
  const u = new URL(url);
  const same = u.origin === location.origin;
  let result;
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (!res.ok) result = { state: 'bad', msg: (L) => L.notThere(res.status) };
    else if (!check(await res.text()).ok) result = { state: 'bad', msg: (L) => L.notFeed };
    else if (same && !res.headers.get('access-control-allow-origin')) result = { state: 'warn', msg: (L) => L.corsSame };
    else result = { state: 'ok', msg: () => '' };
  } catch (_) {
    // the browser does not say why a request failed: ask again without reading the answer
    // (no-cors), which succeeds when the server answers but sends no Access-Control-Allow-Origin
    let answers = false;
    try { await fetch(url, { mode: 'no-cors', cache: 'no-cache' }); answers = true; } catch (_) { /* no answer at all */ }
    result = answers ? { state: 'bad', msg: (L) => L.corsMissing(u.host) } : { state: 'bad', msg: (L) => L.unreachable(u.host) };
  }
  if (reach.url !== url) return; // the address changed meanwhile
  reach = { url, ...result };
  update();
}

/** Why no snippet can be offered yet, in the editor's language, or '' when it can. */
function snippetBlock(addr, problems) {
  const L = t();
  if (!current.text) return problems.some((p) => p.severity !== 'warning' && p.severity !== 'info') ? L.snipFix : L.snipNoData;
  if (!current.ok) return L.snipFix;
  if (!addr.url) return addr.msg;
  if (reach.url !== addr.url) { // checked once the typing stops
    reach = { url: addr.url, state: 'checking', msg: (L) => L.snipChecking };
    clearTimeout(reachTimer);
    reachTimer = setTimeout(() => checkAddress(addr.url), 400);
  }
  return reach.state === 'checking' || reach.state === 'bad' ? reach.msg(L) : '';
}

/**
 * The snippets; `given` (the feed service's, for a published chart): its embed `height` and the
 * `<picture>` of its static images, which the service draws and serves (src/serve/statics.rs).
 */
function snippets(given = {}) {
  const { url } = feedAddress();
  const src = url || PLACEHOLDER_FEED;
  const h = given.height || current.height;
  const ds = current.multi && current.id ? current.id : '';
  const widget = new URL('pkg/newschart.js', location.href).href;
  const resizer = new URL('pkg/embed-resize.js', location.href).href;
  const embed = new URL('embed.html', location.href).href;
  const fallback = `<p>${esc(current.title || t().fallback)}</p>`;
  const script = `<script type="module" src="${esc(widget)}" blocking="render"></script>`;
  // The static first paint: the images `newschart render FEED --static DIR --chart-height H`
  // writes (FEED.HASH.328.svg, FEED.HASH.720.svg; HASH: the feed's fingerprint, FNV-1a over its
  // text, as src/web/static.js checks it), shown until the live chart is drawn. The builder cannot
  // draw them (they are the native renderer's) nor know they are published, and an <img> of a
  // missing file would show a broken image until the chart loads: the snippet carries the
  // <picture> in a comment that says how to make them; the editor uncomments it once they are up.
  let hash = 0x811c9dc5;
  for (let i = 0; i < current.text.length; i++) hash = Math.imul(hash ^ current.text.charCodeAt(i), 0x01000193);
  const stem = `${src.replace(/\.json$/i, '')}.${(hash >>> 0).toString(16).padStart(8, '0')}`;
  const alt = $('preview-desktop').shadowRoot?.querySelector('canvas')?.getAttribute('aria-label') || current.title || t().fallback;
  // (as `--theme auto` prints it: the dark images first, for a reader whose colour scheme is dark)
  const source = (media, file, w) => `<source media="${media}" srcset="${esc(stem)}.${file}.svg" width="${w}" height="${h + FRAME}">`;
  const picture = given.picture != null ? given.picture : `<!-- static first paint: newschart render FEED.json --static DIR --chart-height ${h} --widths 328,720, then:\n`
    + `<picture slot="static" data-feed="${stem.slice(-8)}">${source('(prefers-color-scheme: dark) and (max-width: 751px)', '328.dark', 328)}${source('(prefers-color-scheme: dark)', '720.dark', 720)}${source('(max-width: 751px)', '328', 328)}`
    + `<img class="nc-static" src="${esc(stem)}.720.svg" width="720" height="${h + FRAME}" alt="${esc(alt)}"></picture> -->`;
  const q = `src=${encodeURIComponent(src)}${ds ? `&dataset=${encodeURIComponent(ds)}` : ''}&height=${h}`;
  return {
    element: `${script}\n<news-chart src="${esc(src)}"${ds ? ` dataset="${esc(ds)}"` : ''} height="${h}">${picture}${fallback}</news-chart>`,
    div: `${script}\n<div class="news-chart" data-src="${esc(src)}"${ds ? ` data-dataset="${esc(ds)}"` : ''} data-height="${h}">${picture}${fallback}</div>`,
    iframe: `<iframe data-newschart src="${esc(`${embed}?${q}`)}" title="${esc(current.title || t().fallback)}" width="100%" height="${h + FRAME}" frameborder="0" scrolling="no" loading="lazy"></iframe>`,
    resizer: `<script src="${esc(resizer)}" defer></script>`,
  };
}

let previewTimer = 0;
let shownText = null;
function preview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    for (const id of ['preview-phone', 'preview-desktop']) {
      const el = $(id);
      if (current.multi && current.id) el.setAttribute('dataset', current.id); else el.removeAttribute('dataset');
      el.setAttribute('height', String(current.height));
    }
    for (const id of ['preview-phone', 'preview-desktop']) $(id).hidden = !current.text;
    if (!current.text || current.text === shownText) return;
    shownText = current.text;
    for (const id of ['preview-phone', 'preview-desktop']) $(id).setFeed(current.text);
  }, 120);
}

/** Recomputes everything from the state: the feed, the messages, the previews, the snippets. */
function update() {
  const L = t();
  const b = base();
  lastResult = b.result || null;
  showImport($('import'), state.source === 'csv' ? lastResult : null, importUi());
  const extra = state.source === 'csv' && state.csvNote ? [{ severity: 'info', zh: T.zh[state.csvNote], en: T.en[state.csvNote] }] : [];
  if (!b.feed && !b.problems.length && !b.result?.long) extra.push({ severity: 'info', zh: T.zh.empty, en: T.en.empty });
  const ds = dataset(b.feed);
  if (b.feed) showDatasets(b.feed);
  else $('dataset-row').hidden = true;
  fillInputs(ds);
  showColors(ds);
  const located = {};
  let feedProblems = [];
  if (b.feed) {
    const { feed, index } = edited(b.feed);
    const text = `${JSON.stringify(feed, null, 2)}\n`;
    const r = check(text);
    feedProblems = [...r.problems, ...r.warnings];
    const chosen = dataset(feed);
    if (chosen && typeof chosen.title === 'string' && !chosen.title.trim()) located.title = L.needTitle;
    const hv = state.height.trim();
    const hn = Number(hv);
    if (hv && !(hn >= 60 && hn <= 2000)) located.height = L.badHeight;
    else located.height = '';
    $('f-height').placeholder = L.heightAuto(r.defaultHeight);
    current = {
      text, ok: r.ok, id: chosen?.id || '', title: chosen?.title || '', multi: (feed.datasets || []).length > 1,
      height: hv && hn >= 60 && hn <= 2000 ? Math.round(hn) : r.defaultHeight,
    };
  } else {
    current = { text: '', ok: false, id: '', title: '', height: 300 };
  }
  // a CSV's own problems are located in the CSV; once it converts, the feed's problems go to the fields
  showMessages(located, b.problems.filter((p) => p.line || !b.csv || !b.feed), feedProblems, b.feed ? edited(b.feed).index : 0, extra);
  const addr = feedAddress();
  const block = snippetBlock(addr, b.problems);
  const addrMsg = addr.msg || (reach.url === addr.url && reach.state !== 'ok' ? reach.msg(L) : '');
  // said once: under the snippets' heading when it is why there are none, else beside the field
  $('m-feedUrl').textContent = current.text && addrMsg !== block ? addrMsg : '';
  $('m-feedUrl').classList.toggle('warning', reach.url === addr.url && reach.state === 'warn');
  $('feed-url').setAttribute('aria-invalid', String(!!(current.text && state.feedUrl && (addr.msg || (reach.url === addr.url && reach.state === 'bad')))));
  // no snippet without a valid feed at a readable address: the area says what to fix instead
  $('snippet-why').textContent = block;
  $('snippets').hidden = !!block;
  const s = block ? { element: '', div: '', iframe: '', resizer: '' } : snippets();
  for (const k of ['element', 'div', 'iframe', 'resizer']) $(`snippet-${k}`).value = s[k];
  $('download').disabled = !current.text;
  preview();
  for (const f of watchers) f();
}

// ---- what the feed service's panel (builder-service.js) needs of the builder --------------------

const watchers = [];
/** A chosen file still being read (its name), so the service's panel publishes nothing old meanwhile. */
let reading = '';
const service = {
  lang: () => state.lang,
  feed: () => ({ text: current.text, ok: current.ok, height: current.height }),
  /** The name of a chosen file still being read, else ''. */
  reading: () => reading,
  /** The spreadsheet the data came from (a workbook's or a CSV file's bytes, or the CSV as typed), or null. */
  source: () => {
    if (state.source !== 'csv' || !current.text) return null;
    if (state.xlsx) return { name: state.csvName || 'data.xlsx', base64: state.xlsx };
    if (state.csvBytes) return { name: state.csvName || 'data.csv', base64: state.csvBytes };
    if (!state.csv.trim()) return null;
    return { name: state.csvName || 'pasted.csv', base64: toBase64(new TextEncoder().encode(state.csv)) };
  },
  /** Shows the service's problems beside the fields they name; returns the others. */
  place: (problems) => {
    const b = base();
    const index = b.feed ? edited(b.feed).index : 0;
    const rest = [];
    for (const p of problems) {
      const f = fieldOf(p.path, index);
      if (!f) { rest.push(p); continue; }
      const msg = $(`m-${f}`);
      msg.textContent = `${msg.textContent ? `${msg.textContent} ` : ''}${state.lang === 'zh' ? p.zh : p.en}`;
      if (f !== 'colors') $(`f-${f}`).setAttribute('aria-invalid', 'true');
    }
    return rest;
  },
  li,
  where: (line, col) => t().where(line, col),
  snippetsFor: (url, given) => {
    const keep = state.feedUrl;
    state.feedUrl = url;
    try { return snippets(given); } finally { state.feedUrl = keep; }
  },
  copy,
  onUpdate: (f) => watchers.push(f),
};

// ---- input ----------------------------------------------------------------------------------

function changed() {
  save();
  update();
}

function decodeFile(bytes) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), note: 'utf16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: '' };
  } catch (_) {
    return { text: new TextDecoder('gbk').decode(bytes), note: 'gbk' };
  }
}

/** A new file or feed is a new chart: the edits made to the last one do not carry over. */
function newData() {
  state.edits = {};
  state.colors = {};
  state.dataset = '';
  state.height = '';
  Object.assign(state, { exclude: [], include: [], pivot: null, sheet: '', cells: {}, highlight: [] });
}

async function loadUrl() {
  const L = t();
  const v = state.url.trim();
  if (!v) return;
  const list = $('url-msgs');
  list.replaceChildren(li({ severity: 'info', zh: T.zh.fetching, en: T.en.fetching }, '', null));
  try {
    const u = new URL(v, location.href);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(L.badFeedUrl);
    const res = await fetch(u.href, { cache: 'no-cache' });
    if (!res.ok) throw new Error(L.httpStatus(res.status));
    state.urlText = await res.text();
    newData();
    state.feedUrl = u.href;
    changed();
  } catch (e) {
    if (!(e instanceof TypeError)) { list.replaceChildren(li({ severity: 'error', zh: T.zh.fetchFailed(e.message), en: T.en.fetchFailed(e.message) }, '', null)); return; }
    // failed in the browser: a server that answers without Access-Control-Allow-Origin, or none
    const u = new URL(v, location.href);
    let answers = false;
    try { await fetch(u.href, { mode: 'no-cors', cache: 'no-cache' }); answers = true; } catch (_) { /* no answer */ }
    const key = answers ? 'corsMissing' : 'unreachable';
    list.replaceChildren(li({ severity: 'error', zh: T.zh[key](u.host), en: T.en[key](u.host) }, '', null));
  }
}

/** Copies a snippet's text, and says so on its button for two seconds. */
async function copy(area, b) {
  try {
    await navigator.clipboard.writeText(area.value);
  } catch (_) {
    area.focus();
    area.select();
    document.execCommand('copy');
  }
  b.textContent = t().copied;
  b.classList.add('done');
  setTimeout(() => { b.textContent = t().copy; b.classList.remove('done'); }, 2000);
}

function wire() {
  for (const b of document.querySelectorAll('.lang-btn')) {
    b.addEventListener('click', () => { state.lang = b.dataset.lang; applyLang(); changed(); });
  }
  for (const b of document.querySelectorAll('[role="tab"][data-source]')) {
    b.addEventListener('click', () => { state.source = b.dataset.source; showSource(); changed(); });
    b.addEventListener('keydown', (e) => {
      const tabs = [...document.querySelectorAll('[role="tab"][data-source]')];
      const i = tabs.indexOf(b);
      const j = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i + tabs.length - 1) % tabs.length : -1;
      if (j >= 0) { e.preventDefault(); tabs[j].click(); tabs[j].focus(); }
    });
  }
  $('csv').addEventListener('input', () => { state.csv = $('csv').value; state.csvNote = ''; state.csvBytes = ''; state.xlsx = ''; changed(); });
  $('colors').addEventListener('change', (e) => {
    if (!e.target.classList?.contains('hl')) return;
    const name = e.target.dataset.name;
    state.highlight = state.highlight.filter((n) => n !== name);
    if (e.target.checked) state.highlight.push(name);
    changed();
  });
  $('json').addEventListener('input', () => { state.json = $('json').value; changed(); });
  $('url').addEventListener('input', () => { state.url = $('url').value; save(); });
  $('url').addEventListener('keydown', (e) => { if (e.key === 'Enter') loadUrl(); });
  $('load').addEventListener('click', loadUrl);
  $('csv-file').addEventListener('change', async () => {
    const file = $('csv-file').files[0];
    if (!file) return;
    // until the new file is in the preview, nothing may be published from the old one
    reading = file.name;
    for (const f of watchers) f();
    try {
      await readChosenFile(file);
    } finally {
      reading = '';
      for (const f of watchers) f();
    }
  });
  async function readChosenFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // a workbook (.xlsx is a zip: "PK\3\4") goes to the conversion as it is; text is decoded here
    const xlsx = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
    const { text, note } = xlsx ? { text: '', note: '' } : decodeFile(bytes);
    if (xlsx) {
      try {
        await loadXlsxReader();
      } catch (e) {
        xlsxReader = null;
        $('data-msgs').replaceChildren(li({ severity: 'error', zh: `Excel 读取模块加载失败：${e.message}`, en: `the Excel reader failed to load: ${e.message}` }, '', null));
        return;
      }
    }
    // a version keeps the file it came from: a CSV whose text is not its bytes in UTF-8 (GBK,
    // UTF-16, a byte-order mark) is kept as the file was, the others as the text read
    const asRead = xlsx ? bytes : new TextEncoder().encode(text);
    const csvBytes = !xlsx && (asRead.length !== bytes.length || asRead.some((b, i) => b !== bytes[i])) ? toBase64(bytes) : '';
    Object.assign(state, { csv: text, csvName: file.name, csvNote: note, csvBytes, source: 'csv', xlsx: xlsx ? toBase64(bytes) : '' });
    newData();
    $('csv').value = text;
    showSource();
    changed();
  }
  $('dataset').addEventListener('change', () => { state.dataset = $('dataset').value; state.colors = {}; changed(); });
  for (const key of EDITS) {
    const input = $(`f-${key}`);
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', () => { state.edits[key] = input.value; changed(); });
  }
  $('f-height').addEventListener('input', () => { state.height = $('f-height').value; changed(); });
  $('colors').addEventListener('input', (e) => {
    const i = e.target.dataset?.series;
    if (i !== undefined) { state.colors[i] = e.target.value; changed(); }
  });
  $('feed-url').addEventListener('input', () => { state.feedUrl = $('feed-url').value; changed(); });
  // Enter in the field checks the address again: its server may have been fixed meanwhile
  $('feed-url').addEventListener('keydown', (e) => { if (e.key === 'Enter') { reach = { url: '', state: '' }; update(); } });
  for (const b of document.querySelectorAll('.device-btn')) {
    b.addEventListener('click', () => { state.device = b.dataset.device; showDevice(); save(); });
  }
  $('download').addEventListener('click', () => {
    if (!current.text) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([current.text], { type: 'application/json' }));
    a.download = `${(current.id || 'chart').replace(/[^\w.-]+/g, '-')}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  });
  for (const b of document.querySelectorAll('.copy')) b.addEventListener('click', () => copy($(`snippet-${b.dataset.copy}`), b));
  $('reset').addEventListener('click', () => {
    if (!confirm(t().confirmReset)) return;
    const lang = state.lang;
    state = { ...blank(), lang };
    shownText = null;
    changed();
  });
  // belt and braces: whatever is in the inputs when the page goes away is saved
  addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save(); });
}

applyLang();
showSource();
showDevice();
wire();
// a workbook restored from the last visit needs its reader before the first conversion
Promise.all([ready, state.xlsx ? loadXlsxReader() : null]).then(() => {
  update();
  if (restored && (state.csv || state.json || state.urlText)) $('saved').textContent = t().restored;
  document.body.dataset.ready = 'true';
  // the "Publish" panel, only when a newschart service serves this page (builder-service.js)
  import('./builder-service.js').then((m) => m.start(service), () => { /* no panel */ });
}, (e) => {
  $('data-msgs').replaceChildren(li({ severity: 'error', zh: `图表组件加载失败：${e.message}`, en: `the chart component failed to load: ${e.message}` }, '', null));
});
