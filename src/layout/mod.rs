//! Layout: a pure function of the model, the box size and a text measurer.
//! It decides margins, the plot rectangle, the value axis and how category
//! labels are written; `marks` then places every mark inside it.



use crate::format::TickFormat;
use crate::geom::Rect;
use crate::model::{Dataset, Kind};
use crate::scale::ticks::nice_ticks;
use crate::text::{ellipsize, is_wide, TextMeasure};

/// Font size of tick and category labels, CSS px.
pub const LABEL_SIZE: f64 = 12.0;
/// Font size of value labels, CSS px.
pub const VALUE_SIZE: f64 = 12.0;
/// Line height used for stacked and wrapped labels.
pub const LINE: f64 = 15.0;
/// Smallest box a chart is laid out in.
pub const MIN_WIDTH: f64 = 120.0;
/// Smallest height a chart is laid out in.
pub const MIN_HEIGHT: f64 = 60.0;

/// The height a chart wants at a width when the page does not set one.
pub fn default_height(ds: &Dataset, width: f64) -> f64 {
    let n = ds.categories.len() as f64;
    let per_row = if ds.stacked { 30.0 } else { (ds.series.len() as f64 * 18.0 + 14.0).max(30.0) };
    let h = match ds.kind {
        Kind::Progress => 58.0 + 40.0 * n,
        Kind::Bar => 36.0 + n * per_row,
        Kind::Column | Kind::Line | Kind::Area => (width * 0.6).clamp(220.0, 380.0),
        Kind::Donut | Kind::Pie => (width * 0.6).clamp(200.0, 320.0),
        Kind::Table => 0.0,
    };
    h.min(2400.0)
}

/// How category labels under columns are written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LabelMode {
    /// On one line, every `step`-th label shown.
    Horizontal {
        /// Show every n-th label (1 = all).
        step: usize,
    },
    /// One character a line, top to bottom: natural for CJK names in narrow columns.
    Stacked {
        /// Most characters in a label.
        chars: usize,
    },
}

/// The smallest and largest value the value axis must show: every value, or
/// every stack's sum when stacked, and zero.
pub fn extent(ds: &Dataset) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    if ds.stacked {
        for ci in 0..ds.categories.len() {
            let (mut pos, mut neg) = (0.0, 0.0);
            for s in &ds.series {
                match s.values.get(ci).copied().flatten() {
                    Some(v) if v >= 0.0 => pos += v,
                    Some(v) => neg += v,
                    None => {}
                }
            }
            hi = hi.max(pos);
            lo = lo.min(neg);
        }
    } else {
        for s in &ds.series {
            for v in s.values.iter().flatten() {
                lo = lo.min(*v);
                hi = hi.max(*v);
            }
        }
    }
    (lo, hi)
}

/// Values the axis must reach besides the data: the target and target lines.
pub fn marked_values(ds: &Dataset) -> Vec<f64> {
    let mut out: Vec<f64> = ds.target.iter().map(|t| t.value).collect();
    for a in &ds.annotations {
        if let crate::model::Annotation::Target { value, .. } = a {
            out.push(*value);
        }
    }
    out
}

/// The value axis: domain, ticks and their text.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueAxis {
    /// Domain start (≤ 0).
    pub lo: f64,
    /// Domain end.
    pub hi: f64,
    /// Tick values.
    pub ticks: Vec<f64>,
    /// Tick texts, same order.
    pub labels: Vec<String>,
}

impl ValueAxis {
    /// A nice axis covering zero, every value (or stack) and every marked value,
    /// with about `count` ticks.
    pub fn new(ds: &Dataset, count: usize) -> ValueAxis {
        let (mut lo, mut hi) = extent(ds);
        for e in marked_values(ds) {
            hi = hi.max(e);
            lo = lo.min(e);
        }
        let (lo, hi, ticks) = nice_ticks(lo, hi, count.max(2));
        let step = if ticks.len() > 1 { ticks[1] - ticks[0] } else { 1.0 };
        let labels = if ds.percent {
            let d = crate::format::decimal::shortest_decimals(step * 100.0, 4);
            ticks.iter().map(|t| {
                let mut s = crate::format::decimal::fixed(t * 100.0, d, true, false);
                s.push('%');
                s
            }).collect()
        } else {
            let fmt = TickFormat::new(ds.number_style, lo.abs().max(hi.abs()), step);
            ticks.iter().map(|t| fmt.format(*t)).collect()
        };
        ValueAxis { lo, hi, ticks, labels }
    }

    /// Widest tick label.
    pub fn label_width(&self, m: &dyn TextMeasure) -> f64 {
        self.labels.iter().map(|l| m.width(l, LABEL_SIZE)).fold(0.0, f64::max)
    }
}

/// Where things go in a column chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnLayout {
    /// The plot area.
    pub plot: Rect,
    /// The value axis (vertical).
    pub axis: ValueAxis,
    /// How category labels are written.
    pub labels: LabelMode,
}

/// Lays out a column chart in `width` × `height`.
pub fn column(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure) -> ColumnLayout {
    let (width, height) = (width.max(MIN_WIDTH), height.max(MIN_HEIGHT));
    let count = ((height / 56.0) as usize).clamp(2, 8);
    let axis = ValueAxis::new(ds, count);
    // very long tick labels (1.7976931348623157e308亿) may not push the plot out of the box
    let left = (axis.label_width(m) + 10.0).min(width * 0.4);
    let right = 8.0;
    let top = LINE + 6.0;
    let n = ds.categories.len().max(1);
    let step = (width - left - right) / n as f64;
    let widest = ds.categories.iter().map(|c| m.width(c, LABEL_SIZE)).fold(0.0, f64::max);
    let longest = ds.categories.iter().map(|c| crate::format::char_count(c)).max().unwrap_or(0);
    // stacked only when the characters fit under a plot of at least 10 px
    let stackable = ds.categories.iter().all(|c| c.chars().all(is_wide)) && longest <= 8;
    let labels = if widest + 4.0 <= step {
        LabelMode::Horizontal { step: 1 }
    } else if stackable && LABEL_SIZE + 2.0 <= step && top + LINE * longest as f64 + 8.0 + 10.0 <= height {
        LabelMode::Stacked { chars: longest }
    } else {
        // every k-th label, k so that a label has the room of the k columns it stands for
        // (under a column narrower than a pixel, too: a long dated axis shows dates, not "…")
        let k = if step > 0.0 { ((widest + 8.0) / step).ceil() } else { n as f64 };
        LabelMode::Horizontal { step: crate::scale::clamp(k, 1.0, n as f64) as usize }
    };
    let bottom = 8.0 + match labels {
        LabelMode::Horizontal { .. } => LINE,
        LabelMode::Stacked { chars } => LINE * chars as f64,
    };
    let plot = Rect { x: left, y: top, w: (width - left - right).max(1.0), h: (height - top - bottom).max(10.0) };
    ColumnLayout { plot, axis, labels }
}

/// Where things go in a horizontal bar or progress chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BarLayout {
    /// The plot area.
    pub plot: Rect,
    /// The value axis (horizontal).
    pub axis: ValueAxis,
    /// Width given to category labels, left of the plot.
    pub label_width: f64,
}

/// Lays out a horizontal bar chart, or a progress chart when `target` is set.
pub fn bar(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure, value_labels: &[String]) -> BarLayout {
    let (width, height) = (width.max(MIN_WIDTH), height.max(MIN_HEIGHT));
    let target = ds.target.as_ref().map(|t| t.value);
    let count = ((width / 90.0) as usize).clamp(2, 6);
    let axis = ValueAxis::new(ds, count);
    let widest = ds.categories.iter().map(|c| m.width(c, LABEL_SIZE)).fold(0.0, f64::max);
    let label_width = (widest + 10.0).min(width * 0.4);
    let value_room = value_labels.iter().map(|l| m.width(l, VALUE_SIZE)).fold(0.0, f64::max) + 8.0;
    let last_tick = axis.labels.last().map(|l| m.width(l, LABEL_SIZE) / 2.0).unwrap_or(0.0);
    let right = value_room.min(width * 0.4).max(last_tick + 4.0);
    let top = if target.is_some() { LINE + 8.0 } else { 4.0 };
    let bottom = LINE + 8.0;
    let plot = Rect {
        x: label_width,
        y: top,
        w: (width - label_width - right).max(10.0),
        h: (height - top - bottom).max(10.0),
    };
    BarLayout { plot, axis, label_width }
}

/// Where things go in a line or area chart.
#[derive(Clone, Debug, PartialEq)]
pub struct LineLayout {
    /// The plot area.
    pub plot: Rect,
    /// The value axis (vertical).
    pub axis: ValueAxis,
    /// x of each category, in px.
    pub xs: Vec<f64>,
    /// Labels under the plot: position and text; never overlapping.
    pub x_labels: Vec<(f64, String)>,
    /// The name written right of the plot beside each series' last value (shortened to fit
    /// the gutter), or `None` for a series that gets none; all `None` when the names cannot
    /// fit beside the plot and the legend names the lines instead.
    pub end_labels: Vec<Option<String>>,
}

/// Space between the plot's right edge and an end label, CSS px (room for its leader).
pub const END_LABEL_GAP: f64 = 16.0;
/// Vertical distance between two end labels' centres at least, CSS px.
pub const END_LABEL_PITCH: f64 = LABEL_SIZE + 2.0;

/// The names written at the ends of a line chart's lines: every series with a value when
/// there are several (or only the highlighted ones), shortened to at most 30 % of the width;
/// none when they would not fit one under another in the plot's height, or would leave the
/// plot less than half the width.
fn end_labels(ds: &Dataset, width: f64, plot_h: f64, m: &dyn TextMeasure) -> (Vec<Option<String>>, f64) {
    let none = (vec![None; ds.series.len()], 0.0);
    let named = |i: usize| {
        let s = &ds.series[i];
        s.values.iter().any(Option::is_some) && (ds.highlight.is_empty() || ds.highlight.contains(&i))
    };
    let count = (0..ds.series.len()).filter(|&i| named(i)).count();
    if ds.series.len() < 2 || count == 0 || count as f64 * END_LABEL_PITCH > plot_h {
        return none;
    }
    let max = width * 0.3;
    let names: Vec<Option<String>> = (0..ds.series.len())
        .map(|i| named(i).then(|| ellipsize(&ds.series[i].name, max, LABEL_SIZE, m)))
        .collect();
    let widest = names.iter().flatten().map(|t| m.width(t, LABEL_SIZE)).fold(0.0, f64::max);
    let gutter = END_LABEL_GAP + widest + 4.0;
    if gutter > width * 0.35 || names.iter().flatten().any(|t| t.is_empty() || t == "…") {
        return none;
    }
    (names, gutter)
}

/// Lays out a line or area chart: categories evenly spaced, or dates in time.
pub fn line(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure) -> LineLayout {
    use crate::format::date;
    let (width, height) = (width.max(MIN_WIDTH), height.max(MIN_HEIGHT));
    let count = ((height / 56.0) as usize).clamp(2, 8);
    let axis = ValueAxis::new(ds, count);
    let left = (axis.label_width(m) + 10.0).min(width * 0.4); // as for columns
    let n = ds.categories.len();
    // room for the last x label to centre on the last point
    let last = ds.categories.last().map(|c| m.width(c, LABEL_SIZE)).unwrap_or(0.0);
    let plot_h = (height - LINE * 2.0 - 20.0).max(10.0);
    let (end_labels, gutter) = end_labels(ds, width, plot_h, m);
    let right = crate::scale::clamp(last / 2.0, 8.0, width * 0.2).max(gutter);
    let plot = Rect { x: left, y: LINE + 6.0, w: (width - left - right).max(10.0), h: plot_h };
    let dated = ds.x == crate::model::XScale::Date && ds.dates.len() == n && ds.dates.iter().all(|d| d.is_finite());
    let (xs, candidates): (Vec<f64>, Vec<(f64, String)>) = if dated {
        let lo = ds.dates.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = ds.dates.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let sx = crate::scale::LinearScale::new(lo, if hi > lo { hi } else { lo + 1.0 }, plot.x, plot.x + plot.w);
        let xs = ds.dates.iter().map(|d| if hi > lo { sx.map(*d) } else { plot.x + plot.w / 2.0 }).collect();
        let ticks = date::ticks(lo, hi.max(lo + 1.0), ((plot.w / 80.0) as usize).max(2), ds.zh());
        (xs, ticks.into_iter().map(|(d, t)| (sx.map(d), t)).collect())
    } else {
        let step = if n > 1 { plot.w / (n - 1) as f64 } else { 0.0 };
        let xs: Vec<f64> = (0..n).map(|i| if n > 1 { plot.x + step * i as f64 } else { plot.x + plot.w / 2.0 }).collect();
        let c = xs.iter().zip(&ds.categories).map(|(x, c)| (*x, c.clone())).collect();
        (xs, c)
    };
    // keep every k-th label so that none overlaps its neighbour or leaves the box; no label is
    // wider than the plot. Labels are measured (and shortened) only where a step looks at them:
    // a long series has thousands of categories and shows a few dozen.
    let max = plot.w.min(width - 4.0);
    let mut made: Vec<Option<(String, f64)>> = vec![None; candidates.len()];
    let mut measure = |i: usize| -> f64 {
        if made[i].is_none() {
            let t = ellipsize(&candidates[i].1, max, LABEL_SIZE, m);
            let w = m.width(&t, LABEL_SIZE);
            made[i] = Some((t, w));
        }
        made[i].as_ref().map_or(0.0, |l| l.1)
    };
    let len = candidates.len();
    // neighbours 8 px apart at least: no step below `k0` can fit; the narrowest label of every
    // k0-th then gives where to start looking (each step tried is still checked label by label)
    let gap = candidates.windows(2).map(|w| w[1].0 - w[0].0).fold(f64::INFINITY, f64::min);
    let k0 = if gap.is_finite() && gap > 0.0 { crate::scale::clamp((8.0 / gap).ceil(), 1.0, len as f64) as usize } else { 1 };
    let mut k = if k0 > 1 {
        let narrowest = (0..len).step_by(k0).map(&mut measure).fold(f64::INFINITY, f64::min);
        crate::scale::clamp(((narrowest + 8.0) / gap).ceil(), k0 as f64, len as f64) as usize
    } else {
        1
    };
    while k < len {
        let fits = (0..len).step_by(k).collect::<Vec<_>>().windows(2).all(|w| {
            let (a, b) = (w[0], w[1]);
            candidates[b].0 - candidates[a].0 >= (measure(a) + measure(b)) / 2.0 + 8.0
        });
        if fits {
            break;
        }
        k += 1;
    }
    let shown: Vec<usize> = (0..len).step_by(k.max(1)).collect();
    shown.iter().for_each(|&i| {
        measure(i);
    });
    let x_labels = shown
        .into_iter()
        .map(|i| {
            let (t, w) = made[i].take().unwrap_or_default();
            let x = candidates[i].0;
            (crate::scale::clamp(x, w / 2.0, (width - w / 2.0).max(w / 2.0)).min(width), t)
        })
        .collect();
    LineLayout { plot, axis, xs, x_labels, end_labels }
}
