//! The browser layer: the only code that touches web-sys. The element's view
//! (`view.js`, which the loader `newschart.js` imports) fetches feeds and owns
//! the DOM; it calls this for everything else: reading the feed, layout, scene,
//! drawing, hit-testing.

pub mod canvas;
pub mod measure;
pub mod panic;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

use crate::feed::json::{self, Obj};
use crate::feed::{Problem, Severity};
use crate::geom::Rect;
use crate::model::{Dataset, Feed, Kind};
use crate::normalize::{self, Limits};
use crate::render::{self, FONT_STACK};
use crate::scene::{describe, hit, nav, Scene};
use crate::theme::{Color, Theme};

#[wasm_bindgen(start)]
fn start() {
    panic::install();
}

/// Appends `s` as a JSON string (for `push_list` over texts: one copy for every list of them).
fn push_text(out: &mut String, s: &String) {
    json::push_str(out, s);
}

/// `[{severity, path, line, column, code, args, zh, en}]`: `code` is the code's number, and `zh`
/// and `en` are empty in the readers' module (`problems.js` words the code and its args from the
/// catalogue's JavaScript copy).
fn problems_json(problems: &[Problem]) -> String {
    let mut out = String::new();
    json::push_list(&mut out, problems, |o, p| {
        let mut args = String::new();
        json::push_list(&mut args, &p.args, push_text);
        Obj::new(o)
            .str("severity", if p.severity == Severity::Error { "error" } else { "warning" })
            .str("path", &p.path)
            .int("line", p.line as u64)
            .int("column", p.column as u64)
            .int("code", p.code.number().into())
            .raw("args", &args)
            .str("zh", &p.zh)
            .str("en", &p.en)
            .end()
    });
    out
}

/// Converts a CSV, TSV or .xlsx file (recognised by its content) to a feed, as
/// `newschart from-csv` does (the builder page calls this). `bytes`: UTF-8, or
/// UTF-16 with a BOM (a GBK file is reported: the page decodes it first), or an
/// .xlsx file; `options_json`: see [`CsvOptions::from_json`]. Returns JSON
/// `{"feed": <feed or null>, "text": <the feed laid out for people, or null>,
/// "problems": [...], "table": {headers, rows, rowNumbers}, "columns": [...],
/// "long": null | {x, series, value}, "skipped": [...], "sheets": [...]}`
/// (see [`Import::details`]); each problem located by row and column.
///
/// Only in the builder's module (cargo feature `builder`): readers' pages never
/// convert CSV, and the conversion adds ~34 KB gzip to the wasm.
///
/// [`CsvOptions::from_json`]: crate::csv::CsvOptions::from_json
/// [`Import::details`]: crate::csv::Import::details
#[cfg(feature = "builder")]
#[wasm_bindgen]
pub fn csv_to_feed(bytes: &[u8], options_json: &str) -> String {
    let opts = crate::csv::CsvOptions::from_json(options_json);
    let import = crate::csv::import(bytes, &opts);
    let mut out = String::new();
    let mut o = Obj::new(&mut out);
    match &import.feed {
        Some(feed) => {
            o.raw("feed", &feed.to_string());
            json::push_str(o.key("text"), &crate::csv::write::to_pretty(feed));
        }
        None => {
            o.raw("feed", "null").raw("text", "null");
        }
    }
    o.raw("problems", &problems_json(&import.problems));
    for (k, v) in import.details() {
        o.raw(&k, &v.to_string());
    }
    o.end();
    out
}

/// `{x, y, w, h}`, in CSS px to 1/100 px (shorter JSON, written without the bignum of
/// `format::shortest`: a 1,000-point chart writes 8,000 of these).
fn push_rect(out: &mut String, r: &Rect) {
    let px = |v: f64| (v * 100.0 + 0.5).floor() / 100.0; // floor is one wasm instruction, round a libm call
    Obj::new(out).num("x", px(r.x)).num("y", px(r.y)).num("w", px(r.w)).num("h", px(r.h)).end();
}

/// One datum: category, series, value, texts and boxes.
fn push_datum(out: &mut String, d: &crate::scene::Datum) {
    let mut o = Obj::new(out);
    o.str("category", &d.category)
        .str("series", &d.series_name)
        .int("seriesIndex", d.series as u64)
        .int("index", d.index as u64)
        .num("value", d.value)
        .str("valueText", &d.value_text)
        .str("detail", &d.detail)
        .str("label", &d.label);
    push_rect(o.key("bar"), &d.bar);
    push_rect(o.key("bounds"), &d.bounds);
    o.end();
}

/// One chart: its feed, the dataset shown, and the scene at the current size.
#[wasm_bindgen]
pub struct Chart {
    feed: Feed,
    current: usize,
    warnings: Vec<Problem>,
    scene: Option<Scene>,
    /// The scene before the last change, while a transition runs.
    prev: Option<Scene>,
    /// Series (or, for donut and pie, categories) the reader has hidden.
    hidden: Vec<usize>,
    theme: Theme,
    font: String,
    /// Large line data (`from_columns`, or a long line feed) and where its last layout put it.
    large: Option<Large>,
}

/// Whether this module draws large line data (long line datasets and `from_columns`): the
/// readers' large module (cargo feature `large`, pkg/newschart_large_bg.wasm), the builder's and
/// debug builds. The readers' standard module leaves that code out (4.4 KB gzip): the element
/// moves a chart that needs it to the large module (see `needs_large`). Both modules have the same
/// exports, so one wasm-bindgen glue serves both.
const LARGE_DATA: bool = cfg!(any(feature = "large", debug_assertions));

/// A line dataset long enough to be drawn from columns (`marks::large`).
fn long_line(ds: &Dataset) -> bool {
    ds.kind == Kind::Line && ds.categories.len() > crate::marks::large::LARGE
}

#[wasm_bindgen]
extern "C" {
    /// The caller's arrays behind `setColumns` (view.js): `r(k, a, out)` fills `out` (a view
    /// of wasm memory) with column k's values from `a` on (0: x, `1 + s`: series s).
    pub type ColumnArrays;
    #[wasm_bindgen(method)]
    fn r(this: &ColumnArrays, k: usize, a: usize, out: &mut [f64]);
}

impl crate::model::ColumnSource for ColumnArrays {
    fn read(&self, column: usize, start: usize, out: &mut [f64]) {
        self.r(column, start, out)
    }
}

/// A large line chart's columns, for one dataset of the feed.
struct Large {
    /// Which dataset of the feed they belong to.
    dataset: usize,
    /// Shared with the scene's lazy data (`marks::large::Points`).
    cols: Rc<crate::model::Columns>,
    /// The dataset reduced to each series' extent (see `marks::large::summary_dataset`).
    summary: Dataset,
}

/// `{"problems": [one error]}`, thrown as the feed's problems are.
fn one_problem(zh: &str, en: &str) -> JsValue {
    let mut out = String::new();
    Obj::new(&mut out).raw("problems", &problems_json(&[Problem::said(Severity::Error, "", zh, en)])).end();
    JsValue::from_str(&out)
}

impl Chart {
    /// Reads feed text. On any error, throws a JSON string `{"problems": [...]}`,
    /// every problem with path, line, column and messages in Chinese and English
    /// (empty in the readers' module: see [`crate::feed::MESSAGES`]). Exported as `Chart.load`
    /// by the builder's module (and debug builds); the element calls `load_limited`.
    pub fn load(text: &str, max_bytes: usize) -> Result<Chart, JsValue> {
        Chart::load_limited(text, max_bytes, 0)
    }
}

#[wasm_bindgen]
impl Chart {
    /// `load` with both limits of `normalize::Limits` (0 keeps a default): the
    /// element's `max-bytes` and `max-points` attributes.
    pub fn load_limited(text: &str, max_bytes: usize, max_points: usize) -> Result<Chart, JsValue> {
        let d = Limits::default();
        let limits = Limits { max_bytes: if max_bytes == 0 { d.max_bytes } else { max_bytes }, max_points: if max_points == 0 { d.max_points } else { max_points } };
        let n = normalize::read(text, limits);
        match n.feed {
            Some(feed) => Ok(Chart {
                feed,
                current: 0,
                warnings: n.problems,
                scene: None,
                prev: None,
                hidden: Vec::new(),
                theme: Theme::default(),
                font: FONT_STACK.to_string(),
                large: None,
            }),
            None => {
                let mut out = String::new();
                Obj::new(&mut out).raw("problems", &problems_json(&n.problems)).end();
                Err(JsValue::from_str(&out))
            }
        }
    }

    /// Shows the dataset with this id; false when there is none.
    pub fn select(&mut self, id: &str) -> bool {
        match self.feed.datasets.iter().position(|d| d.id == id) {
            Some(i) => {
                self.current = i;
                self.hidden.clear();
                true
            }
            None => false,
        }
    }

    fn dataset(&self) -> &Dataset {
        &self.feed.datasets[self.current.min(self.feed.datasets.len() - 1)]
    }

    /// The words around the chart, as JSON: title, subtitle, notes, source,
    /// illustrative flag, locale, the feed's datasets and any warnings.
    pub fn meta(&self) -> String {
        let ds = self.dataset();
        let mut out = String::new();
        let mut o = Obj::new(&mut out);
        o.str("id", &ds.id).str("title", &ds.title).str("subtitle", &ds.subtitle).str("unit", &ds.unit).str("date", &ds.date);
        json::push_list(o.key("notes"), &ds.notes, push_text);
        match &ds.source {
            Some(src) => {
                let mut so = Obj::new(o.key("source"));
                so.str("text", &src.text);
                match &src.url {
                    Some(u) => so.str("url", u),
                    None => so.raw("url", "null"),
                };
                so.end();
            }
            None => {
                o.raw("source", "null");
            }
        }
        o.bool("illustrative", ds.illustrative)
            .str("locale", if ds.zh() { "zh-CN" } else { "en" })
            .str("kind", ds.kind.name())
            .str("byline", &ds.byline)
            .raw("legend", &self.legend());
        json::push_list(o.key("datasets"), &self.feed.datasets, |o, d| Obj::new(o).str("id", &d.id).str("title", &d.title).end());
        o.raw("warnings", &problems_json(&self.warnings)).end();
        out
    }

    /// The legend (`render::compose::legend`, which static images draw too): one entry per
    /// series, or per category for donut and pie; empty when a single series needs none.
    fn legend(&self) -> String {
        let mut out = String::new();
        json::push_list(&mut out, crate::render::compose::legend(self.dataset(), &self.theme).iter(), |o, e| {
            let mut o = Obj::new(o);
            o.str("name", e.name).str("color", &e.color.hex()).int("pattern", e.hatch as u64);
            // a line's dash pattern (CSS px, on and off), as the chart draws it
            if e.dash != 0 {
                let pattern = crate::theme::DASHES[e.dash as usize % crate::theme::DASHES.len()];
                json::push_list(o.key("dash"), pattern.iter(), |o, v| o.push_str(&crate::format::int(*v as i64)));
            }
            o.end();
        });
        out
    }

    /// The data as a table, JSON: a caption, the header row and one row per
    /// category with every value written in full (missing values say so).
    pub fn table(&self) -> String {
        let ds = self.dataset();
        let mut out = String::new();
        let mut o = Obj::new(&mut out);
        o.str("caption", &ds.title);
        json::push_list(o.key("headers"), std::iter::once("").chain(ds.series.iter().map(|s| s.name.as_str())), |o, h| json::push_str(o, h));
        json::push_list(o.key("rows"), ds.categories.iter().enumerate(), |o, (ci, c)| {
            let mut row = Obj::new(o);
            row.str("category", c);
            json::push_list(row.key("cells"), ds.series.iter().enumerate(), |o, (si, s)| match s.values.get(ci).copied().flatten() {
                Some(v) => Obj::new(o).str("text", &crate::marks::text::value_text(ds, si, v)).num("value", v).end(),
                None => Obj::new(o).str("text", &crate::marks::text::missing_text(ds)).raw("value", "null").end(),
            });
            row.end();
        });
        o.end();
        out
    }

    /// The height the chart wants at `width` CSS px when the page sets none.
    pub fn default_height(&self, width: f64) -> f64 {
        crate::layout::default_height(self.dataset(), width)
    }

    /// Sets colours (`#rrggbb`; empty keeps the default) and the font family: `theme` is text,
    /// muted, grid, axis, background, the palette (`,` between colours) and the font, with NUL
    /// between them (which CSS values never hold). One string, not seven: one copy into the wasm.
    pub fn set_theme(&mut self, theme: &str) {
        let mut parts = theme.split('\0');
        let mut next = || parts.next().unwrap_or_default();
        let (text, muted, grid, axis, background, palette, font) = (next(), next(), next(), next(), next(), next(), next());
        let d = Theme::default();
        let pick = |s: &str, dflt: Color| Color::parse_hex(s).unwrap_or(dflt);
        let pal: Vec<Color> = palette.split(',').filter_map(Color::parse_hex).collect();
        self.theme = Theme {
            text: pick(text, d.text),
            muted: pick(muted, d.muted),
            grid: pick(grid, d.grid),
            axis: pick(axis, d.axis),
            background: pick(background, d.background),
            palette: if pal.is_empty() { d.palette } else { pal },
        };
        self.font = if font.trim().is_empty() { FONT_STACK.to_string() } else { font.to_string() };
        self.scene = None;
    }

    /// Lays the chart out at `width` × `height` CSS px and builds its scene, measuring text on
    /// `ctx` (the chart's own canvas's: every draw sets its font before a text); without one,
    /// by estimate.
    pub fn layout(&mut self, width: f64, height: f64, ctx: Option<CanvasRenderingContext2d>) {
        #[cfg(debug_assertions)]
        panic::on_purpose::fire(self as *const Chart as usize);
        #[cfg(feature = "panic-trigger")]
        panic::trigger::fire(self.feed.datasets.get(self.current).map_or("", |d| d.title.as_str()));
        let m = measure::CanvasMeasure::new(ctx, &self.font);
        use crate::marks::{hide, show};
        if self.make_large() {
            if let Some(l) = &mut self.large {
                let taken = hide(&mut l.summary, &self.hidden);
                self.scene = Some(crate::marks::large::scene(&l.summary, &l.cols, width, height, &m, &self.theme));
                show(&mut l.summary, taken);
            }
            return;
        }
        // the reader's hidden series out for the layout, then back (no copy of the dataset)
        let cur = self.current.min(self.feed.datasets.len() - 1);
        let ds = &mut self.feed.datasets[cur];
        let taken = hide(ds, &self.hidden);
        self.scene = Some(crate::marks::build(ds, width, height, &m, &self.theme));
        show(ds, taken);
    }

    /// A chart of large line data given as columns (the typed-array entry point
    /// beside the JSON feed): `arrays.r(k, a, out)` fills `out` from value `a` of
    /// column k on, 0 for x (ascending; for `x: "date"`, JavaScript time values), `1 + s` for
    /// series s, `n_series` of them, each `n` long, NaN for a gap (view.js checks
    /// the lengths: 0 series when they differ). `meta` is a dataset's words as JSON
    /// (title, unit, locale, x, numberStyle, decimals, source, notes, series:
    /// [{name, color}] …), read with the feed's own rules. The arrays stay the
    /// caller's: read a chunk at a time, never copied in whole. Throws
    /// `{"problems": [...]}` like `load`.
    pub fn from_columns(meta: &str, arrays: ColumnArrays, n: usize, n_series: usize) -> Result<Chart, JsValue> {
        use crate::feed::json::{Number, Value};
        if !LARGE_DATA {
            // the standard module imports what the large one does: one glue serves both
            arrays.r(0, 0, &mut []);
            // the element calls this in the large module only
            return Err(JsValue::from_str(concat!(
                r#"{"problems":[{"severity":"error","path":"","line":0,"column":0,"#,
                r#""zh":"此模块不含大数据图表（请用 newschart_large_bg.wasm）","en":"this module has no large data (use newschart_large_bg.wasm)"}]}"#
            )));
        }
        if n_series == 0 {
            return Err(one_problem("每个数据系列的值须与 x 一样多", "every series needs as many values as x has"));
        }
        let borrowed = crate::model::Borrowed { len: n, series: n_series, source: Rc::new(arrays) };
        let cols = crate::model::Columns { borrowed: Some(borrowed), ..Default::default() };
        // the words go through normalize as a one-point feed, so they follow the feed's rules
        let mut ds = match json::parse(meta) {
            Ok(Value::Object(m)) => m,
            _ => return Err(one_problem("meta 须为 JSON 对象", "meta must be a JSON object")),
        };
        let dated = ds.get("x").and_then(Value::as_str) == Some("date");
        let names: Vec<Value> = match ds.get("series") {
            Some(Value::Array(items)) => items.to_vec(),
            _ => Vec::new(),
        };
        let mut series = Vec::with_capacity(n_series);
        for i in 0..n_series {
            let mut s = match names.get(i) {
                Some(Value::Object(o)) => o.clone(),
                _ => crate::feed::json::Map::new(),
            };
            if !s.contains_key("name") {
                let mut name = String::from(if n_series > 1 { "series " } else { "" });
                if n_series > 1 {
                    json::push_u64(&mut name, i as u64 + 1);
                }
                s.insert("name".to_string(), Value::String(name));
            }
            s.insert("values".to_string(), Value::Array(vec![Value::Number(Number::PosInt(0))].into()));
            series.push(Value::Object(s));
        }
        ds.insert("kind".to_string(), Value::String("line".to_string()));
        ds.insert("categories".to_string(), Value::Array(vec![Value::String(if dated { "2000-01-01" } else { "0" }.to_string())].into()));
        ds.insert("series".to_string(), Value::Array(series.into()));
        let mut text = String::from("{\"version\":1,\"datasets\":[");
        json::push_value(&mut text, &Value::Object(ds));
        text.push_str("]}");
        let mut chart = Chart::load(&text, 0)?;
        let mut ds = chart.feed.datasets.swap_remove(0);
        ds.categories.clear();
        ds.dates.clear();
        // x checked and each series' extent found, each of the caller's arrays read once
        let Some(summary) = crate::marks::large::summary_dataset(&ds, &cols) else {
            return Err(one_problem("x 须为从小到大排列的有限数", "x must be finite numbers in ascending order"));
        };
        chart.feed.datasets = vec![ds];
        chart.large = Some(Large { dataset: 0, cols: Rc::new(cols), summary });
        Ok(chart)
    }

    /// Whether the chart shown is a large line chart: its points are made one at
    /// a time by `point(i)` (and `points()` is empty).
    pub fn is_large(&mut self) -> bool {
        self.make_large()
    }

    /// How many points `point(i)` numbers: x positions × series (gaps included).
    pub fn point_count(&self) -> usize {
        self.scene.as_ref().map_or(0, Scene::point_count)
    }

    /// Point `i` as JSON (as one element of `points()`), made now; `null` for a
    /// gap or past the end: the scene's datum `i` (for a large chart, its lazy data's).
    pub fn point(&self, i: usize) -> String {
        let mut out = String::new();
        match self.scene.as_ref().and_then(|s| s.point(i)) {
            Some(d) => push_datum(&mut out, &d),
            None => out.push_str("null"),
        }
        out
    }

    /// Whether a dataset of the feed is a line too long for this module: only in the readers'
    /// standard module (see [`LARGE_DATA`]), where the element then reads the feed again in the
    /// large module.
    pub fn needs_large(&self) -> bool {
        !LARGE_DATA && self.feed.datasets.iter().any(long_line)
    }

    /// Makes the columns of a long line dataset once; true when the dataset shown is large.
    fn make_large(&mut self) -> bool {
        if !LARGE_DATA {
            return false;
        }
        if self.large.as_ref().is_some_and(|l| l.dataset == self.current) {
            return true;
        }
        let ds = self.dataset();
        if !long_line(ds) {
            return false;
        }
        let Some(cols) = crate::model::Columns::from_dataset(ds) else { return false };
        let Some(summary) = crate::marks::large::summary_dataset(ds, &cols) else { return false };
        self.large = Some(Large { dataset: self.current, cols: Rc::new(cols), summary });
        true
    }

    /// Keeps the current scene as the start of a transition; the next
    /// `layout` gives its end, and `draw_at` draws the frames between.
    pub fn begin_transition(&mut self) {
        self.prev = self.scene.take(); // the change's `layout` makes the next one
    }

    /// Ends a transition: `draw` draws the new scene alone again.
    pub fn end_transition(&mut self) {
        self.prev = None;
    }

    /// Hides or shows series `i` (for donut and pie: category `i`). Refuses to
    /// hide the last one shown; returns whether `i` is now hidden.
    pub fn set_hidden(&mut self, i: usize, hidden: bool) -> bool {
        let ds = self.dataset();
        let n = match ds.kind {
            Kind::Donut | Kind::Pie => ds.categories.len(),
            _ => ds.series.len(),
        };
        if i >= n {
            return false;
        }
        self.hidden.retain(|h| *h != i);
        if hidden && self.hidden.len() + 1 < n {
            self.hidden.push(i);
        }
        self.hidden.contains(&i)
    }

    /// The plot area of the current layout, as JSON `{x, y, w, h}` in CSS px.
    pub fn plot_box(&self) -> String {
        let mut out = String::new();
        match &self.scene {
            Some(s) => push_rect(&mut out, &s.plot),
            None => out.push_str("null"),
        }
        out
    }

    /// Draws frame `t` (0 to 1) of the running transition, or the scene when none runs (t = 1),
    /// onto `ctx` at `dpr` device pixels per CSS pixel; the caller has sized its canvas's backing
    /// store to `width_px` × `height_px` (the layout's size times `dpr`, rounded).
    pub fn draw_at(&mut self, ctx: &CanvasRenderingContext2d, width_px: u32, height_px: u32, dpr: f64, t: f64) -> Result<(), JsValue> {
        use crate::scene::tween;
        let Some(scene) = &mut self.scene else { return Err(JsValue::from_str("layout() must run before draw()")) };
        // the frame's bars put in place for this draw, then put back
        let moved = match &self.prev {
            Some(prev) if t < 1.0 => tween::swap(scene, tween::bars(prev, scene, t)),
            _ => Vec::new(),
        };
        let drawn = Self::paint(scene, ctx, width_px, height_px, dpr, &self.font);
        tween::swap(scene, moved);
        drawn
    }

    /// Clears `ctx`'s `w` × `h` device pixels and draws `scene` there at `dpr`.
    fn paint(scene: &Scene, ctx: &CanvasRenderingContext2d, w: u32, h: u32, dpr: f64, font: &str) -> Result<(), JsValue> {
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
        ctx.clear_rect(0.0, 0.0, w as f64, h as f64);
        let backend = canvas::CanvasBackend::new(ctx, w, h);
        render::draw(scene, backend, render::Options { scale: dpr, text_factor: 1.0, font }).map_err(|e| JsValue::from_str(&e))
    }

    /// The datum at (x, y) CSS px from the canvas's top left, or -1.
    pub fn hit(&self, x: f64, y: f64) -> i32 {
        self.scene.as_ref().and_then(|s| hit::hit(s, x, y)).map_or(-1, |i| i as i32)
    }

    /// The point a key moves to from point `current` (-1: none yet), `key` the place of its
    /// `KeyboardEvent.key` in `scene::nav::KEYS` (arrows, Home, End; a number: no string to copy
    /// in); -1 for another key, or no points.
    pub fn next_point(&self, current: i32, key: u32) -> i32 {
        let Some(key) = nav::Key::from_code(key as usize) else { return -1 };
        let current = usize::try_from(current).ok();
        let to = match self.large.as_ref().filter(|_| LARGE_DATA) {
            Some(Large { dataset, cols, .. }) if *dataset == self.current => {
                let s = cols.series();
                nav::next_in_grid(cols.len() * s, s, current, key, |k| cols.value(k % s, k / s).is_some_and(f64::is_finite))
            }
            _ => self.scene.as_ref().and_then(|s| nav::next(s, current, key)),
        };
        to.map_or(-1, |i| i as i32)
    }

    /// Every datum as JSON, in reading order: category, series, value, texts and boxes.
    pub fn points(&self) -> String {
        let Some(scene) = &self.scene else { return "[]".to_string() };
        let mut out = String::new();
        // (a large chart's scene has no data: its points come one at a time from `point`)
        json::push_list(&mut out, &scene.data, push_datum);
        out
    }

    /// The text description for screen readers, built from the scene.
    pub fn summary(&self) -> String {
        match &self.scene {
            Some(s) => describe::describe(self.dataset(), s),
            None => String::new(),
        }
    }
}

/// Debug builds and the builder's module only: what the builder page calls, and a test hook; the
/// readers' release module leaves them out.
#[cfg(any(debug_assertions, feature = "builder"))]
#[wasm_bindgen]
impl Chart {
    /// [`Chart::load`], for the builder page.
    #[wasm_bindgen(js_name = load)]
    pub fn load_js(text: &str, max_bytes: usize) -> Result<Chart, JsValue> {
        Chart::load(text, max_bytes)
    }

    /// The height in CSS px of the whole composition a static image shows, `width` CSS px wide
    /// with the chart `chart_height` tall: what to size the canvas for `draw_composed` to.
    pub fn composed_height(&mut self, width: f64, chart_height: f64, ctx: Option<CanvasRenderingContext2d>) -> f64 {
        let m = measure::CanvasMeasure::new(ctx, &self.font);
        self.compose(width, chart_height, &m).scene.height
    }

    /// Draws the whole composition a static image shows (`render::compose`: title, subtitle,
    /// unit, legend, the chart with the series the reader hid left out, the illustrative label,
    /// notes, source) onto `ctx`, `width` CSS px wide with the chart `chart_height` tall, at
    /// `dpr`, the caller having sized its canvas to `width` × `composed_height` times `dpr`,
    /// rounded: the reader's PNG download (`download.js` remakes the chart in the builder's
    /// module for it; the readers' modules leave this out). The chart's own scene is left as it is.
    pub fn draw_composed(&mut self, ctx: &CanvasRenderingContext2d, width: f64, chart_height: f64, dpr: f64) -> Result<(), JsValue> {
        let m = measure::CanvasMeasure::new(Some(ctx.clone()), &self.font);
        let scene = self.compose(width, chart_height, &m).scene;
        let (w, h) = ((scene.width * dpr).round().max(1.0) as u32, (scene.height * dpr).round().max(1.0) as u32);
        Self::paint(&scene, ctx, w, h, dpr, &self.font)
    }

    /// Every text drawn, with its role and its box as the canvas measures it:
    /// what an overlap check needs. JSON `[{role, text, x, y, w, h}]`.
    /// Measured on `ctx`, as `layout` was.
    pub fn label_boxes(&self, ctx: Option<CanvasRenderingContext2d>) -> String {
        use crate::scene::{Role, Shape};
        let Some(scene) = &self.scene else { return "[]".to_string() };
        let m = measure::CanvasMeasure::new(ctx, &self.font);
        let mut out = String::from("[");
        let roles = [
            (Role::Tick, "Tick"),
            (Role::Category, "Category"),
            (Role::ValueLabel, "ValueLabel"),
            (Role::TargetLabel, "TargetLabel"),
            (Role::Annotation, "Annotation"),
            (Role::SeriesLabel, "SeriesLabel"),
        ];
        for (role, name) in roles {
            let texts = scene.marks.iter().filter(|mk| mk.role == role).filter_map(|mk| match &mk.shape {
                Shape::Text { text, .. } => Some(text.clone()),
                _ => None,
            });
            for (b, t) in scene.label_boxes(role, &m).into_iter().zip(texts) {
                if out.len() > 1 {
                    out.push(',');
                }
                Obj::new(&mut out).str("role", name).str("text", &t).num("x", b.x).num("y", b.y).num("w", b.w).num("h", b.h).end();
            }
        }
        out.push(']');
        out
    }
}

#[cfg(any(debug_assertions, feature = "builder"))]
impl Chart {
    /// The composition of `draw_composed`, the series the reader hid left out.
    fn compose(&mut self, width: f64, chart_height: f64, m: &dyn crate::text::TextMeasure) -> crate::render::compose::Composition {
        use crate::marks::{hide, show};
        use crate::render::compose::{compose, compose_with, Height};
        let height = Height::Chart(chart_height);
        // LARGE_DATA first: the standard module then leaves marks::large out
        let large = LARGE_DATA && self.make_large();
        let (theme, hidden) = (&self.theme, &self.hidden);
        match &mut self.large {
            Some(l) if large => {
                let taken = hide(&mut l.summary, hidden);
                let (ds, cols) = (&l.summary, &l.cols);
                let c = compose_with(ds, width, height, m, theme, &mut |w, h| crate::marks::large::build(ds, cols, w, h, m, theme).0);
                show(&mut l.summary, taken);
                c
            }
            _ => {
                let cur = self.current.min(self.feed.datasets.len() - 1);
                let ds = &mut self.feed.datasets[cur];
                let taken = hide(ds, hidden);
                let c = compose(ds, width, height, m, theme);
                show(ds, taken);
                c
            }
        }
    }
}

/// Debug builds only (`cfg(debug_assertions)`): not in the release wasm.
#[cfg(debug_assertions)]
#[wasm_bindgen]
impl Chart {
    /// Makes this chart's next `layout` panic, so the end-to-end tests can check
    /// that a panic becomes this chart's error box and the other charts keep working.
    pub fn debug_panic_on_layout(&self) {
        panic::on_purpose::arm(self as *const Chart as usize);
    }
}

// Test builds only. Declared last: the lines above keep their numbers, which the builder's module
// carries in its panic locations (its size would move).
#[cfg(feature = "heap-stats")]
pub mod heap_stats;
