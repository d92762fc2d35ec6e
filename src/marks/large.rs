//! Large line charts (10^4 to 10^6 points) from flat columns.
//!
//! The data stay in [`Columns`]: one sorted `x` vector and one `f64` vector per
//! series, NaN for a gap. Each layout decimates them to at most four points per
//! pixel column (first, lowest, highest, last: the min-max method, which keeps
//! every spike a reader could see), so drawing costs the same at 10^6 points as
//! at 10^3. The scene holds no per-point data but [`Points`], its lazy data: hit-testing is a
//! binary search on `x` ([`crate::scene::hit::nearest_sorted`]) and a point's texts are made on
//! demand, for the one the reader points at ([`Frame::datum`]); `scene::hit`, the points and
//! `scene::describe` reach them through the scene as for any chart.

use super::{axis, text};
use crate::format::{date, TickFormat};
use crate::geom::Rect;
use crate::layout::{self, ValueAxis, LABEL_SIZE, LINE};
use std::rc::Rc;

use crate::model::{Columns, Dataset, XScale};
use crate::scale::LinearScale;
use crate::scene::{hit, Datum, HAlign, Lazy, LazyData, Mark, Role, Scene, VAlign};
use crate::text::TextMeasure;
use crate::theme::Theme;

/// Line charts with more points than this are drawn from columns in the browser.
pub const LARGE: usize = 2_000;

/// Milliseconds in a day: date columns hold JavaScript time values.
const DAY_MS: f64 = 86_400_000.0;

/// Where a large chart's data went on screen: what hit-testing and the
/// on-demand texts need after the layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// The plot area.
    pub plot: Rect,
    /// x domain → px.
    pub x: LinearScale,
    /// value → px.
    pub y: LinearScale,
    /// The domain's ends.
    pub x0: f64,
    /// The domain's ends.
    pub x1: f64,
    /// Series not hidden by the reader.
    pub shown: Vec<usize>,
}

/// The dataset a large chart's words come from: `ds` with each series reduced
/// to its lowest and highest value, so axes, legends and hiding work unchanged;
/// `None` when x is not finite and ascending, as every large chart needs it
/// (checked in the same pass, each column read once).
pub fn summary_dataset(ds: &Dataset, cols: &Columns) -> Option<Dataset> {
    let mut d = ds.clone();
    d.categories = vec![String::new(), String::new()];
    d.dates = Vec::new();
    let (mut ok, mut last) = (true, f64::NEG_INFINITY);
    for k in 0..=cols.series() {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        cols.chunks(k, None, &mut |vs, _| {
            for &v in vs {
                if k == 0 {
                    ok &= v.is_finite() && v >= last;
                    last = v;
                } else if v.is_finite() {
                    // comparisons, not f64::min: in wasm that is a call per value
                    if v < lo {
                        lo = v;
                    }
                    if v > hi {
                        hi = v;
                    }
                }
            }
        });
        if let Some(s) = k.checked_sub(1).and_then(|si| d.series.get_mut(si)) {
            s.values = if lo <= hi { vec![Some(lo), Some(hi)] } else { vec![None, None] };
        }
    }
    ok.then_some(d)
}

/// The scene of a large line chart with its [`Points`]: what the browser draws, hit-tests,
/// reads point by point and describes. `ds` is [`summary_dataset`] with the reader's hidden
/// series already removed (their values `None`); the columns are shared, never copied.
pub fn scene(ds: &Dataset, cols: &Rc<Columns>, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Scene {
    let (mut scene, frame) = build(ds, cols, width, height, m, theme);
    scene.lazy = Lazy::new(Rc::new(Points { frame, ds: ds.clone(), cols: Rc::clone(cols) }));
    scene
}

/// A large chart's points as its scene's lazy data: made from the columns when asked for.
pub struct Points {
    frame: Frame,
    /// The summary dataset the texts come from (see [`summary_dataset`]).
    ds: Dataset,
    cols: Rc<Columns>,
}

impl LazyData for Points {
    fn len(&self) -> usize {
        self.cols.len() * self.cols.series()
    }

    fn hit(&self, x: f64, y: f64) -> Option<usize> {
        self.frame.hit(&self.cols, x, y)
    }

    fn datum(&self, i: usize) -> Option<Datum> {
        self.frame.datum(&self.ds, &self.cols, i)
    }

    fn describe(&self) -> String {
        describe(&self.ds, &self.cols, &self.frame.shown)
    }
}

/// Builds the scene of a large line chart and the frame its points are found in (see [`scene`]).
/// `ds` is [`summary_dataset`] with the reader's hidden series already removed (their values
/// `None`).
pub fn build(ds: &Dataset, cols: &Columns, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> (Scene, Frame) {
    let (width, height) = (width.max(layout::MIN_WIDTH), height.max(layout::MIN_HEIGHT));
    let count = ((height / 56.0) as usize).clamp(2, 8);
    let axis = ValueAxis::new(ds, count);
    let left = (axis.label_width(m) + 10.0).min(width * 0.4);
    let plot = Rect { x: left, y: LINE + 6.0, w: (width - left - 16.0).max(10.0), h: (height - LINE * 2.0 - 20.0).max(10.0) };
    let (x0, x1) = match (cols.x_at(0), cols.len().checked_sub(1).and_then(|i| cols.x_at(i))) {
        (Some(a), Some(b)) if b > a => (a, b),
        (Some(a), _) => (a - 1.0, a + 1.0),
        _ => (0.0, 1.0),
    };
    let x = LinearScale::new(x0, x1, plot.x, plot.x + plot.w);
    let y = LinearScale::new(axis.lo, axis.hi, plot.y + plot.h, plot.y);
    let mut marks = Vec::new();
    axis::vertical(&axis, plot, &y, theme, &mut marks);
    let mut shown = Vec::new();
    for si in 0..cols.series() {
        if ds.series.get(si).is_some_and(|s| s.values.iter().any(Option::is_some)) {
            shown.push(si);
        }
    }
    let columns = plot.w.round().max(1.0) as usize;
    for si in super::highlight_order(ds) {
        if !shown.contains(&si) {
            continue;
        }
        let color = super::series_color(ds, si, theme);
        let (lw, dash) = (if super::muted(ds, si) { 1.0 } else { 1.5 }, super::series_dash(ds, si, theme));
        let mut m4 = M4::new(x0, x1, columns);
        cols.chunks(0, Some(1 + si), &mut |xs, ys| m4.push(xs, ys));
        for mut pts in m4.finish() {
            for p in &mut pts {
                *p = (x.map(p.0), y.map(p.1));
            }
            if pts.len() < 2 {
                continue;
            }
            if dash != 0 {
                super::line(pts, color, lw, dash, &mut marks);
                continue;
            }
            steep_bars(&pts, color, lw, &mut marks);
        }
    }
    let zero = y.map(0.0);
    axis::zero_line(plot.x, zero, plot.x + plot.w, zero, theme, &mut marks);
    // x labels: dates on calendar boundaries, numbers on nice steps; none overlapping
    let n_ticks = ((plot.w / 90.0) as usize).max(2);
    // (plain loops: iterator chains over these vectors cost the module more code)
    let mut ticks: Vec<(f64, String)> = Vec::new();
    if ds.x == XScale::Date {
        for (d, t) in date::ticks(x0 / DAY_MS, x1 / DAY_MS, n_ticks, ds.zh()) {
            ticks.push((d * DAY_MS, t));
        }
    } else {
        let (_, _, t) = crate::scale::ticks::nice_ticks(x0, x1, n_ticks);
        let step = if t.len() > 1 { t[1] - t[0] } else { 1.0 };
        let f = TickFormat::new(ds.number_style, x0.abs().max(x1.abs()), step);
        for v in t {
            if v >= x0 && v <= x1 {
                ticks.push((v, f.format(v)));
            }
        }
    }
    let mut last_right = f64::NEG_INFINITY;
    for (v, t) in ticks {
        let w = m.width(&t, LABEL_SIZE);
        let px = crate::scale::clamp(x.map(v), w / 2.0, width - w / 2.0);
        if px - w / 2.0 < last_right + 8.0 {
            continue;
        }
        last_right = px + w / 2.0;
        marks.push(Mark::text(px, plot.y + plot.h + 6.0, &t, LABEL_SIZE, HAlign::Middle, VAlign::Top, theme.text, Role::Category));
    }
    let scene = Scene { width, height, plot, marks, data: Vec::new(), lazy: None };
    (scene, Frame { plot, x, y, x0, x1, shown })
}

/// A decimated run (CSS px, no dash) as marks that a browser draws fast: its steep segments less
/// than a pixel wide (a dense column's spikes, up and down) as filled bars, merged while they stay
/// within one pixel column, and the rest as lines. A canvas strokes one polyline of a few thousand
/// such overlapping spikes many times slower than it fills as many rectangles (docs/SIZE.md); the
/// pixels are the same but for a bar's square ends: each bar is its segments' box widened by half
/// the line's width `lw` on every side, what their stroke covers.
pub fn steep_bars(pts: &[(f64, f64)], color: crate::theme::Color, lw: f64, marks: &mut Vec<Mark>) {
    let h = lw / 2.0;
    let push = |bar: Option<[f64; 4]>, marks: &mut Vec<Mark>| {
        if let Some([x0, x1, y0, y1]) = bar {
            marks.push(Mark::rect(Rect { x: x0 - h, y: y0 - h, w: x1 - x0 + lw, h: y1 - y0 + lw }, color, Role::Line, None));
        }
    };
    // the bar being made (x0, x1, y0, y1, not yet widened), and where the line being made began
    let (mut bar, mut start): (Option<[f64; 4]>, Option<usize>) = (None, None);
    for i in 1..pts.len() {
        let ((a, b), (c, d)) = (pts[i - 1], pts[i]);
        let ((x0, x1), (y0, y1)) = (ordered(a, c), ordered(b, d));
        let next = [x0, x1, y0, y1];
        let (dx, dy) = (x1 - x0, y1 - y0);
        // a steep segment starts a bar, and any other one under a pixel wide that follows a bar
        // joins it (or starts the next one): a smooth line stays a line
        if dx < 1.0 && (bar.is_some() || (dy >= 2.0 * dx && dy > lw)) {
            if let Some(s) = start.take() {
                super::line(pts[s..i].to_vec(), color, lw, 0, marks);
            }
            bar = match bar.map(|o| [ordered(o[0], x0).0, ordered(o[1], x1).1, ordered(o[2], y0).0, ordered(o[3], y1).1]) {
                Some(j) if j[1] - j[0] <= 1.0 => Some(j),
                _ => {
                    push(bar, marks);
                    Some(next)
                }
            };
        } else {
            push(bar.take(), marks);
            start.get_or_insert(i - 1);
        }
    }
    push(bar, marks);
    if let Some(s) = start {
        super::line(pts[s..].to_vec(), color, lw, 0, marks);
    }
}

/// `a` and `b`, the smaller first (plain comparisons: no NaN here, and less code than f64::min).
fn ordered(a: f64, b: f64) -> (f64, f64) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Min-max decimation: the points of `(xs, ys)` (xs sorted) reduced to at most
/// four per pixel column of `columns` across `x0..=x1` (the first, lowest,
/// highest and last point of each column, in x order), split into runs at
/// gaps (NaN values).
pub fn decimate(xs: &[f64], ys: &[f64], x0: f64, x1: f64, columns: usize) -> Vec<Vec<(f64, f64)>> {
    let mut m4 = M4::new(x0, x1, columns);
    m4.push(xs, ys);
    m4.finish()
}

/// [`decimate`] a chunk at a time: the same points whichever way the data are cut.
pub struct M4 {
    runs: Vec<Vec<(f64, f64)>>,
    run: Vec<(f64, f64)>,
    x0: f64,
    per: f64,
    /// The pixel column being filled (`usize::MAX`: none)...
    col: usize,
    /// ... and its first, lowest, highest and last point: (index, x, y).
    pts: [(usize, f64, f64); 4],
    /// Points pushed so far: the next one's index.
    i: usize,
}

impl M4 {
    /// A decimation to `columns` pixel columns across `x0..=x1`.
    pub fn new(x0: f64, x1: f64, columns: usize) -> M4 {
        let per = columns as f64 / (x1 - x0).max(f64::MIN_POSITIVE);
        M4 { runs: Vec::new(), run: Vec::new(), x0, per, col: usize::MAX, pts: [(0, 0.0, 0.0); 4], i: 0 }
    }

    /// The next points, index-aligned `xs` and `ys`. The column's state lives in plain locals
    /// through the loop (registers, not memory): this loop is most of an update at 10^6 points.
    pub fn push(&mut self, xs: &[f64], ys: &[f64]) {
        let (x0, per) = (self.x0, self.per);
        let (mut i, mut col) = (self.i, self.col);
        let [first, lo, hi, last] = self.pts;
        let (mut lo_i, mut lo_x, mut lo_y, mut hi_i, mut hi_x, mut hi_y) = (lo.0, lo.1, lo.2, hi.0, hi.1, hi.2);
        let (mut first, mut last_x, mut last_y) = (first, last.1, last.2);
        for (&xv, &yv) in xs.iter().zip(ys) {
            if yv.is_finite() && xv.is_finite() {
                let c = ((xv - x0) * per) as usize;
                if c == col {
                    if yv < lo_y {
                        (lo_i, lo_x, lo_y) = (i, xv, yv);
                    }
                    if yv > hi_y {
                        (hi_i, hi_x, hi_y) = (i, xv, yv);
                    }
                } else {
                    if col != usize::MAX {
                        emit(&mut self.run, [first, (lo_i, lo_x, lo_y), (hi_i, hi_x, hi_y), (i - 1, last_x, last_y)]);
                    }
                    col = c;
                    first = (i, xv, yv);
                    (lo_i, lo_x, lo_y, hi_i, hi_x, hi_y) = (i, xv, yv, i, xv, yv);
                }
                (last_x, last_y) = (xv, yv);
            } else {
                // a gap ends the column and the run
                if col != usize::MAX {
                    emit(&mut self.run, [first, (lo_i, lo_x, lo_y), (hi_i, hi_x, hi_y), (i - 1, last_x, last_y)]);
                    col = usize::MAX;
                }
                if !self.run.is_empty() {
                    self.runs.push(std::mem::take(&mut self.run));
                }
            }
            i += 1;
        }
        let last = (i.saturating_sub(1), last_x, last_y);
        (self.i, self.col, self.pts) = (i, col, [first, (lo_i, lo_x, lo_y), (hi_i, hi_x, hi_y), last]);
    }

    /// The runs of points to draw.
    pub fn finish(mut self) -> Vec<Vec<(f64, f64)>> {
        if self.col != usize::MAX {
            emit(&mut self.run, self.pts);
        }
        if !self.run.is_empty() {
            self.runs.push(self.run);
        }
        self.runs
    }
}

/// A pixel column's first, lowest, highest and last points, in x order, each once.
fn emit(run: &mut Vec<(f64, f64)>, [first, mut lo, mut hi, last]: [(usize, f64, f64); 4]) {
    if lo.0 > hi.0 {
        std::mem::swap(&mut lo, &mut hi);
    }
    for (_, x, y) in [first, lo, hi, last] {
        if run.last().map_or(true, |p| p.0 != x || p.1 != y) {
            run.push((x, y));
        }
    }
}

impl Frame {
    /// The point under (px, py): the x nearest in the sorted column, then the
    /// shown series whose value there is nearest to `py`. Points are numbered in
    /// reading order, `index × series + series`, as the small charts' data are.
    pub fn hit(&self, cols: &Columns, px: f64, py: f64) -> Option<usize> {
        let p = &self.plot;
        if px < p.x - hit::SLOP || px > p.x + p.w + hit::SLOP || py < p.y - hit::SLOP || py > p.y + p.h + hit::SLOP {
            return None;
        }
        let xv = self.x0 + (px - p.x) / p.w.max(1e-9) * (self.x1 - self.x0);
        let i = hit::nearest_by(cols.len(), &|i| cols.x_at(i).unwrap_or(f64::NAN), xv)?;
        let n = cols.series();
        // the first of the nearest (a loop: less code than filter_map and min_by)
        let mut best: Option<(usize, f64)> = None;
        for &si in &self.shown {
            let Some(v) = cols.value(si, i).filter(|v| v.is_finite()) else { continue };
            let d = (self.y.map(v) - py).abs();
            if best.map_or(true, |b| d < b.1) {
                best = Some((si, d));
            }
        }
        Some(i * n + best?.0)
    }

    /// Point `id` (numbered as [`Frame::hit`] numbers them) as a datum: its
    /// texts are made now, for this one point. `None` for a gap or out of range.
    pub fn datum(&self, ds: &Dataset, cols: &Columns, id: usize) -> Option<Datum> {
        let n = cols.series().max(1);
        let (i, si) = (id / n, id % n);
        let v = cols.value(si, i)?;
        let xv = cols.x_at(i)?;
        if !v.is_finite() {
            return None;
        }
        let category = x_text(ds, cols, i);
        let name = ds.series.get(si).map_or("", |s| s.name.as_str());
        let value_text = text::value_text(ds, si, v);
        let label = text::datum_label(ds, &category, name, &value_text, "");
        let (px, py) = (self.x.map(xv), self.y.map(v));
        // the strip halfway to the neighbours picks this point
        let l = match i.checked_sub(1).and_then(|j| cols.x_at(j)) {
            Some(a) => self.x.map((xv + a) / 2.0),
            None => self.plot.x,
        };
        let r = cols.x_at(i + 1).map_or(self.plot.x + self.plot.w, |b| self.x.map((xv + b) / 2.0));
        Some(Datum {
            series: si,
            index: i,
            bounds: Rect { x: l, y: self.plot.y, w: (r - l).max(0.0), h: self.plot.h },
            bar: Rect { x: px - 3.0, y: py - 3.0, w: 6.0, h: 6.0 },
            wedge: None,
            category,
            series_name: name.to_string(),
            value: v,
            value_text,
            detail: String::new(),
            label,
        })
    }
}

/// The text of x at index `i`: the category label when the columns came from a
/// feed, else the date (day precision) or the number.
pub fn x_text(ds: &Dataset, cols: &Columns, i: usize) -> String {
    if let Some(c) = cols.labels.get(i) {
        return c.clone();
    }
    let xv = cols.x_at(i).unwrap_or(f64::NAN);
    if ds.x == XScale::Date {
        date::label(date::from_days((xv / DAY_MS).floor() as i64), date::Precision::Day, ds.zh())
    } else {
        crate::format::exact(xv, ds.number_style)
    }
}

/// A short description for screen readers: how many points, from when to when,
/// and each shown series' lowest and highest value.
pub fn describe(ds: &Dataset, cols: &Columns, shown: &[usize]) -> String {
    let zh = ds.zh();
    let n = cols.len();
    let mut s = ds.title.clone();
    s.push_str(if zh { "。" } else { ". " });
    if n == 0 {
        return s;
    }
    let (a, b) = (x_text(ds, cols, 0), x_text(ds, cols, n - 1));
    let count = crate::format::decimal::fixed(n as f64, 0, false, true);
    if zh {
        s.push_str(&crate::format::cat(&[&count, "个数据点，从", &a, "到", &b]));
    } else {
        s.push_str(&crate::format::cat(&[&count, " points from ", &a, " to ", &b]));
    }
    for &si in shown {
        let Some(series) = ds.series.get(si) else { continue };
        let (Some(Some(lo)), Some(Some(hi))) = (series.values.first(), series.values.get(1)) else { continue };
        let (lo, hi) = (text::value_text(ds, si, *lo), text::value_text(ds, si, *hi));
        if zh {
            s.push_str(&crate::format::cat(&["；", &series.name, "：最低", &lo, "，最高", &hi]));
        } else {
            s.push_str(&crate::format::cat(&["; ", &series.name, ": lowest ", &lo, ", highest ", &hi]));
        }
    }
    s.push_str(if zh { "。" } else { "." });
    s
}
