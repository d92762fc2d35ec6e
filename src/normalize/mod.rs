//! JSON value → typed model: fills defaults, checks every field, and reports
//! every problem in one pass, each with its JSON path, line and column.
//!
//! One file per object it checks: `feed` (version, datasets), `dataset`, `series`,
//! `annotation`, `target`, `source` (and notes); `field` holds what they share; `limits` the bounds.

mod annotation;
mod dataset;
mod feed;
mod field;
mod limits;
mod series;
mod source;
mod target;

pub use limits::Limits;
pub use source::is_http_url;

use crate::feed::{Problem, Severity};
use crate::model::Feed;

/// The outcome of reading a feed: the model when there is no error, and all problems.
#[derive(Debug)]
pub struct Normalized {
    /// The feed, `None` when any problem is an error.
    pub feed: Option<Feed>,
    /// Every error and warning, in document order of discovery.
    pub problems: Vec<Problem>,
}

impl Normalized {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }
}

/// Reads feed text into the model, reporting every problem: syntax, unknown fields, values of the
/// wrong type or out of bounds, each with its JSON path, line and column, and its words in Chinese
/// and English ([`Problem::describe`]). The model ([`Normalized::feed`]) is there only when no
/// problem is an error; warnings leave it.
///
/// ```
/// use newschart::normalize::{read, Limits};
///
/// // the seed's hamlet figures, with the sum typed as text
/// let text = r#"{"version": 1, "datasets": [{
///   "id": "hamlets", "kind": "column", "title": "100个“幸福屋场”撬动社会资金1.5亿元", "unit": "元",
///   "categories": ["幸福屋场"],
///   "series": [{"name": "社会资金投入", "values": ["1.5亿"]}]
/// }]}"#;
/// let n = read(text, Limits::default());
/// assert!(n.feed.is_none());
/// let e = n.errors().next().expect("an error");
/// assert_eq!((e.path.as_str(), e.line, e.column), ("datasets[0].series[0].values[0]", 4, 44));
/// assert_eq!(
///     e.describe(false),
///     "datasets[0].series[0].values[0] (line 4, column 44): must be a number, found text \"1.5亿\"; \
///      remove the quotes and write a plain number (e.g. 72500), or null for a missing value"
/// );
/// assert_eq!(
///     e.describe(true),
///     "datasets[0].series[0].values[0]（第4行，第44列）：应为数字，实际是文本 \"1.5亿\"；\
///      请去掉引号，写成不带单位的数字（如 72500），缺失值写 null"
/// );
///
/// // the number itself reads, and gives the model
/// let n = read(&text.replace(r#""1.5亿""#, "150000000"), Limits::default());
/// let feed = n.feed.expect("no errors");
/// assert_eq!(feed.datasets[0].series[0].values, [Some(1.5e8)]);
/// ```
pub fn read(text: &str, limits: Limits) -> Normalized {
    let value = match crate::feed::parse(text, limits.max_bytes) {
        Ok(v) => v,
        Err(p) => return Normalized { feed: None, problems: vec![p] },
    };
    let mut cx = Cx { problems: Vec::new(), limits };
    let feed = cx.feed(&value);
    let mut problems = cx.problems;
    for p in problems.iter_mut() {
        let (line, column) = crate::feed::locate(text, &value, &p.path);
        p.line = line;
        p.column = column;
    }
    let ok = !problems.iter().any(|p| p.severity == Severity::Error);
    Normalized { feed: if ok { feed } else { None }, problems }
}

struct Cx {
    problems: Vec<Problem>,
    limits: Limits,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        let mut s = String::with_capacity(path.len() + key.len() + 1);
        s.push_str(path);
        s.push('.');
        s.push_str(key);
        s
    }
}

fn index(path: &str, i: usize) -> String {
    crate::format::cat(&[path, "[", &crate::format::int(i as i64), "]"])
}
