// Each line marked `error: TSxxxx` must fail with that error (tests/bundlers/bundlers.test.mjs).
import 'newschart';

export const bad = [
  <news-chart theme="blue" />, // error: TS2322
  <news-chart height={true} />, // error: TS2322
  <news-chart src={42} />, // error: TS2322
  <news-chart feed={7} />, // error: TS2322
  <news-chart dataset="hamlets" />, // error: TS2322
];
