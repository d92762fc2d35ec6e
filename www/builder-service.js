// The builder's "Publish" panel, for a builder page served by the feed service (`newschart serve
// --www www`; docs/SERVICE.md): sign in, open or create a chart, publish the previewed feed with a
// note (and the CSV or workbook it came from), each version beside the live one with what changed,
// rollback for editors, the audit log, the live data source and the embed snippet for the stable
// feed address. Served any other way (a static host, file://) the panel never appears and the
// builder works as before. Text from the service reaches the page only as textContent.

const T = {
  zh: {
    heading: '发布到新闻图表服务', status: '状态', historyH: (c) => `版本和记录：${c}`, historyLink: '版本、对比、回滚和操作记录（页面下方）',
    name: '用户名', password: '密码', signIn: '登录', signOut: '退出', signedIn: (n, role, desk) => `已登录：${n}（${role}，${desk}）`,
    roles: { journalist: '记者', editor: '编辑', admin: '管理员' },
    wrongPassword: '用户名或密码不对。', rateLimited: '登录失败次数太多，请 15 分钟后再试。', signInAgain: '登录已过期，请重新登录。',
    signedOut: '已退出。', welcome: (n) => `欢迎，${n}。`,
    charts: '图表', pick: '选一张图表…', open: '打开', noCharts: '还没有图表：在下面新建一张。', live: (n) => (n ? `线上第 ${n} 版` : '尚未发布'),
    newChart: '新建图表', chartId: '图表编号（小写字母、数字和 -）', chartTitle: '标题', create: '新建',
    badId: '图表编号只能用小写字母 a–z、数字 0–9 和连字符 -，以字母或数字开头，最长 64 个字符（它会出现在数据地址里）。',
    needTitle: '新图表要有标题。', idTaken: (id) => `已经有一张编号为“${id}”的图表：换一个编号，或在上面打开它。`, created: (id) => `已新建图表“${id}”。`,
    chartOf: (title, id) => `${title}（${id}）`, owner: (o, d) => `负责人：${o}，部门：${d}`,
    publishH: '发布新版本', note: '说明（一行，例如“更新到 6 月的数据”）', publish: '发布',
    publishing: '正在发布…', published: (n) => `已发布第 ${n} 版，正在线上。嵌入这张图表的网页会自动更新。`,
    reading: (f) => `正在读取“${f}”：读完并预览后才能发布。`,
    noFeed: '先在“1. 数据”里载入数据，预览没有问题后才能发布。', feedBad: '数据还有错误（见红色提示）：改正后才能发布。',
    notYours: (owner) => `你不能发布到这张图表：它属于 ${owner}。请找它的负责人或本部门的编辑。`,
    refused: '服务器拒绝了：你没有修改这张图表的权限。', serverProblems: '服务器检查数据时发现问题，没有发布：',
    fromFile: (f) => `连同源文件 ${f} 一起保存。`,
    staticNone: (p) => `这一版没有静态图：${p}。嵌入代码里没有静态图，读者看到的是加载后的图表。`, staticOk: (h, ms) => `嵌入代码带着这一版的静态图（高 ${h} 像素，绘制用时 ${ms} 毫秒）：网页在脚本运行前就显示图表。`,
    snippetH: '嵌入代码（固定地址，数据更新后网页自动跟上）', formElement: '脚本 + 图表标签（大多数网站）', formDiv: '脚本 + div（会删掉陌生标签的 CMS）', copy: '复制', copied: '已复制', noLive: '发布第一个版本后才有嵌入代码。',
    versionsH: '版本', vN: '版本', vAuthor: '作者', vTime: '时间', vNote: '说明', vFile: '源文件', vLive: '线上',
    isLive: '线上', compare: (n) => `第 ${n} 版与线上版对比`, rollback: (n) => `让第 ${n} 版重新上线`,
    rollbackNote: '回滚说明（一行）', onlyEditors: '只有编辑能让旧版本重新上线。', rolledBack: (n) => `第 ${n} 版已重新上线。`,
    compareH: (n, live) => `第 ${n} 版（左）与线上第 ${live} 版（右）`, changesH: '改动',
    noChange: '两个版本的数字完全相同。', changed: (where, a, b) => `${where}：${a} → ${b}`, missing: '（无）',
    seriesAdded: (s) => `新增系列“${s}”`, seriesRemoved: (s) => `删去系列“${s}”`,
    datasetAdded: (s) => `新增数据集“${s}”`, datasetRemoved: (s) => `删去数据集“${s}”`,
    auditH: '操作记录', aTime: '时间', aWho: '谁', aWhat: '操作', aFrom: '从', aTo: '到', aDetail: '详情',
    actions: { publish: '发布', rollback: '回滚', 'chart.create': '新建图表', 'source.set': '设置数据源' },
    sourceH: '自动更新的数据源', sourceUrl: '数据源地址（CSV 或 JSON，http/https）', interval: '检查间隔（秒）', saveSource: '保存数据源',
    sourceSaved: '数据源已保存：服务会按间隔检查它，数据有效且有变化时自动发布。', noSource: '没有设置数据源。',
    sourceOk: (t) => `上次检查：${t}，没有问题。`, sourceNever: '还没有检查过。', sourceProblem: (e) => `数据源的问题（线上版本没有被替换）：${e}`,
    badSource: '数据源地址须以 http:// 或 https:// 开头。', badInterval: '间隔应在 1 到 86400 秒之间。',
    failed: (why) => `没有成功：${why}`, network: '连不上服务器。', loading: '正在载入…',
  },
  en: {
    heading: 'Publish to the feed service', status: 'Status', historyH: (c) => `Versions and history: ${c}`, historyLink: 'Versions, comparison, rollback and the audit log (below)',
    name: 'Name', password: 'Password', signIn: 'Sign in', signOut: 'Sign out', signedIn: (n, role, desk) => `Signed in as ${n} (${role}, ${desk})`,
    roles: { journalist: 'journalist', editor: 'editor', admin: 'admin' },
    wrongPassword: 'Wrong name or password.', rateLimited: 'Too many failed sign-ins: wait 15 minutes and try again.', signInAgain: 'Your session has ended: sign in again.',
    signedOut: 'Signed out.', welcome: (n) => `Welcome, ${n}.`,
    charts: 'Chart', pick: 'Choose a chart…', open: 'Open', noCharts: 'No charts yet: create one below.', live: (n) => (n ? `v${n} live` : 'not published yet'),
    newChart: 'New chart', chartId: 'Chart id (lower-case letters, digits and -)', chartTitle: 'Title', create: 'Create',
    badId: 'A chart id uses only lower-case letters a–z, digits 0–9 and hyphens, starts with a letter or digit, and has at most 64 characters (it becomes part of the feed address).',
    needTitle: 'A new chart needs a title.', idTaken: (id) => `There is already a chart "${id}": choose another id, or open it above.`, created: (id) => `Chart "${id}" created.`,
    chartOf: (title, id) => `${title} (${id})`, owner: (o, d) => `Owner: ${o}, desk: ${d}`,
    publishH: 'Publish a new version', note: 'Note (one line, e.g. "June figures")', publish: 'Publish',
    publishing: 'Publishing…', published: (n) => `Version ${n} is published and live. Pages that embed this chart update by themselves.`,
    reading: (f) => `Reading "${f}": it can be published once it is read and previewed.`,
    noFeed: 'Load data under "1. Data" first: a version is published once its preview has no problems.', feedBad: 'The data still has errors (in red): fix them before publishing.',
    notYours: (owner) => `You cannot publish to this chart: it belongs to ${owner}. Ask its owner or an editor of the desk.`,
    refused: 'The service refused: you may not change this chart.', serverProblems: 'The service checked the data and found problems; nothing was published:',
    fromFile: (f) => `The source file ${f} is kept with it.`,
    staticNone: (p) => `This version has no static image: ${p}. The embed code carries none; readers see the chart once it loads.`, staticOk: (h, ms) => `The embed code carries this version's static image (${h} px high, drawn in ${ms} ms): pages show the chart before any script runs.`,
    snippetH: 'Embed code (a fixed address: pages follow each new version)', formElement: 'Script + chart tag (most sites)', formDiv: 'Script + div (a CMS that strips unknown tags)', copy: 'Copy', copied: 'Copied', noLive: 'The embed code appears once a first version is published.',
    versionsH: 'Versions', vN: 'Version', vAuthor: 'Author', vTime: 'Time', vNote: 'Note', vFile: 'Source file', vLive: 'Live',
    isLive: 'live', compare: (n) => `Compare version ${n} with the live one`, rollback: (n) => `Make version ${n} live again`,
    rollbackNote: 'Note for the rollback (one line)', onlyEditors: 'Only an editor can make an older version live again.', rolledBack: (n) => `Version ${n} is live again.`,
    compareH: (n, live) => `Version ${n} (left) beside the live version ${live} (right)`, changesH: 'What changed',
    noChange: 'The two versions have the same numbers.', changed: (where, a, b) => `${where}: ${a} → ${b}`, missing: '(none)',
    seriesAdded: (s) => `Series added: "${s}"`, seriesRemoved: (s) => `Series removed: "${s}"`,
    datasetAdded: (s) => `Dataset added: "${s}"`, datasetRemoved: (s) => `Dataset removed: "${s}"`,
    auditH: 'Audit log', aTime: 'Time', aWho: 'Who', aWhat: 'What', aFrom: 'From', aTo: 'To', aDetail: 'Detail',
    actions: { publish: 'published', rollback: 'rolled back', 'chart.create': 'chart created', 'source.set': 'source set' },
    sourceH: 'Live data source', sourceUrl: 'Source address (CSV or JSON, http/https)', interval: 'Check every (seconds)', saveSource: 'Save the source',
    sourceSaved: 'Source saved: the service checks it at this interval and publishes when a valid copy has changed.', noSource: 'No source set.',
    sourceOk: (t) => `Last checked ${t}, no problem.`, sourceNever: 'Not checked yet.', sourceProblem: (e) => `The source's last problem (the live version was kept): ${e}`,
    badSource: 'A source address starts with http:// or https://.', badInterval: 'The interval is 1 to 86400 seconds.',
    failed: (why) => `That did not work: ${why}`, network: 'The service cannot be reached.', loading: 'Loading…',
  },
};

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * A problem of the service without the place its words begin with (`newschart validate`'s
 * "PATH（第L行，第C列）：" form): the builder shows the place its own way, beside the field or
 * before the message, and the words the widget's reader gives.
 */
function bare(p) {
  const place = (zh) => {
    let s = p.path || '';
    if (p.line > 0) s += zh ? `（第${p.line}行，第${p.column}列）` : `${s ? ' ' : ''}(line ${p.line}, column ${p.column})`;
    return s ? `${s}${zh ? '：' : ': '}` : '';
  };
  const cut = (text, pre) => (typeof text === 'string' && pre && text.startsWith(pre) ? text.slice(pre.length) : text);
  return { ...p, zh: cut(p.zh, place(true)), en: cut(p.en, place(false)) };
}

/** An element: `el('p', { class: 'hint' }, 'text', child…)`; strings become text nodes. */
function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  e.append(...kids.filter((k) => k != null && k !== false));
  return e;
}

/**
 * Whether a newschart service serves this page: it marks its answers with X-Newschart-Service
 * (a HEAD of this page, which a static host answers 200 too), and then `/api/me` says who is
 * signed in (200) or that nobody is (401). Anything else: no service, no panel.
 */
async function detect() {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return null;
  try {
    const head = await fetch(location.pathname, { method: 'HEAD', cache: 'no-store' });
    if (head.headers.get('x-newschart-service') !== '1') return null;
    const me = await fetch('/api/me', { cache: 'no-store', credentials: 'same-origin' });
    if (me.status === 200) return { me: await me.json() };
    if (me.status === 401) return { me: null };
  } catch (_) { /* no service */ }
  return null;
}

/**
 * Starts the panel when a service serves the page. `b` is the builder's side (builder.js):
 * lang(), feed() → { text, ok, height }, source() → { name, base64 } | null, place(problems) → the
 * problems not shown beside a field, li(problem, where), where(line, column), snippetsFor(url, { height, picture }),
 * copy(area, button), onUpdate(fn).
 */
export async function start(b) {
  const found = await detect();
  if (!found) return;
  const S = { me: found.me, csrf: found.me?.csrf || '', charts: [], chart: null, audit: [], compare: null, diff: null, busy: false };
  const L = () => T[b.lang()];

  // ---- the panel's frame ----
  const status = el('p', { id: 'svc-status', class: 'svc-status', role: 'status', 'aria-live': 'polite' });
  const body = el('div', { id: 'svc-body' });
  const h2 = el('h2', { id: 'h-svc' });
  const panel = el('section', { id: 'service', class: 'panel service', 'aria-labelledby': 'h-svc' }, h2, status, body);
  document.querySelector('.col-form').prepend(panel);
  // the open chart's history, full width below the form and the previews: versions side by side
  const h2h = el('h2', { id: 'h-svc-history' });
  const historyBody = el('div', { id: 'svc-history-body' });
  const history = el('section', { id: 'service-history', class: 'panel service service-history', 'aria-labelledby': 'h-svc-history', hidden: true }, h2h, historyBody);
  // after the grid, not in it: the sticky preview column would slide over it
  document.querySelector('main.layout').after(history);
  const say = (text) => { status.textContent = text; };

  /** A request to the service: JSON in and out, the CSRF token on writes. { status, json }. */
  async function api(method, path, payload, type = 'application/json') {
    const headers = {};
    if (method !== 'GET') headers['X-CSRF-Token'] = S.csrf;
    if (payload !== undefined) headers['Content-Type'] = type;
    let res;
    try {
      res = await fetch(path, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload), credentials: 'same-origin', cache: 'no-store' });
    } catch (_) {
      return { status: 0, json: { error: L().network } };
    }
    let json = {};
    try { json = await res.json(); } catch (_) { /* an empty or non-JSON answer */ }
    if (res.status === 401 && S.me && !path.endsWith('/login')) { S.me = null; S.csrf = ''; render(); say(L().signInAgain); }
    return { status: res.status, json };
  }
  const why = (r) => L().failed(r.json?.error || `HTTP ${r.status}`);

  // ---- signing in and out ----
  function signInForm() {
    const Lx = L();
    const msgs = el('ul', { class: 'msgs', id: 'svc-login-msgs' });
    const name = el('input', { type: 'text', id: 'svc-name', autocomplete: 'username', required: true });
    const pass = el('input', { type: 'password', id: 'svc-password', autocomplete: 'current-password', required: true });
    const form = el('form', { id: 'svc-login', class: 'svc-form' },
      el('div', { class: 'field' }, el('label', { for: 'svc-name', text: Lx.name }), name),
      el('div', { class: 'field' }, el('label', { for: 'svc-password', text: Lx.password }), pass),
      el('button', { type: 'submit', id: 'svc-signin', text: Lx.signIn }), msgs);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      msgs.replaceChildren();
      const r = await api('POST', '/api/login', { name: name.value.trim(), password: pass.value });
      if (r.status === 200) {
        pass.value = '';
        S.csrf = r.json.csrf;
        const me = await api('GET', '/api/me');
        S.me = me.status === 200 ? me.json : { name: r.json.name, role: '', desk: '' };
        say(L().welcome(S.me.name));
        await loadCharts();
        return;
      }
      const words = r.status === 401 ? L().wrongPassword : r.status === 429 ? L().rateLimited : why(r);
      msgs.append(b.li({ severity: 'error', zh: words, en: words }, '', null));
      say(words);
      pass.focus();
    });
    return form;
  }

  async function signOut() {
    await api('POST', '/api/logout');
    Object.assign(S, { me: null, csrf: '', charts: [], chart: null, audit: [], compare: null, diff: null });
    render();
    say(L().signedOut);
  }

  // ---- the charts ----
  async function loadCharts() {
    const r = await api('GET', '/api/charts');
    if (r.status === 200) S.charts = r.json;
    render();
  }

  async function openChart(id, quiet) {
    const [c, a] = await Promise.all([api('GET', `/api/charts/${encodeURIComponent(id)}`), api('GET', `/api/charts/${encodeURIComponent(id)}/audit`)]);
    if (c.status !== 200) { say(why(c)); return; }
    // a check that finds nothing new draws nothing (the previews beside each other keep their state)
    if (quiet === 'poll' && JSON.stringify([S.chart, S.audit]) === JSON.stringify([c.json, a.status === 200 ? a.json : []])) return;
    S.chart = c.json;
    S.audit = a.status === 200 ? a.json : [];
    if (S.compare && !S.chart.versions.some((v) => v.n === S.compare)) S.compare = null;
    if (S.compare) await loadDiff(); else S.diff = null;
    const i = S.charts.findIndex((x) => x.id === id);
    if (i >= 0) S.charts[i] = S.chart.chart; else S.charts.push(S.chart.chart);
    render();
    if (!quiet) say(L().chartOf(S.chart.chart.title, id));
  }

  function chartPicker() {
    const Lx = L();
    const sel = el('select', { id: 'svc-chart' }, el('option', { value: '', text: S.charts.length ? Lx.pick : Lx.noCharts }),
      ...S.charts.map((c) => el('option', { value: c.id, text: `${c.id} · ${c.title} · ${Lx.live(c.live)}` })));
    sel.value = S.chart?.chart.id || '';
    sel.addEventListener('change', () => { if (sel.value) { S.compare = null; openChart(sel.value); } });
    return el('div', { class: 'field' }, el('label', { for: 'svc-chart', text: Lx.charts }), sel);
  }

  function newChartForm() {
    const Lx = L();
    const msgs = el('ul', { class: 'msgs', id: 'svc-new-msgs' });
    const id = el('input', { type: 'text', id: 'svc-new-id', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'svc-new-msgs' });
    const title = el('input', { type: 'text', id: 'svc-new-title', autocomplete: 'off', 'aria-describedby': 'svc-new-msgs' });
    const form = el('form', { id: 'svc-new', class: 'svc-form' },
      el('h3', { text: Lx.newChart }),
      el('div', { class: 'field two' },
        el('div', {}, el('label', { for: 'svc-new-id', text: Lx.chartId }), id),
        el('div', {}, el('label', { for: 'svc-new-title', text: Lx.chartTitle }), title)),
      el('button', { type: 'submit', id: 'svc-create', text: Lx.create }), msgs);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const L2 = L();
      const v = id.value.trim();
      const problem = !SLUG.test(v) ? L2.badId : !title.value.trim() ? L2.needTitle : '';
      let words = problem;
      if (!problem) {
        const r = await api('POST', '/api/charts', { id: v, title: title.value.trim() });
        if (r.status === 201) {
          say(L2.created(v));
          await loadCharts();
          await openChart(v, true);
          return;
        }
        words = r.status === 409 ? L2.idTaken(v) : r.status === 400 && /slug/.test(r.json?.error || '') ? L2.badId : why(r);
      }
      msgs.replaceChildren(b.li({ severity: 'error', zh: words, en: words }, '', null));
      id.setAttribute('aria-invalid', String(words !== L2.needTitle));
      say(words);
    });
    return form;
  }

  // ---- one chart's page ----
  const canEdit = (c) => S.me && (S.me.role === 'admin' || (S.me.role === 'editor' && S.me.desk === c.desk) || S.me.name === c.owner);
  const canRollBack = (c) => S.me && (S.me.role === 'admin' || (S.me.role === 'editor' && S.me.desk === c.desk));
  const when = (ms) => new Date(ms).toLocaleString(b.lang() === 'zh' ? 'zh-CN' : 'en-GB');
  const num = (v) => (v == null ? L().missing : v.toLocaleString(b.lang() === 'zh' ? 'zh-CN' : 'en-US'));

  /** Why the previewed feed cannot be published now, or ''. */
  function publishBlock() {
    if (b.reading()) return L().reading(b.reading());
    const f = b.feed();
    if (!f.text) return L().noFeed;
    if (!f.ok) return L().feedBad;
    if (!canEdit(S.chart.chart)) return L().notYours(S.chart.chart.owner);
    return '';
  }

  function publishForm() {
    const Lx = L();
    const msgs = el('ul', { class: 'msgs', id: 'svc-publish-msgs', 'aria-live': 'polite' });
    const note = el('input', { type: 'text', id: 'svc-note', maxlength: '500', autocomplete: 'off' });
    const block = publishBlock();
    const src = b.source();
    const go = el('button', { type: 'submit', id: 'svc-publish', text: Lx.publish, disabled: !!block, 'aria-describedby': 'svc-publish-why' });
    const form = el('form', { id: 'svc-publish-form', class: 'svc-form' },
      el('h3', { text: Lx.publishH }),
      el('div', { class: 'field' }, el('label', { for: 'svc-note', text: Lx.note }), note),
      el('div', { class: 'row' }, go),
      el('p', { class: 'field-msg', id: 'svc-publish-why', text: block }),
      el('p', { class: 'hint', id: 'svc-source-file', text: src && !block ? Lx.fromFile(src.name) : '' }),
      msgs);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const L2 = L();
      const f = b.feed();
      if (!f.text || S.busy) return;
      S.busy = true;
      go.disabled = true;
      msgs.replaceChildren();
      say(L2.publishing);
      const id = S.chart.chart.id;
      // the height of the builder's own snippet: the service draws the static images at it
      const payload = { feed: f.text, height: f.height };
      const file = b.source();
      if (file) payload.source = file;
      const r = await api('POST', `/api/charts/${encodeURIComponent(id)}/versions?note=${encodeURIComponent(note.value.trim())}`, payload, 'application/vnd.newschart.publish+json');
      S.busy = false;
      if (r.status === 201) {
        note.value = '';
        await openChart(id, true);
        say(L2.published(r.json.version));
        return;
      }
      go.disabled = false;
      if (r.status === 422 && Array.isArray(r.json.problems)) {
        // the service's problems, in the builder's words and places: beside a field when they
        // name one, else here with their line in the published feed
        const rest = b.place(r.json.problems.map(bare));
        msgs.append(b.li({ severity: 'error', zh: T.zh.serverProblems, en: T.en.serverProblems }, '', null));
        for (const p of rest) msgs.append(b.li(p, p.line ? b.where(p.line, p.column) : p.path, null));
        say(L2.serverProblems);
        return;
      }
      const words = r.status === 403 && /may not change/.test(r.json?.error || '') ? L2.refused : why(r);
      msgs.append(b.li({ severity: 'error', zh: words, en: words }, '', null));
      say(words);
    });
    return form;
  }

  function snippetBox() {
    const Lx = L();
    const c = S.chart.chart;
    if (!c.live) return el('div', { class: 'svc-snippet' }, el('h3', { text: Lx.snippetH }), el('p', { class: 'hint', id: 'svc-snippet-none', text: Lx.noLive }));
    const url = new URL(`/feeds/${c.id}.json`, location.origin).href;
    // the builder's own snippets, for the stable address, with refresh: readers follow each
    // version; with the chart's height and the <picture> of the live version's static images,
    // drawn by the service (no picture when they could not be drawn: the live chart only)
    const st = S.chart.static || {};
    const s = b.snippetsFor(url, { height: st.height, picture: st.picture || '' });
    const ms = Math.max(0, ...(st.images || []).map((i) => i.render_ms));
    const staticLine = st.picture
      ? el('p', { class: 'hint', id: 'svc-static', text: Lx.staticOk(st.height, ms) })
      : el('p', { class: 'field-msg', id: 'svc-static', text: Lx.staticNone(st.problem || '…') });
    const forms = [
      ['', Lx.formElement, s.element.replace('<news-chart ', '<news-chart refresh="60" ')],
      ['-div', Lx.formDiv, s.div.replace('<div class="news-chart" ', '<div class="news-chart" data-refresh="60" ')],
    ];
    return el('div', { class: 'svc-snippet' }, el('h3', { text: Lx.snippetH }), staticLine, ...forms.map(([k, label, text]) => {
      const area = el('textarea', { id: `svc-snippet${k}`, rows: '4', readonly: true, spellcheck: 'false', 'aria-labelledby': `h-svc-snippet${k}` });
      area.value = text;
      const copy = el('button', { type: 'button', class: 'copy', id: `svc-copy${k}`, text: Lx.copy });
      copy.addEventListener('click', () => b.copy(area, copy));
      return el('div', { class: 'snippet svc-snippet' }, el('h4', { id: `h-svc-snippet${k}`, text: label }), area, copy);
    }));
  }

  function sourceForm() {
    const Lx = L();
    const src = S.chart.source;
    const msgs = el('ul', { class: 'msgs', id: 'svc-source-msgs' });
    const url = el('input', { type: 'url', id: 'svc-source-url', autocomplete: 'off', placeholder: 'https://', value: src?.url || '' });
    const every = el('input', { type: 'number', id: 'svc-source-interval', min: '1', max: '86400', step: '1', value: String(src?.interval_s || 300) });
    const state = !src ? Lx.noSource : src.last_error ? Lx.sourceProblem(src.last_error) : src.checked_at ? Lx.sourceOk(when(src.checked_at)) : Lx.sourceNever;
    const line = el('p', { id: 'svc-source-state', class: src?.last_error ? 'field-msg' : 'hint', text: state });
    const form = el('form', { id: 'svc-source', class: 'svc-form' },
      el('h3', { text: Lx.sourceH }), line,
      el('div', { class: 'field' }, el('label', { for: 'svc-source-url', text: Lx.sourceUrl }), url),
      el('div', { class: 'field' }, el('label', { for: 'svc-source-interval', text: Lx.interval }), every),
      el('button', { type: 'submit', id: 'svc-source-save', text: Lx.saveSource, disabled: !canEdit(S.chart.chart) }), msgs);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const L2 = L();
      const n = Number(every.value);
      let words = /^https?:\/\//i.test(url.value.trim()) ? (Number.isInteger(n) && n >= 1 && n <= 86400 ? '' : L2.badInterval) : L2.badSource;
      if (!words) {
        const r = await api('PUT', `/api/charts/${encodeURIComponent(S.chart.chart.id)}/source`, { url: url.value.trim(), interval: n });
        if (r.status === 200) { await openChart(S.chart.chart.id, true); say(L2.sourceSaved); return; }
        words = why(r);
      }
      msgs.replaceChildren(b.li({ severity: 'error', zh: words, en: words }, '', null));
      say(words);
    });
    return form;
  }

  async function loadDiff() {
    const id = S.chart.chart.id;
    const r = await api('GET', `/api/charts/${encodeURIComponent(id)}/diff?from=${S.compare}`);
    S.diff = r.status === 200 ? r.json : null;
  }

  function versionsTable() {
    const Lx = L();
    const c = S.chart.chart;
    const editor = canRollBack(c);
    const rbNote = el('input', { type: 'text', id: 'svc-rollback-note', maxlength: '500', autocomplete: 'off', disabled: !editor });
    const rows = [...S.chart.versions].reverse().map((v) => {
      const live = v.n === c.live;
      const cmp = el('button', { type: 'button', class: 'svc-compare', 'data-version': v.n, text: String(v.n), 'aria-label': Lx.compare(v.n), 'aria-pressed': String(S.compare === v.n), disabled: live });
      cmp.addEventListener('click', async () => { S.compare = v.n; await loadDiff(); render(); document.getElementById('svc-compare')?.scrollIntoView({ block: 'nearest' }); document.querySelector(`.svc-compare[data-version="${v.n}"]`)?.focus(); });
      const rb = el('button', { type: 'button', class: 'svc-rollback', 'data-version': v.n, text: '↺', 'aria-label': Lx.rollback(v.n), title: editor ? Lx.rollback(v.n) : Lx.onlyEditors, disabled: live || !editor });
      rb.addEventListener('click', async () => {
        const L2 = L();
        const r = await api('POST', `/api/charts/${encodeURIComponent(c.id)}/rollback`, { version: v.n, note: rbNote.value.trim() });
        if (r.status === 200) { rbNote.value = ''; S.compare = null; await openChart(c.id, true); say(L2.rolledBack(v.n)); return; }
        say(r.status === 403 ? L2.onlyEditors : why(r));
        document.getElementById('svc-versions-why').textContent = r.status === 403 ? L2.onlyEditors : why(r);
      });
      return el('tr', { class: live ? 'live' : null, 'data-version': v.n },
        el('td', {}, cmp), el('td', { text: v.author }), el('td', { text: when(v.at) }), el('td', { text: v.note }),
        el('td', { text: v.source_name || '' }), el('td', { text: live ? Lx.isLive : '' }), el('td', {}, rb));
    });
    return el('div', { class: 'svc-versions' },
      el('h3', { id: 'h-svc-versions', text: Lx.versionsH }),
      el('div', { class: 'grid' }, el('table', { id: 'svc-versions', 'aria-labelledby': 'h-svc-versions' },
        el('thead', {}, el('tr', {}, ...[Lx.vN, Lx.vAuthor, Lx.vTime, Lx.vNote, Lx.vFile, Lx.vLive, ''].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, ...rows))),
      el('div', { class: 'field' }, el('label', { for: 'svc-rollback-note', text: Lx.rollbackNote }), rbNote),
      el('p', { class: 'field-msg', id: 'svc-versions-why', text: editor ? '' : Lx.onlyEditors }));
  }

  /** The chosen version beside the live one, and what changed in words. */
  function compareView() {
    const Lx = L();
    const c = S.chart.chart;
    if (!S.compare || !c.live) return null;
    const chart = (src, label) => el('figure', { class: 'svc-side' }, el('figcaption', { text: label }), el('news-chart', { src, height: '220' }));
    const lines = [];
    const d = S.diff?.diff;
    if (d) {
      const many = new Set(d.changed.map((x) => x.dataset)).size > 1 || d.datasets_added.length || d.datasets_removed.length;
      for (const x of d.datasets_added) lines.push(Lx.datasetAdded(x));
      for (const x of d.datasets_removed) lines.push(Lx.datasetRemoved(x));
      for (const [, s] of d.series_added) lines.push(Lx.seriesAdded(s));
      for (const [, s] of d.series_removed) lines.push(Lx.seriesRemoved(s));
      for (const x of d.changed) {
        const where = `${many ? `${x.dataset} · ` : ''}${x.series} · ${x.category}`;
        lines.push(Lx.changed(where, num(x.from), num(x.to)));
      }
      if (!lines.length) lines.push(Lx.noChange);
    }
    return el('div', { id: 'svc-compare', class: 'svc-compare-view' },
      el('h3', { text: Lx.compareH(S.compare, c.live) }),
      el('div', { class: 'svc-sides' },
        chart(`/feeds/${c.id}/v${S.compare}.json`, `v${S.compare}`),
        chart(`/feeds/${c.id}.json`, `v${c.live} · ${Lx.isLive}`)),
      el('h4', { id: 'h-svc-changes', text: Lx.changesH }),
      el('ul', { id: 'svc-changes', class: 'svc-changes', 'aria-labelledby': 'h-svc-changes' }, ...lines.map((t) => el('li', { text: t }))));
  }

  function auditTable() {
    const Lx = L();
    const rows = [...S.audit].reverse().map((a) => el('tr', {},
      el('td', { text: when(a.at) }), el('td', { text: a.actor }), el('td', { text: Lx.actions[a.action] || a.action }),
      el('td', { text: a.from_version == null ? '' : String(a.from_version) }), el('td', { text: a.to_version == null ? '' : String(a.to_version) }),
      el('td', { text: a.detail })));
    return el('div', { class: 'svc-audit' },
      el('h3', { id: 'h-svc-audit', text: Lx.auditH }),
      el('div', { class: 'grid' }, el('table', { id: 'svc-audit', 'aria-labelledby': 'h-svc-audit' },
        el('thead', {}, el('tr', {}, ...[Lx.aTime, Lx.aWho, Lx.aWhat, Lx.aFrom, Lx.aTo, Lx.aDetail].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, ...rows))));
  }

  function chartPage() {
    const Lx = L();
    const c = S.chart.chart;
    return el('div', { id: 'svc-chart-page', 'data-chart': c.id, 'data-live': String(c.live) },
      el('h3', { id: 'svc-chart-title', text: `${Lx.chartOf(c.title, c.id)} · ${Lx.live(c.live)}` }),
      el('p', { class: 'hint', text: Lx.owner(c.owner, c.desk) }),
      el('p', { class: 'hint' }, el('a', { href: '#service-history', text: Lx.historyLink })),
      publishForm(), snippetBox());
  }

  // ---- drawing, and following the builder ----
  let drawnFor = '';
  function render() {
    const Lx = L();
    h2.textContent = Lx.heading;
    // a form being typed in is kept as it is: only the parts from the service are drawn again
    const keep = document.activeElement && (body.contains(document.activeElement) || history.contains(document.activeElement)) && document.activeElement.id ? document.activeElement.id : '';
    const kept = keep ? { value: document.activeElement.value, start: document.activeElement.selectionStart } : null;
    const typed = {};
    for (const input of [...body.querySelectorAll('input'), ...history.querySelectorAll('input')]) if (input.id && input.type !== 'password') typed[input.id] = input.value;
    if (!S.me) {
      body.replaceChildren(signInForm());
    } else {
      const who = el('p', { id: 'svc-who', text: Lx.signedIn(S.me.name, Lx.roles[S.me.role] || S.me.role, S.me.desk) });
      const out = el('button', { type: 'button', id: 'svc-signout', class: 'quiet', text: Lx.signOut, onclick: signOut });
      body.replaceChildren(el('div', { class: 'row svc-who' }, who, out), chartPicker(), S.chart ? chartPage() : null, newChartForm());
    }
    history.hidden = !(S.me && S.chart);
    h2h.textContent = S.chart ? Lx.historyH(Lx.chartOf(S.chart.chart.title, S.chart.chart.id)) : '';
    historyBody.replaceChildren(...(S.me && S.chart ? [versionsTable(), compareView(), sourceForm(), auditTable()] : []));
    for (const [id, v] of Object.entries(typed)) {
      const input = document.getElementById(id);
      // what the service answered wins for the source's fields after they were saved
      if (input && !(id.startsWith('svc-source') && drawnFor !== JSON.stringify(S.chart?.source))) input.value = v;
    }
    drawnFor = JSON.stringify(S.chart?.source);
    if (keep) {
      const again = document.getElementById(keep);
      if (again) {
        again.focus();
        if (kept && typeof kept.start === 'number' && again.setSelectionRange) try { again.setSelectionRange(kept.start, kept.start); } catch (_) { /* not a text input */ }
      }
    }
  }

  // the publish button follows the preview: enabled once the data has no errors
  let drawnLang = b.lang();
  b.onUpdate(() => {
    if (drawnLang !== b.lang()) { drawnLang = b.lang(); render(); return; }
    if (!S.me || !S.chart) return;
    const why2 = publishBlock();
    const src = b.source();
    const file = document.getElementById('svc-source-file');
    if (file) file.textContent = src && !why2 ? L().fromFile(src.name) : '';
    const go = document.getElementById('svc-publish');
    if (go && !S.busy) go.disabled = !!why2;
    const w = document.getElementById('svc-publish-why');
    if (w) w.textContent = why2;
  });

  // the chart's page follows the service (another person's publish, the source's checks)
  setInterval(() => {
    if (S.chart && S.me && document.visibilityState === 'visible' && !S.busy) openChart(S.chart.chart.id, 'poll');
  }, 15000);

  render();
  if (S.me) { say(L().welcome(S.me.name)); await loadCharts(); }
  panel.dataset.ready = 'true';
}
