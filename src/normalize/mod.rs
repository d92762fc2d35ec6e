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

/// Reads feed text into the model, reporting every problem.
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
