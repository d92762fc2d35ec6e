//! # newschart
//!
//! Charts for news articles from a small JSON feed: read and validated with every problem located
//! by line and column, laid out for any width, and drawn the same way everywhere: on a canvas by
//! the `<news-chart>` element (this crate compiled to WebAssembly), and natively to SVG or PNG by
//! this library and its `newschart` command-line tool.
//!
//! ## From feed text to an SVG
//!
//! A feed holds datasets, each one chart: its kind, words, categories and series. This one is the
//! demo's first chart, from the figures the Zhuzhou daily printed on 3 March 2023 (72,500 people
//! in work, 107.07% of the year's target):
//!
//! ```
//! use newschart::normalize::{self, Limits};
//! use newschart::render::{compose, svg};
//!
//! let text = include_str!("../www/feeds/employment.json");
//!
//! // 1. Read and validate: every problem in one pass; a model when none is an error.
//! let read = normalize::read(text, Limits::default());
//! assert!(read.problems.is_empty());
//! let feed = read.feed.expect("a feed without errors");
//! let dataset = &feed.datasets[0];
//! assert_eq!(dataset.series[0].values, [Some(72_500.0)]);
//!
//! // 2. Lay out and build the scene: here the whole image (title, chart, notes, source) at
//! //    640 CSS pixels wide, as tall as its words need.
//! let composition = compose::compose(
//!     dataset,
//!     640.0,
//!     compose::Height::Natural,
//!     &newschart::text::EstimateMeasure,
//!     &newschart::theme::Theme::default(),
//! );
//!
//! // 3. Render: an SVG document, 1 SVG pixel per CSS pixel.
//! let svg = svg::to_svg(&composition.scene, 1.0).expect("rendered");
//! assert!(svg.starts_with(r#"<svg width="640""#));
//! assert!(svg.contains("已就业脱贫户7.25万人，超额完成年度任务")); // the title
//! assert!(svg.contains("7.25万人（107.07%）")); // the bar's label
//! ```
//!
//! [`render::compose::scene_for`] does steps 1 and 2 in one call (what `newschart render` does),
//! and [`scene_for`] builds the chart alone, without its words, as the widget's canvas draws it.
//!
//! ## The native API
//!
//! | to … | call |
//! |---|---|
//! | read and validate a feed | [`normalize::read`] → [`normalize::Normalized`]: the [`model::Feed`] and every [`feed::Problem`] |
//! | word a problem | [`feed::Problem::describe`] in Chinese or English; `line`, `column` and `path` say where |
//! | build the scene | [`scene_for`] (feed text → one dataset's chart), [`marks::build`] (a dataset → its chart), [`render::compose::compose`] (with the title, legend, notes and source) |
//! | describe it for a screen reader | [`scene::describe::describe`] |
//! | render SVG | [`render::svg::to_svg`] |
//! | render PNG (native only) | [`render::png::to_png`], or [`render::png::draw`] and [`render::png::encode`]; the font from [`render::png::font::load`] |
//! | import a spreadsheet | [`csv::to_feed`] (CSV or .xlsx bytes → a feed), [`csv::import`] (with the table and columns the builder shows) |
//! | write a feed back | [`feed::write::feed`] (model → JSON value), [`csv::write::to_pretty`] (JSON value → text) |
//!
//! `cargo run --example render_svg -- FEED.json OUT.svg` runs the steps above on a file. The feed
//! format is in `docs/FEED.md` and its JSON Schema in `www/schema/feed.v1.json`, in the repository.
//!
//! ## The pipeline
//!
//! One pipeline, one module per stage:
//!
//! ```text
//! feed text ──feed──▶ JSON value ──normalize──▶ model ──layout──▶ boxes
//!        ──marks──▶ scene (display list + data) ──render──▶ canvas / SVG / PNG
//!                                   └──▶ hit-testing, tooltips, keyboard, description
//! ```
//!
//! - [`feed`]: parses text, locates problems by line and column.
//! - [`csv`] (native and the builder's module): a spreadsheet's CSV or .xlsx → a feed.
//! - [`normalize`]: checks every field, fills defaults, reports every problem in one pass.
//! - [`model`]: the typed chart description.
//! - [`format`](mod@format): numbers in Chinese units (7.25万), full digits or compact English.
//! - [`scale`]: linear and band scales, nice ticks.
//! - [`layout`]: margins and label modes, a pure function of model, size and a text measurer.
//! - [`marks`]: builds the [`scene`] for each chart kind.
//! - [`scene`]: marks with their data; hit-testing and the text description read it.
//! - [`render`]: draws a scene with plotters (SVG and PNG natively, canvas in the browser).
//! - `web` (wasm32 only): the thin browser layer the custom element calls.
//! - `serve` (native, cargo feature `serve`): the feed service, docs/SERVICE.md.
//!
//! Leaves every stage may use, which use nothing of ours: [`geom`] (`Rect`), [`text`] (measuring,
//! CJK width, ellipsizing), and, internal, `digits` (number digits without `core::fmt`) and
//! `platform` (the little the pure core asks of the browser). `node scripts/modgraph.mjs` prints the module graph
//! and fails on a cycle.
//!
//! ## Cargo features
//!
//! None is needed natively. `serve` adds the feed service (`newschart serve`, `publish`; HTTP,
//! SQLite and PostgreSQL). `builder`, `xlsx` and `large` choose what goes into the WebAssembly
//! modules (`scripts/build.sh`); `heap-stats` and `panic-trigger` are for tests only.
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links, rustdoc::private_intra_doc_links)]

// the import is for the CLI, the native tests and the builder's module; the readers' wasm leaves it
// out whole (present but unreachable, it still changed how the crate's shared code was optimized)
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub mod csv;
// leaves of the core, public for the tests (digits) and kept out of the API docs
#[doc(hidden)]
pub mod digits;
pub mod feed;
pub mod format;
pub mod geom;
pub mod layout;
pub mod marks;
pub mod model;
pub mod normalize;
#[doc(hidden)]
pub mod platform;
pub mod render;
pub mod scale;
pub mod scene;
#[cfg(all(feature = "serve", not(target_arch = "wasm32")))]
pub mod serve;
pub mod text;
pub mod theme;

#[cfg(target_arch = "wasm32")]
pub mod web;

// The wasm module's allocator: talc, smaller than std's dlmalloc (docs/SIZE.md). Test builds with
// the feature `heap-stats` use the same one with its counters on (web/heap_stats.rs).
#[cfg(all(target_arch = "wasm32", not(feature = "heap-stats")))]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Reads a feed and builds the scene of one dataset at a size, natively: the chart alone, as the
/// widget draws it on its canvas (the words around it are the page's;
/// [`render::compose::scene_for`] adds them to the image).
///
/// `dataset` picks a dataset by its `id` (the first when `None`); `width` and `height` are CSS
/// pixels, the height by the chart's kind and width when `None`. Text is measured with
/// [`text::EstimateMeasure`]. `Err` holds every problem of the feed (errors and warnings), or one
/// [`feed::Code::NoSuchDataset`] problem.
///
/// ```
/// let feed = include_str!("../www/feeds/toilets.json");
/// let (dataset, scene) = newschart::scene_for(feed, Some("toilets"), 640.0, Some(300.0)).expect("a valid feed");
/// assert_eq!(dataset.categories, ["排查整改财政补助户厕", "“百日攻坚”新建改建"]);
/// // one datum per bar: what a tooltip and a screen reader say of it
/// let values: Vec<&str> = scene.data.iter().map(|d| d.value_text.as_str()).collect();
/// assert_eq!(values, ["196万户", "5.4万户"]);
///
/// let problems = newschart::scene_for(feed, Some("hamlets"), 640.0, None).unwrap_err();
/// assert_eq!(problems[0].describe(false), r#"datasets: there is no dataset with id "hamlets""#);
/// ```
pub fn scene_for(text: &str, dataset: Option<&str>, width: f64, height: Option<f64>) -> Result<(model::Dataset, scene::Scene), Vec<feed::Problem>> {
    let n = normalize::read(text, normalize::Limits::default());
    let Some(feed) = n.feed else { return Err(n.problems) };
    let ds = match dataset {
        Some(id) => feed.datasets.into_iter().find(|d| d.id == id),
        None => feed.datasets.into_iter().next(),
    };
    let Some(ds) = ds else {
        let id = dataset.unwrap_or("");
        return Err(vec![feed::Problem::error("datasets", feed::Code::NoSuchDataset, &[id])]);
    };
    let m = text::EstimateMeasure;
    let h = height.unwrap_or_else(|| layout::default_height(&ds, width));
    let scene = marks::build(&ds, width, h, &m, &theme::Theme::default());
    Ok((ds, scene))
}
