//! Layout: a pure function of the model, the box size and a text measurer.
//! It decides margins, the plot rectangle, the value axis and how category
//! labels are written; `marks` then places every mark inside it.

pub mod measure;

pub use measure::{EstimateMeasure, TextMeasure};

use crate::format::TickFormat;
use crate::model::{Dataset, Kind};
use crate::scale::ticks::nice_ticks;
use crate::scene::Rect;

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
    let h = match ds.kind {
        Kind::Progress => 58.0 + 40.0 * n,
        Kind::Bar => 36.0 + n * (ds.series.len() as f64 * 18.0 + 14.0).max(30.0),
        Kind::Column => (width * 0.6).clamp(220.0, 380.0),
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
    /// A nice axis covering zero and every value, with about `count` ticks.
    pub fn new(ds: &Dataset, extra: Option<f64>, count: usize) -> ValueAxis {
        let mut lo: f64 = 0.0;
        let mut hi: f64 = 0.0;
        for s in &ds.series {
            for v in s.values.iter().flatten() {
                lo = lo.min(*v);
                hi = hi.max(*v);
            }
        }
        if let Some(e) = extra {
            hi = hi.max(e);
            lo = lo.min(e);
        }
        let (lo, hi, ticks) = nice_ticks(lo, hi, count.max(2));
        let step = if ticks.len() > 1 { ticks[1] - ticks[0] } else { 1.0 };
        let fmt = TickFormat::new(ds.number_style, lo.abs().max(hi.abs()), step);
        let labels = ticks.iter().map(|t| fmt.format(*t)).collect();
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
    let axis = ValueAxis::new(ds, None, count);
    let left = axis.label_width(m) + 10.0;
    let right = 8.0;
    let top = LINE + 6.0;
    let n = ds.categories.len().max(1);
    let step = (width - left - right) / n as f64;
    let widest = ds.categories.iter().map(|c| m.width(c, LABEL_SIZE)).fold(0.0, f64::max);
    let longest = ds.categories.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    let stackable = ds.categories.iter().all(|c| c.chars().all(measure::is_wide)) && longest <= 8;
    let labels = if widest + 4.0 <= step {
        LabelMode::Horizontal { step: 1 }
    } else if stackable && LABEL_SIZE + 2.0 <= step {
        LabelMode::Stacked { chars: longest }
    } else {
        LabelMode::Horizontal { step: ((widest + 8.0) / step.max(1.0)).ceil().max(1.0) as usize }
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
    let axis = ValueAxis::new(ds, target, count);
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
