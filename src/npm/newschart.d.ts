// Types of the npm package `newschart` (scripts/pack.sh puts this file beside pkg/newschart.js).
// Importing the package defines <news-chart> (src/web/newschart.js); this file declares that
// element's attributes, properties, methods and events, the feed it reads, and its entries in
// HTMLElementTagNameMap and React 19's JSX.IntrinsicElements. The feed's types between the
// markers below are generated from src/feed/spec.rs, as the JSON Schema is: tests/typescript.rs
// fails when they drift (UPDATE_SCHEMA=1 cargo test --test typescript rewrites them).
// tests/bundlers/ checks this file with tsc, in and out of a React app (docs/NPM.md).

// BEGIN feed types generated from src/feed/spec.rs: do not edit by hand
/** A newschart feed, version 1: one or more datasets, each one chart's worth of data and words. */
export interface Feed {
  /** Optional: the address of this schema, for editors (the widget does not read it). */
  '$schema'?: unknown;
  /** The format version; this widget reads version 1. */
  version: 1;
  /** One or more datasets. (at least one) */
  datasets: Dataset[];
}

/** One dataset: one chart's worth of data and words. */
export interface Dataset {
  /** A name unique in the feed, used by the dataset attribute (default: dataset-N). */
  id?: string | null;
  /** What to draw. */
  kind: 'column' | 'bar' | 'line' | 'area' | 'progress' | 'donut' | 'pie' | 'table';
  /** The chart's headline. */
  title: string;
  /** A line under the title. */
  subtitle?: string | null;
  /** Who made the chart. */
  byline?: string | null;
  /** Notes shown under the chart. */
  notes?: string | string[] | null;
  /** The date of the data, as text (e.g. 2022 or 2023-03-03). */
  date?: string | null;
  /** Written after every value: 人, 户, 元, 个, %, 亩, 吨 … */
  unit?: string | null;
  /** Where the numbers come from. */
  source?: string | Source | null;
  /** Language of generated text and messages: zh-CN (default) or en. */
  locale?: 'zh-CN' | 'zh' | 'en' | 'en-US' | 'en-GB' | null;
  /** true when the numbers are not reported figures; the chart says so under itself. */
  illustrative?: boolean | null;
  /** cn: 7.25万 (default for zh-CN); full: 72,500; compact: 72.5K (default for en). */
  numberStyle?: 'cn' | 'full' | 'compact' | null;
  /** Decimals on labels and axes (tooltips and the table keep full precision). (a whole number from 0 to 6) */
  decimals?: number | null;
  /** Values are fractions written as percentages: 0.1234 is shown as 12.34%. */
  percent?: boolean | null;
  /** For line and area: categories are evenly spaced (default) or ISO dates (2022, 2022-03, 2022-03-15) placed in time. */
  x?: 'category' | 'date' | null;
  /** For column, bar and area with several series: stack them instead of grouping. */
  stacked?: boolean | null;
  /** Category labels (or dates, with `x` date), one per value. (1 to 100000 items) */
  categories: Array<string | number>;
  /** One or more series of values. (1 to 100000 items) */
  series: Series[];
  /** The target of a progress chart (required there, and checked wherever it is given). */
  target?: Target | null;
  /** Target lines, highlighted categories and text labels. */
  annotations?: Annotation[] | null;
  /** Names of the series to stand out: they keep their colours and are drawn in front; every other series is grey and thinner, behind them. The legend and tooltips still name all. */
  highlight?: string[] | null;
}

/** One series of values. */
export interface Series {
  /** The series' name, shown in legends and tooltips. */
  name: string;
  /** One number per category; null is a gap, never a zero. (1 to 100000 items) */
  values: Array<number | null>;
  /** A colour such as #0072b2; default: the palette's next colour. (`#rgb` or `#rrggbb`) */
  color?: string | null;
  /** Decimals on labels and axes for this series (tooltips and the table keep full precision). (a whole number from 0 to 6) */
  decimals?: number | null;
  /** Values are fractions written as percentages: 0.1234 is shown as 12.34%. */
  percent?: boolean | null;
}

/** The target a value is measured against. */
export interface Target {
  /** The target value, greater than 0. (greater than 0) */
  value: number;
  /** Its name, e.g. 年度任务 (the year's task). */
  label?: string | null;
}

/** Where the numbers come from, with a link. */
export interface Source {
  /** Who published the numbers, as the reader sees it. */
  text: string;
  /** A link to the source: http:// or https:// only. (an http(s) address) */
  url?: string | null;
}

/** A target line, a highlighted category or a text label. */
export interface Annotation {
  /** target: a line at a value; highlight: one category stands out; label: text at a data point. */
  type: 'target' | 'highlight' | 'label';
  /** For target (and required there): where the line is drawn. Not read for the other types. */
  value?: number | null;
  /** For highlight and label (and required there): the category it is about. Not read for target. */
  category?: string | number | null;
  /** For label: the series' name (default: the first series). Not read for the other types. */
  series?: string | null;
  /** For target and label: the words shown. */
  text?: string | null;
}

// END feed types generated from src/feed/spec.rs

/** A box in CSS px, relative to the chart's canvas. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One data point as drawn (`points()`, `point(i)`). */
export interface Point {
  category: string;
  /** The series' name. */
  series: string;
  seriesIndex: number;
  /** The category's index. */
  index: number;
  /** The feed's number. */
  value: number;
  /** The value as the tooltip writes it (7.25万人). */
  valueText: string;
  /** The tooltip's second line (a share, a target), or ''. */
  detail: string;
  /** The whole point as one sentence, for screen readers. */
  label: string;
  /** The mark; tooltips point at it. */
  bar: Rect;
  /** The area that picks it. */
  bounds: Rect;
}

/** A problem with a feed (or with loading the chart), in Chinese and English. */
export interface Problem {
  severity: 'error' | 'warning';
  /** The JSON path, '' for the whole feed. */
  path: string;
  /** 0 when not known. */
  line: number;
  column: number;
  /** The problem's name in the catalogue, when it has one. */
  code?: string | number;
  zh: string;
  en: string;
}

/** Large line data for `setColumns()`: x ascending, each series as long as x, NaN for a gap. */
export interface Columns extends Partial<Omit<Dataset, 'series' | 'categories' | 'x'>> {
  /** With `xType: 'date'`, time values in ms. */
  x: Float64Array | ArrayLike<number>;
  xType?: 'date' | 'category';
  series: Array<Omit<Series, 'values'> & { values: Float64Array | ArrayLike<number> }>;
}

/** `newschart:ready`: the chart is drawn. */
export interface ReadyDetail {
  src: string | null;
  /** The id of the dataset shown. */
  dataset: string;
  /** How many points it has. */
  points: number;
}

/** `newschart:error`: the chart could not be drawn, or a refresh failed (`stale`: the last good chart stays). */
export interface ErrorDetail {
  src: string | null;
  problems: Problem[];
  stale?: boolean;
}

/** `newschart:interact`: a reader reached a point. */
export interface InteractDetail {
  how: 'hover' | 'tap' | 'keyboard';
  dataset: string | undefined;
  category: string;
  series: string;
  value: number;
}

/** `newschart:refresh`: the `refresh` attribute's timer read the feed again. */
export interface RefreshDetail {
  src: string | null;
  /** Whether the chart was drawn again with new data. */
  changed: boolean;
}

/** The element's events, by name; each bubbles (and leaves a shadow root). */
export interface NewsChartEventMap {
  'newschart:ready': CustomEvent<ReadyDetail>;
  'newschart:error': CustomEvent<ErrorDetail>;
  'newschart:interact': CustomEvent<InteractDetail>;
  'newschart:refresh': CustomEvent<RefreshDetail>;
}

/**
 * `<news-chart>`. Its attributes (strings, as in HTML): `src` (the feed's address; changing it
 * reloads), `dataset` (one dataset's id), `height` (the plot's height in CSS px), `theme`
 * (`light` or `dark`), `refresh` (seconds between re-reads), `timeout` (seconds), `max-bytes`,
 * `max-points`. They are attributes only: set them with setAttribute (or in markup).
 */
export declare class NewsChartElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The text of the feed on screen, or null; set a feed (JSON text or object) instead of `src`. */
  get feed(): string | null;
  set feed(value: string | Feed);
  /** Shows a feed given as JSON text or an object instead of `src`; resolves when shown. */
  setFeed(value: string | Feed): Promise<unknown>;
  /** Shows large line data as columns (typed arrays stay the caller's) instead of `src`. */
  setColumns(columns: Columns): Promise<unknown>;
  /** Every data point as drawn ([] before the chart has loaded, and for large line charts). */
  points(): Point[];
  /** Data point `i` as drawn, made on demand (large charts too), or null. */
  point(i: number): Point | null;
  /** Reads the feed again. */
  reload(): Promise<void>;
  /** Switches to dataset `id` of a multi-dataset feed; false when it has none of that id. */
  selectDataset(id: string): boolean;

  addEventListener<K extends keyof NewsChartEventMap>(type: K, listener: (this: NewsChartElement, ev: NewsChartEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: NewsChartElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof NewsChartEventMap>(type: K, listener: (this: NewsChartElement, ev: NewsChartEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: NewsChartElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The element's class as the loader defines it (`customElements.get('news-chart')`). */
export { NewsChartElement as NewsChart };

/** The attributes of `<news-chart>` (strings in HTML; numbers welcome in JSX). */
export interface NewsChartAttributes {
  src?: string;
  /** The id of one dataset of a multi-dataset feed (default: the first, with tabs). */
  dataset?: string;
  /** The plot's height in CSS px. */
  height?: number | string;
  theme?: 'light' | 'dark';
  /** Seconds between re-reads of the feed. */
  refresh?: number | string;
  /** Seconds a feed request may take. */
  timeout?: number | string;
  'max-bytes'?: number | string;
  'max-points'?: number | string;
}

declare global {
  interface HTMLElementTagNameMap {
    'news-chart': NewsChartElement;
  }
  // the events bubble: any element around a chart, and the document, hear them
  interface HTMLElementEventMap extends NewsChartEventMap {}
  interface DocumentEventMap extends NewsChartEventMap {}
}

/**
 * `<news-chart>`'s props in JSX: React's props of a `<div>` (when React's types are there: `I`
 * is React's JSX.IntrinsicElements), the attributes, `feed`, and a ref to the element. Not
 * `dataset`: React 19 sets a prop as a property when the element has one of its name, and every
 * element's `dataset` is the read-only map of its data-* attributes; set that attribute on the
 * element (`ref.current.setAttribute('dataset', id)`) or call `selectDataset(id)`.
 */
export type NewsChartProps<I = {}> = (I extends { div: infer D } ? Omit<D, 'ref'> : {}) & Omit<NewsChartAttributes, 'dataset'> & {
  /** A feed given as an object or JSON text (React 19 sets it as the element's property). */
  feed?: string | Feed;
  ref?: ((el: NewsChartElement | null) => void | (() => void)) | { current: NewsChartElement | null } | null;
};

// React 19 reads JSX from the `react` module (no global JSX). Nothing here names React's own
// types, so a project without @types/react compiles this file too (tests/bundlers/tsc).
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'news-chart': NewsChartProps<IntrinsicElements>;
    }
  }
}
