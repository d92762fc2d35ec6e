//! An upload → a validated feed, or the located problems: the same path as `newschart validate`
//! (a feed) and `newschart from-csv` (a spreadsheet), so the service refuses exactly what the
//! builder and the CLI refuse, with the same words.

use serde::Serialize;

use crate::csv::{self, CsvOptions};
use crate::feed::{Problem, Severity};
use crate::normalize::{self, Limits};

/// What was uploaded.
pub enum Upload<'a> {
    /// A feed's JSON text.
    Feed(&'a [u8]),
    /// A spreadsheet (CSV or .xlsx) and its file name, if known.
    Table(&'a [u8], Option<&'a str>),
}

/// One problem as the service answers it: the builder's located words in both languages.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Located {
    /// `error` or `warning`.
    pub severity: Severity,
    /// The problem's name in the catalogue (`wrong-type`).
    pub code: &'static str,
    /// JSON path, empty for the whole text.
    pub path: String,
    /// Line in the feed text (1-based), 0 when unknown.
    pub line: u32,
    /// Column (1-based, characters), 0 when unknown.
    pub column: u32,
    /// The message in English, as `newschart validate` prints it.
    pub en: String,
    /// The message in Chinese.
    pub zh: String,
}

impl From<&Problem> for Located {
    fn from(p: &Problem) -> Located {
        Located { severity: p.severity, code: p.code.id(), path: p.path.clone(), line: p.line, column: p.column, en: p.describe(false), zh: p.describe(true) }
    }
}

/// A feed that passed: its text, and the warnings it had.
pub struct Valid {
    /// The feed's JSON text as stored and served.
    pub feed: String,
    /// Warnings (the chart is drawn; something was ignored).
    pub warnings: Vec<Located>,
    // only [`check`] makes one, so the store cannot be handed an unchecked feed
    _checked: (),
}

/// Checks an upload as the widget would; `Err` holds every problem (errors and warnings).
pub fn check(upload: Upload<'_>) -> Result<Valid, Vec<Located>> {
    let text = match upload {
        Upload::Feed(bytes) => match crate::feed::decode(bytes) {
            Ok(t) => t.to_string(),
            Err(p) => return Err(vec![Located::from(&p)]),
        },
        Upload::Table(bytes, name) => {
            let opts = CsvOptions { file_name: name.map(str::to_string), ..CsvOptions::default() };
            let import = csv::import(bytes, &opts);
            if import.problems.iter().any(|p| p.severity == Severity::Error) {
                return Err(import.problems.iter().map(Located::from).collect());
            }
            match import.feed {
                Some(feed) => csv::write::to_pretty(&feed),
                None => return Err(import.problems.iter().map(Located::from).collect()),
            }
        }
    };
    let n = normalize::read(&text, Limits::default());
    let problems: Vec<Located> = n.problems.iter().map(Located::from).collect();
    if n.feed.is_none() || problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(problems);
    }
    Ok(Valid { feed: text, warnings: problems, _checked: () })
}
