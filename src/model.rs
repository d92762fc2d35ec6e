//! The typed chart description that the rest of the pipeline works from.
//! Every field has its default filled in by `normalize`; nothing here is optional
//! by accident.

use crate::format::NumberStyle;
use crate::theme::Color;

/// The feed format versions this widget reads.
pub const SUPPORTED_VERSION: u64 = 1;

/// A whole feed: one or more datasets.
#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    /// Format version (`1`).
    pub version: u64,
    /// The datasets, in feed order.
    pub datasets: Vec<Dataset>,
}

/// The kinds of chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A value against a target: a bullet bar with a target marker.
    Progress,
    /// Vertical bars.
    Column,
    /// Horizontal bars.
    Bar,
    /// Lines through the values.
    Line,
    /// Filled areas under lines.
    Area,
    /// A ring of shares.
    Donut,
    /// A disc of shares.
    Pie,
    /// No drawing: the data as a table.
    Table,
}

impl Kind {
    /// Parses the feed's name for a kind.
    pub fn from_name(s: &str) -> Option<Kind> {
        match s {
            "progress" => Some(Kind::Progress),
            "column" => Some(Kind::Column),
            "bar" => Some(Kind::Bar),
            "line" => Some(Kind::Line),
            "area" => Some(Kind::Area),
            "donut" => Some(Kind::Donut),
            "pie" => Some(Kind::Pie),
            "table" => Some(Kind::Table),
            _ => None,
        }
    }

    /// The feed's name for the kind.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Progress => "progress",
            Kind::Column => "column",
            Kind::Bar => "bar",
            Kind::Line => "line",
            Kind::Area => "area",
            Kind::Donut => "donut",
            Kind::Pie => "pie",
            Kind::Table => "table",
        }
    }
}

/// How categories of a line or area chart are placed along x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum XScale {
    /// Evenly spaced, in feed order.
    Category,
    /// In time: categories are ISO dates, converted to days in `Dataset::dates`.
    Date,
}

/// An annotation drawn on the chart.
#[derive(Clone, Debug, PartialEq)]
pub enum Annotation {
    /// A line across the plot at a value, with its text.
    Target {
        /// Where the line is.
        value: f64,
        /// What it says.
        text: String,
    },
    /// A category that stands out; the others are drawn lighter.
    Highlight {
        /// Index into the categories.
        category: usize,
    },
    /// Text at one data point.
    Label {
        /// Index into the categories.
        category: usize,
        /// Index into the series.
        series: usize,
        /// What it says.
        text: String,
    },
}

/// The language of a dataset's generated text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Locale {
    /// Simplified Chinese (the default).
    Zh,
    /// English.
    En,
}

/// A source line: text and an optional http(s) link.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// What the reader sees.
    pub text: String,
    /// An http(s) address, already checked.
    pub url: Option<String>,
}

/// A target a value is measured against.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The target value.
    pub value: f64,
    /// Its name, e.g. 年度任务.
    pub label: String,
}

/// One named series of values, one per category; `None` is a gap, never a zero.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The series' name.
    pub name: String,
    /// Values, index-aligned with the dataset's categories.
    pub values: Vec<Option<f64>>,
    /// An explicit colour, else the palette's.
    pub color: Option<Color>,
    /// Decimals on labels and axes, overriding the dataset's.
    pub decimals: Option<u32>,
    /// Values are fractions shown as percentages, overriding the dataset's.
    pub percent: Option<bool>,
}

/// One chart's worth of data and words.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// Identifier, unique in the feed.
    pub id: String,
    /// What to draw.
    pub kind: Kind,
    /// Language of generated text.
    pub locale: Locale,
    /// Headline of the chart.
    pub title: String,
    /// Line under the title.
    pub subtitle: String,
    /// Who made the chart.
    pub byline: String,
    /// Unit written after values (人, 户, 元 …).
    pub unit: String,
    /// How numbers are written.
    pub number_style: NumberStyle,
    /// Decimals on labels and axes; `None` keeps every significant digit.
    pub decimals: Option<u32>,
    /// Values are fractions shown as percentages.
    pub percent: bool,
    /// How a line or area chart places its categories.
    pub x: XScale,
    /// For dates (`x: date`): each category as days since 1970-01-01.
    pub dates: Vec<f64>,
    /// Stack series instead of grouping them.
    pub stacked: bool,
    /// Date of the data, as the feed writes it.
    pub date: String,
    /// Category labels.
    pub categories: Vec<String>,
    /// The series.
    pub series: Vec<Series>,
    /// The target, for progress charts.
    pub target: Option<Target>,
    /// Target lines, highlights and labels.
    pub annotations: Vec<Annotation>,
    /// Notes shown under the chart.
    pub notes: Vec<String>,
    /// Where the numbers come from.
    pub source: Option<Source>,
    /// True when the numbers are illustrative, not reported; shown on the chart.
    pub illustrative: bool,
    /// The series drawn in their colours, in front (indices into `series`); every other series
    /// is drawn in grey, thinner, behind them. Empty: every series in its colour.
    pub highlight: Vec<usize>,
}

impl Dataset {
    /// True for Chinese text.
    pub fn zh(&self) -> bool {
        self.locale == Locale::Zh
    }

    /// Whether series `i`'s values are fractions shown as percentages.
    pub fn percent_of(&self, i: usize) -> bool {
        self.series.get(i).and_then(|s| s.percent).unwrap_or(self.percent)
    }

    /// Decimals for series `i` on labels and axes.
    pub fn decimals_of(&self, i: usize) -> Option<u32> {
        self.series.get(i).and_then(|s| s.decimals).or(self.decimals)
    }
}

/// Large line data as flat columns: from the typed-array entry point
/// (`Chart::from_columns`), or made from a long line feed. Drawn by
/// `marks::large`, never turned into one struct per point. Read them through
/// [`Columns::len`], [`Columns::x_at`], [`Columns::value`] and [`Columns::chunks`]:
/// they may be [`Borrowed`], the caller's own arrays, never copied in whole.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns {
    /// x of every point, ascending: numbers, or for `x: date` JavaScript time
    /// values (milliseconds since 1970-01-01 UTC). Empty when borrowed.
    pub x: Vec<f64>,
    /// One vector per series, index-aligned with `x`; NaN is a gap. Empty when borrowed.
    pub values: Vec<Vec<f64>>,
    /// Each point's category label when the columns come from a feed; else empty.
    pub labels: Vec<String>,
    /// The caller's arrays, read a chunk at a time (`from_columns` in the browser): a
    /// second copy of 10^6 points would double the chart's memory.
    pub borrowed: Option<Borrowed>,
}

/// Reads columns kept elsewhere: column 0 is x, column `1 + s` series `s`.
pub trait ColumnSource {
    /// Fills `out` with values `start..start + out.len()` of `column`, exactly as stored (the
    /// reader asks only within the columns' length).
    fn read(&self, column: usize, start: usize, out: &mut [f64]);
}

/// Columns read from a [`ColumnSource`]: `len` points of `series` series.
#[derive(Clone)]
pub struct Borrowed {
    /// Points per column.
    pub len: usize,
    /// Series (columns after x).
    pub series: usize,
    /// Where they are read from.
    pub source: std::rc::Rc<dyn ColumnSource>,
}

impl std::fmt::Debug for Borrowed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Borrowed")
    }
}

impl PartialEq for Borrowed {
    fn eq(&self, other: &Borrowed) -> bool {
        std::rc::Rc::ptr_eq(&self.source, &other.source) && self.len == other.len
    }
}

/// Values read per call from borrowed columns: few calls, and small enough to stay in cache.
pub const CHUNK: usize = 32768;

impl Columns {
    /// Points per column.
    pub fn len(&self) -> usize {
        self.borrowed.as_ref().map_or(self.x.len(), |b| b.len)
    }

    /// Whether there are no points.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many series.
    pub fn series(&self) -> usize {
        self.borrowed.as_ref().map_or(self.values.len(), |b| b.series)
    }

    /// Value `i` of column `k` (0: x, `1 + s`: series `s`), `None` past the end.
    fn at(&self, k: usize, i: usize) -> Option<f64> {
        match &self.borrowed {
            Some(b) if k <= b.series && i < b.len => {
                let mut v = [0.0];
                b.source.read(k, i, &mut v);
                Some(v[0])
            }
            Some(_) => None,
            None => (if k == 0 { self.x.get(i) } else { self.values.get(k - 1).and_then(|v| v.get(i)) }).copied(),
        }
    }

    /// x of point `i`.
    pub fn x_at(&self, i: usize) -> Option<f64> {
        self.at(0, i)
    }

    /// Series `s`'s value at point `i` (NaN for a gap).
    pub fn value(&self, s: usize, i: usize) -> Option<f64> {
        self.at(1 + s, i)
    }

    /// Column `a` (and `b`, when given, index-aligned with it) chunk by chunk: `f(a_chunk,
    /// b_chunk)`, `b_chunk` empty without `b`. Owned columns come in one chunk; borrowed ones
    /// [`CHUNK`] values at a time, read as `f` needs them.
    pub fn chunks(&self, a: usize, b: Option<usize>, f: &mut dyn FnMut(&[f64], &[f64])) {
        let own = |k: usize| if k == 0 { &self.x[..] } else { self.values.get(k - 1).map_or(&[][..], |v| &v[..]) };
        match &self.borrowed {
            None => f(own(a), b.map_or(&[][..], own)),
            Some(bw) => {
                let (mut xs, mut ys) = (vec![0.0; CHUNK.min(bw.len)], vec![0.0; if b.is_some() { CHUNK.min(bw.len) } else { 0 }]);
                let mut start = 0;
                while start < bw.len {
                    let m = CHUNK.min(bw.len - start);
                    bw.source.read(a, start, &mut xs[..m]);
                    if let Some(b) = b {
                        bw.source.read(b, start, &mut ys[..m]);
                    }
                    f(&xs[..m], &ys[..m.min(ys.len())]);
                    start += m;
                }
            }
        }
    }

    /// The columns of a line dataset: x is the date (in ms) or the category's
    /// position, gaps NaN, categories kept as labels. `None` when its dates are
    /// not in order (such a feed is drawn point by point, sorted).
    pub fn from_dataset(ds: &Dataset) -> Option<Columns> {
        let n = ds.categories.len();
        let dated = ds.x == XScale::Date && ds.dates.len() == n;
        // (plain loops: iterator chains here cost the large module more code)
        let mut x = Vec::with_capacity(n);
        for i in 0..n {
            x.push(if dated { ds.dates[i] * 86_400_000.0 } else { i as f64 });
        }
        if x.iter().any(|v| !v.is_finite()) || x.windows(2).any(|w| w[0] > w[1]) {
            return None;
        }
        let mut values = Vec::with_capacity(ds.series.len());
        for s in &ds.series {
            let mut v = Vec::with_capacity(n);
            for i in 0..n {
                v.push(s.values.get(i).copied().flatten().unwrap_or(f64::NAN));
            }
            values.push(v);
        }
        Some(Columns { x, values, labels: ds.categories.clone(), borrowed: None })
    }
}
