// Uses <news-chart> as the docs say, with the package's types: this must compile (tsc --noEmit).
import 'newschart';
import type { ErrorDetail, Feed, NewsChartElement, Point } from 'newschart';

const el: NewsChartElement = document.createElement('news-chart');
el.setAttribute('src', 'feeds/employment.json');
el.setAttribute('height', '120');
document.body.append(el);

const found: NewsChartElement | null = document.querySelector('news-chart');
const feed: Feed = {
  version: 1,
  datasets: [{
    id: 'employment', kind: 'progress', title: '已就业脱贫户7.25万人', unit: '人',
    categories: ['已就业脱贫户'], series: [{ name: '已就业', values: [72500, null] }],
    target: { value: 67713, label: '年度任务' }, source: { text: '株洲日报' }, notes: null,
  }],
};
el.feed = feed;
el.feed = JSON.stringify(feed);
const text: string | null = el.feed;
await el.setFeed(feed);
await el.setColumns({ title: 'x', xType: 'date', x: new Float64Array([0, 1]), series: [{ name: 'a', values: [1, NaN] }] });
const all: Point[] = el.points();
const one: Point | null = el.point(0);
const shown: boolean = el.selectDataset('employment');
await el.reload();

el.addEventListener('newschart:ready', (e) => { const n: number = e.detail.points; console.log(n, e.detail.dataset); });
el.addEventListener('newschart:interact', (e) => {
  const how: 'hover' | 'tap' | 'keyboard' = e.detail.how;
  console.log(how, e.detail.category, e.detail.series, e.detail.value.toFixed(2));
});
el.addEventListener('newschart:error', (e) => { const d: ErrorDetail = e.detail; console.log(d.problems.map((p) => `${p.path} ${p.zh}`)); });
el.addEventListener('newschart:refresh', (e) => console.log(e.detail.changed));
el.addEventListener('click', (e) => console.log(e.clientX));
// the events bubble: as EMBED.md's analytics example listens for them
document.addEventListener('newschart:interact', (e) => console.log(e.detail.how, e.detail.value));
document.body.addEventListener('newschart:ready', (e) => console.log(e.detail.src));
console.log(found, text, all.map((p) => p.valueText + p.bar.w), one?.label, shown);
const Element: CustomElementConstructor | undefined = customElements.get('news-chart');
console.log(Element);
