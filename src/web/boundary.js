// newschart: what crosses between the element's JavaScript and the wasm module (src/web/mod.rs),
// declared once. The wasm API answers in JSON strings; each answer's shape is a @typedef here, and
// every module reads answers through these functions, so `tsc --checkJs` (scripts/typecheck.sh)
// checks each use of a field against its declaration, and the calls themselves against the .d.ts
// that wasm-bindgen writes for the module. tests/e2e/boundary.test.mjs checks that the built
// module's real answers have exactly these keys. The module is handed the canvas's 2D context
// (Chart.layout measures text on it, Chart.draw_at draws on it): it never looks up the DOM.

/** @typedef {import('./newschart_wasm.js').Chart} Chart */

/**
 * A box in CSS px from the canvas's top left.
 * @typedef {Object} Rect
 * @property {number} x
 * @property {number} y
 * @property {number} w
 * @property {number} h
 */

/**
 * One problem of a feed: where it is and what it is, in Chinese and English (empty in the readers'
 * module, which leaves the words out: problems.js fetches them).
 * @typedef {Object} Problem
 * @property {'error' | 'warning'} severity
 * @property {string} path the JSON path, '' for the whole feed
 * @property {number} line 0 when not known
 * @property {number} column
 * @property {number} code the problem's number in the catalogue (src/feed/catalogue.rs), which
 *   problem-words.js words it by (0, `said`, for the problems the element words itself)
 * @property {string[]} args its parameters, as the catalogue's templates number them
 * @property {string} zh empty from the readers' module: problems.js words it from code and args
 * @property {string} en
 */

/**
 * What `Chart.load_limited` and `Chart.from_columns` throw: a JSON string of this.
 * @typedef {Object} Thrown
 * @property {Problem[]} problems
 */

/**
 * One entry of the legend: a series, or a category of a donut or pie.
 * @typedef {Object} LegendEntry
 * @property {string} name
 * @property {string} color `#rrggbb`
 * @property {number} pattern the hatching, 0 for none
 * @property {number[]} [dash] a line's dash pattern in CSS px, on and off; absent for solid
 */

/**
 * @typedef {Object} Source
 * @property {string} text
 * @property {string | null} url http(s), checked by the wasm side
 */

/**
 * @typedef {Object} DatasetRef
 * @property {string} id
 * @property {string} title
 */

/**
 * The words around the chart (`Chart.meta`).
 * @typedef {Object} Meta
 * @property {string} id the dataset shown
 * @property {string} title
 * @property {string} subtitle
 * @property {string} unit
 * @property {string} date
 * @property {string[]} notes
 * @property {Source | null} source
 * @property {boolean} illustrative
 * @property {'zh-CN' | 'en'} locale
 * @property {string} kind column, bar, line, area, donut, pie, progress, table …
 * @property {string} byline
 * @property {LegendEntry[]} legend
 * @property {DatasetRef[]} datasets every dataset of the feed
 * @property {Problem[]} warnings
 */

/**
 * One data point as drawn (`Chart.points`, `Chart.point`).
 * @typedef {Object} Point
 * @property {string} category
 * @property {string} series the series' name
 * @property {number} seriesIndex
 * @property {number} index the category's index
 * @property {number} value
 * @property {string} valueText
 * @property {string} detail
 * @property {string} label the whole point as one sentence, for screen readers
 * @property {Rect} bar the mark; tooltips point at it
 * @property {Rect} bounds the area that picks it
 */

/**
 * @typedef {Object} Cell
 * @property {string} text
 * @property {number | null} value
 */

/**
 * @typedef {Object} Row
 * @property {string} category
 * @property {Cell[]} cells
 */

/**
 * The data as a table (`Chart.table`).
 * @typedef {Object} Table
 * @property {string} caption
 * @property {string[]} headers '' first, then the series' names
 * @property {Row[]} rows
 */

/**
 * A text drawn on the canvas with its box (`Chart.label_boxes`, debug and builder modules only).
 * @typedef {Object} LabelBox
 * @property {string} role
 * @property {string} text
 * @property {number} x
 * @property {number} y
 * @property {number} w
 * @property {number} h
 */

/** @param {Chart} c @returns {Meta} */
export const meta = (c) => JSON.parse(c.meta());
/** @param {Chart} c @returns {Table} */
export const table = (c) => JSON.parse(c.table());
/** @param {Chart} c @returns {Point[]} */
export const points = (c) => JSON.parse(c.points());
/** @param {Chart} c @param {number} i @returns {Point | null} */
export const point = (c, i) => JSON.parse(c.point(i));
/** @param {Chart} c @returns {Rect | null} */
export const plotBox = (c) => JSON.parse(c.plot_box());
/** @param {string} e what load_limited or from_columns threw @returns {Problem[]} */
export const thrown = (e) => /** @type {Thrown} */ (JSON.parse(e)).problems;
/**
 * Every text drawn with its box, measured on `ctx` as the layout was: `Chart.label_boxes`, which
 * only debug builds (and the builder's module) have: the readers' module leaves it out.
 * @param {Chart} c
 * @param {CanvasRenderingContext2D | null} ctx
 * @returns {LabelBox[]}
 */
export const labelBoxes = (c, ctx) => JSON.parse(/** @type {any} */ (c).label_boxes(ctx));
