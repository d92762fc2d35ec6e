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
}

impl Kind {
    /// Parses the feed's name for a kind.
    pub fn from_name(s: &str) -> Option<Kind> {
        match s {
            "progress" => Some(Kind::Progress),
            "column" => Some(Kind::Column),
            "bar" => Some(Kind::Bar),
            _ => None,
        }
    }
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
    /// Unit written after values (人, 户, 元 …).
    pub unit: String,
    /// How numbers are written.
    pub number_style: NumberStyle,
    /// Date of the data, as the feed writes it.
    pub date: String,
    /// Category labels.
    pub categories: Vec<String>,
    /// The series.
    pub series: Vec<Series>,
    /// The target, for progress charts.
    pub target: Option<Target>,
    /// Notes shown under the chart.
    pub notes: Vec<String>,
    /// Where the numbers come from.
    pub source: Option<Source>,
    /// True when the numbers are illustrative, not reported; shown on the chart.
    pub illustrative: bool,
}

impl Dataset {
    /// True for Chinese text.
    pub fn zh(&self) -> bool {
        self.locale == Locale::Zh
    }
}
