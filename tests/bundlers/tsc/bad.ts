// Each line marked `// error: TSxxxx` must fail with that error (tests/bundlers/bundlers.test.mjs).
import 'newschart';
import type { Feed } from 'newschart';

const el = document.createElement('news-chart');
el.feed = 42; // error: TS2322
el.setFeed(true); // error: TS2345
el.point('0'); // error: TS2345
const feed: Feed = { version: 1, datasets: [{ kind: 'pyramid', title: 't', categories: ['a'], series: [{ name: 's', values: [1] }] }] }; // error: TS2322
const v2: Feed = { version: 2, datasets: [] }; // error: TS2322
el.addEventListener('newschart:interact', (e) => { const n: number = e.detail.category; console.log(n); }); // error: TS2322
el.addEventListener('newschart:ready', (e) => console.log(e.detail.nothing)); // error: TS2339
console.log(feed, v2);
