// The page side of the benchmark: draws one case with one library and records, in
// window.__bench, when the first chart frame was painted, how long an update took to
// its painted frame, and hover-to-tooltip latencies. Every library gets the same data,
// fetched and parsed in the page (newschart as its JSON feed), animations off.
//
//   /bench/pages/<lib>.html?case=article|line1000|line10000|line100000|line1000000
//
// What a reader sees (first chart visible, first chart interactive) is watched by visible.js, which
// the server inlines at the top of each page; this file tells it where to tap (window.__tapPoint)
// and whether the first chart shows a tooltip (window.__tip).

const LIB = location.pathname.match(/pages\/([a-z]+)/)[1]; // newschart-article.html: newschart too
const CASE = new URLSearchParams(location.search).get('case') || 'article';
const root = document.getElementById('root');
const B = (window.__bench = { lib: LIB, case: CASE });
const W = Math.min(640, document.documentElement.clientWidth - 16); // a phone's viewport is narrower
const frame = () => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
/** Time of the frame after `draw` has put the chart on the canvas: its first painted frame. */
const painted = async () => { await frame(); return performance.now(); };
const json = async (url) => (await fetch(url)).json();
const FEEDS = ['employment', 'toilets', 'hamlets'];
const HEIGHTS = { employment: 110, toilets: 220, hamlets: 340 };

function box(h) {
  const d = document.createElement('div');
  d.style.cssText = `width:${W}px;height:${h}px;position:relative`;
  root.append(d);
  return d;
}

/** The article's three datasets as plain bars: category, value, target (for progress). */
function bars(ds) {
  const cats = ds.kind === 'progress' ? [...ds.categories, ds.target.label] : ds.categories;
  const vals = ds.kind === 'progress' ? [...ds.series[0].values, ds.target.value] : ds.series[0].values;
  return { cats, vals, horizontal: ds.kind !== 'column', title: ds.title };
}

const adapters = {
  newschart: {
    async article(feeds) {
      const inPage = [...root.querySelectorAll('news-chart')]; // the article page's own elements
      const els = inPage.length ? inPage : FEEDS.map((f) => {
        const el = document.createElement('news-chart');
        el.setAttribute('src', `/feeds/${f}.json`);
        el.setAttribute('height', HEIGHTS[f]);
        el.style.cssText = `display:block;width:${W}px`;
        root.append(el);
        return el;
      });
      this.els = els;
      await Promise.all(els.map((el) => el.getAttribute('data-state') === 'ready' ? null : new Promise((ok) => el.addEventListener('newschart:ready', ok, { once: true }))));
      return els;
    },
    async line(n, data, feedUrl) {
      const el = document.createElement('news-chart');
      el.setAttribute('height', '320');
      el.style.cssText = `display:block;width:${W}px`;
      root.append(el);
      this.els = [el];
      const ready = new Promise((ok) => el.addEventListener('newschart:ready', ok, { once: true }));
      if (feedUrl) el.setAttribute('src', feedUrl); // the JSON feed, as a page embeds it
      else await el.setColumns(data); // past the feed's 100,000-point limit: the typed-array entry point
      await ready;
    },
    async update(kind, data) {
      if (kind === 'article') await Promise.all(this.els.map((el, i) => el.setFeed(data[i])));
      else if (data.feed) await this.els[0].setFeed(data.feed);
      else await this.els[0].setColumns(data);
    },
    target(i = this.els.length - 1) { return this.els[i].shadowRoot.querySelector('canvas'); },
    tooltip(i = this.els.length - 1) { const t = this.els[i]?.shadowRoot?.querySelector('.nc-tooltip'); return t && !t.hidden ? t.textContent : ''; },
    tapPoint(i) { // the first point's box, as the chart reports it (CSS px in its canvas)
      const p = this.els[i].points()[0] ?? this.els[i].point?.(0);
      const r = this.target(i).getBoundingClientRect();
      return p ? { x: r.left + p.bounds.x + p.bounds.w / 2, y: r.top + p.bar.y + p.bar.h / 2 } : null;
    },
  },
  chartjs: {
    charts: [],
    make(parent, config) {
      const c = document.createElement('canvas');
      parent.append(c);
      const ch = new window.Chart(c, config);
      this.charts.push(ch);
      return ch;
    },
    article(feeds) {
      for (const [i, f] of feeds.entries()) {
        const b = bars(f.datasets[0]);
        this.make(box(HEIGHTS[FEEDS[i]]), { type: 'bar', data: { labels: b.cats, datasets: [{ label: b.title, data: b.vals }] },
          options: { animation: false, responsive: true, maintainAspectRatio: false, indexAxis: b.horizontal ? 'y' : 'x' } });
      }
    },
    line(n, data) {
      const pts = Array.from(data.x, (x, i) => ({ x, y: data.series[0].values[i] }));
      this.make(box(320), { type: 'line', data: { datasets: [{ label: 'y', data: pts, borderWidth: 1, pointRadius: 0 }] },
        options: { animation: false, parsing: false, normalized: true, responsive: true, maintainAspectRatio: false,
          interaction: { mode: 'nearest', axis: 'x', intersect: false },
          plugins: { decimation: { enabled: true, algorithm: 'lttb', samples: W } }, scales: { x: { type: 'linear' } } } });
    },
    update(kind, data) {
      if (kind === 'article') {
        this.charts.forEach((ch, i) => { ch.data.datasets[0].data = bars(data[i].datasets[0]).vals; ch.update(); });
      } else {
        const ch = this.charts[0];
        ch.data.datasets[0].data = Array.from(data.x, (x, i) => ({ x, y: data.series[0].values[i] }));
        ch.update();
      }
    },
    target(i = this.charts.length - 1) { return this.charts[i].canvas; },
    tooltip(i = this.charts.length - 1) { const t = this.charts[i]?.tooltip; return t && t.opacity > 0 && t.getActiveElements().length ? JSON.stringify(t.dataPoints?.map((p) => p.dataIndex)) : ''; },
    tapPoint(i) { // the middle of the first bar (or point), in Chart.js's own coordinates
      const e = this.charts[i].getDatasetMeta(0).data[0];
      if (!e) return null;
      const { x, y, base } = e.getProps(['x', 'y', 'base'], true);
      const r = this.target(i).getBoundingClientRect();
      const horizontal = this.charts[i].options.indexAxis === 'y';
      return { x: r.left + (horizontal && base != null ? (x + base) / 2 : x), y: r.top + (!horizontal && base != null ? (y + base) / 2 : y) };
    },
  },
  echarts: {
    charts: [],
    make(parent, option) {
      const ch = window.echarts.init(parent, null, { renderer: 'canvas' });
      ch.setOption({ animation: false, tooltip: { trigger: 'axis', showDelay: 0, hideDelay: 0, transitionDuration: 0 }, ...option });
      this.charts.push(ch);
      return ch;
    },
    article(feeds) {
      for (const [i, f] of feeds.entries()) {
        const b = bars(f.datasets[0]);
        const cat = { type: 'category', data: b.cats };
        const val = { type: 'value' };
        this.make(box(HEIGHTS[FEEDS[i]]), { xAxis: b.horizontal ? val : cat, yAxis: b.horizontal ? cat : val, series: [{ type: 'bar', data: b.vals }] });
      }
    },
    line(n, data) {
      const pts = Array.from(data.x, (x, i) => [x, data.series[0].values[i]]);
      this.make(box(320), { xAxis: { type: 'value', min: 'dataMin', max: 'dataMax' }, yAxis: { type: 'value', scale: true },
        series: [{ type: 'line', data: pts, sampling: 'lttb', showSymbol: false, lineStyle: { width: 1 } }] });
    },
    update(kind, data) {
      if (kind === 'article') this.charts.forEach((ch, i) => ch.setOption({ series: [{ data: bars(data[i].datasets[0]).vals }] }));
      else this.charts[0].setOption({ series: [{ data: Array.from(data.x, (x, i) => [x, data.series[0].values[i]]) }] });
    },
    target(i = this.charts.length - 1) { return this.charts[i].getDom(); },
    tapPoint(i) { // the middle of the plot: its tooltip follows the axis, so any point there shows one
      const g = this.charts[i].getModel().getComponent('grid').coordinateSystem.getRect();
      const r = this.target(i).getBoundingClientRect();
      return { x: r.left + g.x + g.width / 2, y: r.top + g.y + g.height / 2 };
    },
    tooltip(i = this.charts.length - 1) {
      if (!this.charts[i]) return '';
      const dom = this.charts[i].getDom();
      const t = [...dom.querySelectorAll('div')].find((d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.style.opacity !== '0' && d.textContent && d !== dom.firstChild);
      return t ? t.textContent : '';
    },
  },
  uplot: {
    plots: [],
    article(feeds) {
      for (const [i, f] of feeds.entries()) {
        const b = bars(f.datasets[0]);
        const x = b.cats.map((_, k) => k);
        this.plots.push(new window.uPlot({ width: W, height: HEIGHTS[FEEDS[i]], scales: { x: { time: false } },
          axes: [{ values: (u, ticks) => ticks.map((t) => b.cats[t] ?? '') }, {}],
          series: [{}, { label: b.title, paths: window.uPlot.paths.bars({ size: [0.6] }), fill: '#1f77b4', points: { show: false } }] }, [x, b.vals], box(HEIGHTS[FEEDS[i]])));
      }
    },
    line(n, data) {
      this.plots.push(new window.uPlot({ width: W, height: 320, scales: { x: { time: false } }, series: [{}, { label: 'y', stroke: '#1f77b4', width: 1 }] },
        [data.x, data.series[0].values], box(320)));
    },
    update(kind, data) {
      if (kind === 'article') this.plots.forEach((u, i) => u.setData([u.data[0], bars(data[i].datasets[0]).vals]));
      else this.plots[0].setData([data.x, data.series[0].values]);
    },
    target(i = this.plots.length - 1) { return this.plots[i].over; },
    tooltip(i = this.plots.length - 1) { const u = this.plots[i]; return u && u.cursor.idx != null ? String(u.cursor.idx) + ':' + u.legend.values?.[1]?._ : ''; },
    tapPoint(i) { const r = this.target(i).getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }, // the cursor follows x
  },
};

/** Columns JSON ({x, y}) as the libraries take them: typed arrays. */
const columns = (c) => ({ title: 'line', x: Float64Array.from(c.x), series: [{ name: 'y', values: Float64Array.from(c.y) }] });

async function run() {
  const a = adapters[LIB];
  if (CASE === 'article') {
    if (LIB === 'newschart') await a.article();
    else a.article(await Promise.all(FEEDS.map((f) => json(`/feeds/${f}.json`))));
    B.first = await painted();
  } else {
    const n = +CASE.slice(4);
    if (LIB === 'newschart' && n <= 100000) await a.line(n, null, `/bench/.data/line${n}.feed.json`);
    else if (LIB === 'newschart') await a.line(n, columns(await json(`/bench/.data/line${n}.json`)));
    else a.line(n, columns(await json(`/bench/.data/line${n}.json`)));
    B.first = await painted();
  }
  // the runner taps the first chart until it shows a tooltip (visible.js): the update waits for that
  while (window.__vis && window.__vis.interactive == null && !window.__tapsDone) await frame();
  // an update: new data of the same shape, to its painted frame
  const next = CASE === 'article'
    ? await Promise.all(FEEDS.map((f) => json(`/feeds/${f}.json`))).then((fs) => fs.map((f) => { f.datasets[0].series[0].values = f.datasets[0].series[0].values.map((v) => (v == null ? v : Math.round(v * 1.1))); if (f.datasets[0].target) f.datasets[0].target.value = Math.round(f.datasets[0].target.value * 1.05); return f; }))
    : await (async () => {
      const n = +CASE.slice(4);
      const c = await json(`/bench/.data/line${n}.json`);
      c.y = c.y.map((v) => v * 1.5 + 10);
      const cols = columns(c);
      if (LIB === 'newschart' && n <= 100000) cols.feed = JSON.stringify({ version: 1, datasets: [{ kind: 'line', title: 'line', categories: c.x, series: [{ name: 'y', values: c.y }] }] });
      return cols;
    })();
  // the page keeps its data, as a page that feeds a chart does: memory counts the caller's arrays
  window.__data = next;
  const t0 = performance.now();
  await a.update(CASE === 'article' ? 'article' : 'line', next);
  // the work: until the library has drawn the new data on its canvas (its update call returned,
  // or for newschart its promise settled); then the wait for the frame that shows it
  B.work = performance.now() - t0;
  B.update = (await painted()) - t0;
  B.ready = true;
}

/** Hover probe: the runner moves the mouse; this times pointermove → the frame whose tooltip shows the new point. */
window.__hover = () => new Promise((ok) => {
  const a = adapters[LIB];
  const before = a.tooltip();
  const onMove = (e) => {
    window.removeEventListener('pointermove', onMove, true);
    const t0 = e.timeStamp; // when the pointer event arrived
    const check = (k) => requestAnimationFrame(() => {
      const now = a.tooltip();
      if ((now && now !== before) || k > 60) ok(now && now !== before ? performance.now() - t0 : null);
      else check(k + 1);
    });
    check(0);
  };
  window.addEventListener('pointermove', onMove, true);
  setTimeout(() => { window.removeEventListener('pointermove', onMove, true); ok(null); }, 3000); // no event came
});
/** For visible.js: whether the first chart shows a tooltip, and where to tap it. */
window.__tip = () => { try { return !!adapters[LIB].tooltip(0); } catch { return false; } };
const tapDefault = window.__tapPoint;
window.__tapPoint = () => { try { return adapters[LIB].tapPoint(0) ?? tapDefault?.(); } catch { return tapDefault?.() ?? null; } };
window.__target = () => { const r = adapters[LIB].target().getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; };

run().catch((e) => { B.error = String(e && e.stack || e); });
