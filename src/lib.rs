//! # newschart
//!
//! A newsroom chart widget: Rust compiled to WebAssembly, drawn with plotters.
//!
//! One pipeline, one module per stage:
//!
//! ```text
//! feed text ──feed──▶ JSON value ──normalize──▶ model ──layout──▶ boxes
//!        ──marks──▶ scene (display list + data) ──render──▶ canvas / SVG
//!                                   └──▶ hit-testing, tooltips, keyboard, description
//! ```
//!
//! - [`feed`]: parses text, locates problems by line and column.
//! - `csv` (native and the builder's module): a spreadsheet's CSV or .xlsx → a feed.
//! - [`normalize`]: checks every field, fills defaults, reports every problem in one pass.
//! - [`model`]: the typed chart description.
//! - [`format`]: numbers in Chinese units (7.25万), full digits or compact English.
//! - [`scale`]: linear and band scales, nice ticks.
//! - [`layout`]: margins and label modes, a pure function of model, size and a text measurer.
//! - [`marks`]: builds the [`scene`] for each chart kind.
//! - [`scene`]: marks with their data; hit-testing and the text description read it.
//! - [`render`]: draws a scene with plotters (SVG natively, canvas in the browser).
//! - `web` (wasm32 only): the thin browser layer the custom element calls.
//! - `serve` (native, cargo feature `serve`): the feed service, docs/SERVICE.md.
//!
//! Leaves every stage may use, which use nothing of ours: [`geom`] (`Rect`), [`text`] (measuring,
//! CJK width, ellipsizing), [`digits`] (number digits without `core::fmt`) and [`platform`] (the
//! little the pure core asks of the browser). `node scripts/modgraph.mjs` prints the module graph
//! and fails on a cycle.
#![deny(missing_docs)]

// the import is for the CLI, the native tests and the builder's module; the readers' wasm leaves it
// out whole (present but unreachable, it still changed how the crate's shared code was optimized)
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub mod csv;
pub mod digits;
pub mod feed;
pub mod format;
pub mod geom;
pub mod layout;
pub mod marks;
pub mod model;
pub mod normalize;
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

/// Reads a feed and builds the scene of one dataset at a size, natively:
/// the path the command-line tool and the tests take.
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
