// What the keyboard's live region and the tooltip should say for a point, made from the feed file
// by the rules the docs give, never by the product's code or its own points(): docs/FEED.md
// ("Numbers": the styles, the unit after every value, every digit in tooltips and the table) and
// docs/EMBED.md ("What readers get": the category, the series, the number, a progress bar's
// share). It covers the cases the tested feeds use and throws on any other, so a test cannot
// expect a text this file does not know how to write.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './helpers.mjs';

/** Dataset `k` (default the first) of a feed file under www/, e.g. 'feeds/hamlets.json'. */
export function dataset(file, k = 0) {
  return JSON.parse(readFileSync(join(REPO, 'www', file), 'utf8')).datasets[k];
}

const zh = (ds) => !ds.locale || ds.locale.startsWith('zh');

/** Every digit of `v` (a whole or decimal number), grouped by thousands when `group`. */
function digits(v, group) {
  const [int, frac] = String(Math.abs(v)).split('.');
  if (/e/.test(int)) throw new Error(`expect.mjs: ${v} is not covered`);
  const whole = group ? int.replace(/\B(?=(\d{3})+$)/g, ',') : int;
  return (v < 0 ? '-' : '') + whole + (frac ? `.${frac}` : '');
}

/**
 * A value as the tooltip, the table and the live region write it: every digit, in the dataset's
 * number style (cn, the default in Chinese: 7.25万, 1.5亿, below 1万 the plain digits; full and
 * compact, the default in English: every digit grouped, 72,500), then the unit.
 */
export function valueText(ds, v) {
  const style = ds.numberStyle || (zh(ds) ? 'cn' : 'compact');
  if (ds.percent || ds.decimals !== undefined || /[$€£¥]|万|亿|thousand|million|bn|^m$/i.test(ds.unit || '')) {
    throw new Error(`expect.mjs: percent, decimals, currency and scaled units are not covered (${ds.title})`);
  }
  let text;
  if (style === 'cn') {
    const a = Math.abs(v);
    text = a >= 1e8 ? `${digits(v / 1e8, false)}亿` : a >= 1e4 ? `${digits(v / 1e4, false)}万` : digits(v, false);
  } else if (style === 'full' || style === 'compact') {
    text = digits(v, true);
  } else {
    throw new Error(`expect.mjs: number style ${style} is not covered`);
  }
  return text + (ds.unit || '');
}

/** A progress bar's share of its target, as EMBED.md writes it: 完成年度任务的107.07%. */
function share(ds, v) {
  if (ds.kind !== 'progress') return [];
  if (!zh(ds)) throw new Error('expect.mjs: an English progress bar is not covered');
  return [`完成${ds.target.label}的${((v / ds.target.value) * 100).toFixed(2)}%`];
}

/**
 * The tooltip's lines for value `i` of series `s`: the category, the series when there are
 * several (one series is named by the title), the value, and a progress bar's share.
 */
export function tooltip(ds, s, i) {
  const v = ds.series[s].values[i];
  return [String(ds.categories[i]), ...(ds.series.length > 1 ? [ds.series[s].name] : []), valueText(ds, v), ...share(ds, v)];
}

/**
 * What the live region reads for that point: the tooltip's lines as one sentence, as the chart's
 * description writes it (已就业脱贫户：7.25万人，完成年度任务的107.07%): the category (and series,
 * after a comma), a colon, the value, then the share after a comma.
 */
export function said(ds, s, i) {
  const [cat, ...rest] = tooltip(ds, s, i);
  const named = ds.series.length > 1 ? rest.shift() : null;
  if (!zh(ds)) {
    if (named !== null || rest.length > 1) throw new Error('expect.mjs: English with several series is not covered');
    return `${cat}: ${rest[0]}`;
  }
  return `${cat}${named === null ? '' : `，${named}`}：${rest.join('，')}`;
}

/** The points the keyboard walks through, in its order (series by series, gaps skipped): [s, i]. */
export function points(ds) {
  return ds.series.flatMap((ser, s) => ser.values.flatMap((v, i) => (v === null ? [] : [[s, i]])));
}
