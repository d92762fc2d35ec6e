//! The whole composition of a static image: the words the widget shows around
//! its canvas (title, subtitle, unit, legend, the illustrative label, notes,
//! source) laid out with the chart's scene into one scene, so the CLI's SVG
//! and PNG draw exactly what a reader sees, in one function.
//!
//! ```text
//!  ┌──────────────────────────────┐
//!  │ Title (bold, wrapped)        │
//!  │ Subtitle · byline            │
//!  │ 单位：万元                    │
//!  │ ■ series A  ■ series B       │  (legend, when there is more than one series)
//!  │ ┌──────────────────────────┐ │
//!  │ │ the chart's own scene     │ │
//!  │ └──────────────────────────┘ │
//!  │ [示例数据：非报道数字…]       │
//!  │ notes …                      │
//!  │ 来源：…                      │
//!  └──────────────────────────────┘
//! ```
//!
//! Every word is a text mark (role `Annotation`) in the returned scene; the
//! chart's marks and data are moved to where the chart sits.

use crate::feed::Problem;
use crate::format::cat;
use crate::geom::Rect;
use crate::layout;
use crate::marks;
use crate::model::{Dataset, Kind};
use crate::scene::{HAlign, Mark, Role, Scene, Shape, VAlign};
use crate::theme::{Color, Theme};

use super::wrap::wrap;
use crate::text::TextMeasure;

/// Margin around the composition, CSS px.
pub const PAD: f64 = 12.0;
/// Title size, CSS px (the widget's 1.05em of 16px).
pub const TITLE: f64 = 17.0;
/// Subtitle size.
pub const SUBTITLE: f64 = 14.0;
/// Legend size.
pub const LEGEND: f64 = 13.0;
/// Unit, illustrative label, notes and source size.
pub const SMALL: f64 = 12.0;

/// How tall the image is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Height {
    /// The whole image, words included: the chart gets what the words leave.
    Whole(f64),
    /// The chart alone (the widget's `height` attribute); the words add to it.
    Chart(f64),
    /// The chart's natural height for the width, plus the words.
    Natural,
}

/// A composed image: one scene, and where its parts are.
#[derive(Clone, Debug, PartialEq)]
pub struct Composition {
    /// Everything to draw, in CSS px.
    pub scene: Scene,
    /// Where the chart's own scene sits.
    pub chart: Rect,
    /// The legend's entries: swatch and name together, one box each.
    pub legend: Vec<Rect>,
    /// The illustrative label's box, when the data is illustrative.
    pub illustrative: Option<Rect>,
    /// Every line of words and legend entry, as the text measure sizes it.
    pub words: Vec<Rect>,
}

/// One legend entry: a series' (or a wedge's) name and colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    /// What the reader reads.
    pub name: &'a str,
    /// Its colour.
    pub color: Color,
    /// A line's dash pattern, an index into `theme::DASHES` (0: solid), as the chart draws it.
    pub dash: u8,
    /// A bar's hatching (0 plain, 1 diagonal, 2 horizontal), as the chart draws it.
    pub hatch: usize,
}

/// The legend the widget shows (`Chart::meta`) and static images draw: one entry per category
/// for donut and pie, one per series when there is more than one, none for a single series,
/// tables and progress.
pub fn legend<'a>(ds: &'a Dataset, theme: &Theme) -> Vec<Entry<'a>> {
    match ds.kind {
        Kind::Donut | Kind::Pie => ds.categories.iter().enumerate().map(|(i, c)| Entry { name: c, color: theme.series_color(i, None), dash: 0, hatch: 0 }).collect(),
        Kind::Table | Kind::Progress => Vec::new(),
        // the marks' own look of each series: highlighted ones in the first colours, the rest in
        // grey, and lines past the palette dashed
        _ if ds.series.len() > 1 => {
            let lines = matches!(ds.kind, Kind::Line | Kind::Area);
            let bars = matches!(ds.kind, Kind::Column | Kind::Bar);
            ds.series
                .iter()
                .enumerate()
                .map(|(i, s)| Entry {
                    name: &s.name,
                    color: marks::series_color(ds, i, theme),
                    dash: if lines { marks::series_dash(ds, i, theme) } else { 0 },
                    hatch: if bars { marks::series_hatch(ds, i, theme) } else { 0 },
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The fixed words, in the dataset's language.
struct Words {
    unit: &'static str,
    illustrative: &'static str,
    source: &'static str,
}

fn words(ds: &Dataset) -> Words {
    if ds.zh() {
        Words { unit: "单位：", illustrative: "示例数据：非报道数字，仅作示意", source: "来源：" }
    } else {
        Words { unit: "Unit: ", illustrative: "Illustrative data: not reported figures", source: "Source: " }
    }
}

/// The illustrative label's colours (the widget's `.nc-illustrative`).
const ILLUSTRATIVE_TEXT: Color = Color::rgb(0x7a, 0x2e, 0x00);
const ILLUSTRATIVE_BG: Color = Color::rgb(0xff, 0xf1, 0xe0);
const ILLUSTRATIVE_BORDER: Color = Color::rgb(0xd5, 0x5e, 0x00);

/// Marks placed top to bottom at `y`.
struct Column<'a> {
    marks: Vec<Mark>,
    /// Each line's box.
    boxes: Vec<Rect>,
    y: f64,
    width: f64,
    m: &'a dyn TextMeasure,
}

impl Column<'_> {
    /// A paragraph: wrapped, each line `size` × `lh` tall.
    fn text(&mut self, text: &str, size: f64, lh: f64, bold: bool, color: Color) {
        for line in wrap(text, self.width - 2.0 * PAD, size, bold, self.m) {
            let mut mark = Mark::text(PAD, self.y + (lh - size) / 2.0, &line, size, HAlign::Start, VAlign::Top, color, Role::Annotation);
            if let Shape::Text { bold: b, .. } = &mut mark.shape {
                *b = bold;
            }
            self.marks.push(mark);
            let w = self.m.width(&line, size) * if bold { 1.06 } else { 1.0 };
            self.boxes.push(Rect { x: PAD, y: self.y + (lh - size) / 2.0, w, h: size });
            self.y += lh;
        }
    }

    /// The legend: entries flow left to right and wrap; returns each entry's box.
    fn legend(&mut self, entries: &[Entry], line: bool) -> Vec<Rect> {
        let lh = 20.0;
        let swatch = if line { 22.0 } else { 11.0 };
        let (mut x, mut boxes) = (PAD, Vec::new());
        let right = self.width - PAD;
        for e in entries {
            let name_w = self.m.width(e.name, LEGEND);
            let w = swatch + 5.0 + name_w;
            if x > PAD && x + w > right {
                x = PAD;
                self.y += lh;
            }
            let mid = self.y + lh / 2.0;
            if !line {
                self.marks.push(Mark::rect(Rect { x, y: mid - swatch / 2.0, w: swatch, h: swatch }, e.color, Role::Annotation, None));
            } else {
                // a stroke of the line's own pattern: one rect per dash
                let pattern = crate::theme::DASHES.get(e.dash as usize).copied().unwrap_or(&[]);
                let mut at = 0.0;
                let mut k = 0;
                while at < swatch {
                    let (on, off) = match pattern {
                        [] => (swatch, 0.0),
                        p => (p[k % p.len()], p[(k + 1) % p.len()]),
                    };
                    let w = on.min(swatch - at);
                    self.marks.push(Mark::rect(Rect { x: x + at, y: mid - 1.5, w, h: 3.0 }, e.color, Role::Annotation, None));
                    at += on + off;
                    k += 2;
                }
            }
            self.marks.push(Mark::text(x + swatch + 5.0, mid, e.name, LEGEND, HAlign::Start, VAlign::Middle, Color::rgb(0x1a, 0x1a, 0x1a), Role::Annotation));
            boxes.push(Rect { x, y: self.y, w, h: lh });
            self.boxes.push(Rect { x, y: mid - LEGEND / 2.0, w, h: LEGEND });
            x += w + 16.0;
        }
        if !entries.is_empty() {
            self.y += lh;
        }
        boxes
    }

    /// The illustrative label: bold, in a tinted box with a border; returns the box.
    fn label(&mut self, text: &str) -> Rect {
        let size = SMALL;
        let lh = 18.0;
        let inner = self.width - 2.0 * PAD - 10.0;
        let lines = wrap(text, inner, size, true, self.m);
        let w = lines.iter().map(|l| self.m.width(l, size) * 1.06).fold(0.0, f64::max) + 10.0;
        let h = lines.len() as f64 * lh + 4.0;
        self.marks.push(Mark::rect(Rect { x: PAD, y: self.y, w, h }, ILLUSTRATIVE_BORDER, Role::Annotation, None));
        self.marks.push(Mark::rect(Rect { x: PAD + 1.0, y: self.y + 1.0, w: w - 2.0, h: h - 2.0 }, ILLUSTRATIVE_BG, Role::Annotation, None));
        let mut y = self.y + 2.0;
        for line in lines {
            let mut mark = Mark::text(PAD + 5.0, y + (lh - size) / 2.0, &line, size, HAlign::Start, VAlign::Top, ILLUSTRATIVE_TEXT, Role::Annotation);
            if let Shape::Text { bold, .. } = &mut mark.shape {
                *bold = true;
            }
            self.marks.push(mark);
            self.boxes.push(Rect { x: PAD + 5.0, y: y + (lh - size) / 2.0, w: self.m.width(&line, size) * 1.06, h: size });
            y += lh;
        }
        self.y += h;
        Rect { x: PAD, y: self.y - h, w, h }
    }
}

/// Lays out `ds` with its words at `width` CSS px: the title, subtitle, unit, legend, notes and
/// source around the chart's scene, measured with `m`. The crate's front page has an example.
pub fn compose(ds: &Dataset, width: f64, height: Height, m: &dyn TextMeasure, theme: &Theme) -> Composition {
    compose_with(ds, width, height, m, theme, &mut |w, h| marks::build(ds, w, h, m, theme))
}

/// [`compose`] with the chart's scene made by `chart(width, height)` (the browser's large line
/// charts are built from their columns, not from the dataset).
pub fn compose_with(ds: &Dataset, width: f64, height: Height, m: &dyn TextMeasure, theme: &Theme, chart: &mut dyn FnMut(f64, f64) -> Scene) -> Composition {
    let width = if width.is_finite() { width.max(layout::MIN_WIDTH + 2.0 * PAD) } else { 640.0 };
    let chart_w = width - 2.0 * PAD;
    let w = words(ds);
    let mut top = Column { marks: Vec::new(), boxes: Vec::new(), y: PAD, width, m };
    if !ds.title.is_empty() {
        top.text(&ds.title, TITLE, 24.0, true, theme.text);
        top.y += 2.0;
    }
    let subtitle = match (ds.subtitle.is_empty(), ds.byline.is_empty()) {
        (_, true) => ds.subtitle.clone(),
        (true, false) => ds.byline.clone(),
        (false, false) => cat(&[&ds.subtitle, " · ", &ds.byline]),
    };
    if !subtitle.is_empty() {
        top.text(&subtitle, SUBTITLE, 20.0, false, theme.muted);
    }
    if !ds.unit.is_empty() && ds.kind != Kind::Table {
        top.text(&cat(&[w.unit, &ds.unit]), SMALL, 18.0, false, theme.muted);
    }
    let entries = legend(ds, theme);
    if !entries.is_empty() {
        top.y += 2.0;
    }
    let legend_boxes = top.legend(&entries, matches!(ds.kind, Kind::Line));
    top.y += 6.0;
    let chart_y = top.y;

    // the words under the chart, laid out from 0 and moved below it afterwards
    let mut bottom = Column { marks: Vec::new(), boxes: Vec::new(), y: 0.0, width, m };
    let mut label = None;
    if ds.illustrative {
        bottom.y += 8.0;
        label = Some(bottom.label(w.illustrative));
    }
    if !ds.notes.is_empty() {
        bottom.y += 6.0;
    }
    for n in &ds.notes {
        bottom.text(n, SMALL, 18.0, false, theme.muted);
    }
    if let Some(src) = &ds.source {
        bottom.y += 4.0;
        bottom.text(&cat(&[w.source, &src.text]), SMALL, 18.0, false, theme.muted);
    }
    let below = bottom.y + PAD;

    let chart_h = match height {
        Height::Chart(h) => h,
        Height::Natural => layout::default_height(ds, chart_w),
        Height::Whole(h) => h - chart_y - below - 8.0,
    };
    let chart_h = if chart_h.is_finite() { chart_h.max(layout::MIN_HEIGHT) } else { layout::MIN_HEIGHT };
    let chart = chart(chart_w, chart_h);
    let at = Rect { x: PAD, y: chart_y, w: chart.width, h: chart.height };
    let foot_y = at.y + at.h + 8.0;
    let total = match height {
        Height::Whole(h) if h >= foot_y + below => h,
        _ => foot_y + below,
    };

    let chart = moved(chart, at.x, at.y);
    let mut out = Vec::with_capacity(top.marks.len() + chart.marks.len() + bottom.marks.len() + 1);
    out.push(Mark::rect(Rect { x: 0.0, y: 0.0, w: width, h: total }, theme.background, Role::Annotation, None));
    out.extend(top.marks);
    out.extend(chart.marks);
    for mut mk in bottom.marks {
        move_shape(&mut mk.shape, 0.0, foot_y);
        out.push(mk);
    }
    let scene = Scene { width, height: total, plot: chart.plot, marks: out, data: chart.data, lazy: None };
    let illustrative = label.map(|r| Rect { y: r.y + foot_y, ..r });
    let mut words = top.boxes;
    words.extend(bottom.boxes.into_iter().map(|r| Rect { y: r.y + foot_y, ..r }));
    Composition { scene, chart: at, legend: legend_boxes, illustrative, words }
}

fn move_rect(r: &mut Rect, dx: f64, dy: f64) {
    r.x += dx;
    r.y += dy;
}

fn move_shape(s: &mut Shape, dx: f64, dy: f64) {
    match s {
        Shape::Rect(r) => move_rect(r, dx, dy),
        Shape::Line { x1, y1, x2, y2 } => {
            *x1 += dx;
            *x2 += dx;
            *y1 += dy;
            *y2 += dy;
        }
        Shape::Path { points, .. } => {
            for p in points {
                p.0 += dx;
                p.1 += dy;
            }
        }
        Shape::Circle { x, y, .. } | Shape::Text { x, y, .. } => {
            *x += dx;
            *y += dy;
        }
    }
}

/// The scene moved by (`dx`, `dy`): marks, plot and data.
pub fn moved(mut s: Scene, dx: f64, dy: f64) -> Scene {
    for m in &mut s.marks {
        move_shape(&mut m.shape, dx, dy);
    }
    move_rect(&mut s.plot, dx, dy);
    for d in &mut s.data {
        move_rect(&mut d.bounds, dx, dy);
        move_rect(&mut d.bar, dx, dy);
        if let Some(w) = &mut d.wedge {
            w[0] += dx;
            w[1] += dy;
        }
    }
    s
}

/// Reads a feed and composes one dataset, natively (the command-line tool and
/// the tests), with the estimated text measure the scene is laid out with.
///
/// `dataset` picks a dataset by `id` (the first when `None`). `Err` holds every problem of the
/// feed, as [`crate::scene_for`] does.
///
/// ```
/// use newschart::render::compose::{scene_for, Height};
///
/// let feed = include_str!("../../www/feeds/hamlets.json");
/// // the chart 300 CSS px tall under its words, 640 wide
/// let (dataset, c) = scene_for(feed, None, 640.0, Height::Chart(300.0)).expect("a valid feed");
/// assert_eq!(c.chart.h, 300.0);
/// assert_eq!(c.scene.width, 640.0);
/// // the feed says its figures per county are illustrative: the image says so too
/// assert!(dataset.illustrative && c.illustrative.is_some());
/// ```
pub fn scene_for(text: &str, dataset: Option<&str>, width: f64, height: Height) -> Result<(Dataset, Composition), Vec<Problem>> {
    let (ds, _) = crate::scene_for(text, dataset, layout::MIN_WIDTH, Some(layout::MIN_HEIGHT))?;
    let c = compose(&ds, width, height, &crate::text::EstimateMeasure, &Theme::default());
    Ok((ds, c))
}
