//! A problem found in a feed: what is wrong and where, in Chinese and English.

use serde::Serialize;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The chart cannot be drawn.
    Error,
    /// The chart is drawn; something was ignored.
    Warning,
}

/// One problem, located by JSON path and by line and column (1-based).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where, as a JSON path such as `datasets[0].series[1].values[2]`; empty for the whole text.
    pub path: String,
    /// Line in the feed text (1-based), 0 when unknown.
    pub line: u32,
    /// Column in the feed text (1-based, in characters), 0 when unknown.
    pub column: u32,
    /// The message in Chinese.
    pub zh: String,
    /// The message in English.
    pub en: String,
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: &str, zh: String, en: String) -> Problem {
        Problem { severity: Severity::Error, path: path.to_string(), line: 0, column: 0, zh, en }
    }

    /// A warning at `path`.
    pub fn warning(path: &str, zh: String, en: String) -> Problem {
        Problem { severity: Severity::Warning, path: path.to_string(), line: 0, column: 0, zh, en }
    }

    /// The message in the given language, with its place:
    /// `datasets[0].title (line 4, column 7): title must be text`.
    pub fn describe(&self, zh: bool) -> String {
        let mut s = String::new();
        if !self.path.is_empty() {
            s.push_str(&self.path);
        }
        if self.line > 0 {
            if !s.is_empty() && !zh {
                s.push(' ');
            }
            if zh {
                s.push_str(&format!("（第{}行，第{}列）", self.line, self.column));
            } else {
                s.push_str(&format!("(line {}, column {})", self.line, self.column));
            }
        }
        if !s.is_empty() {
            s.push_str(if zh { "：" } else { ": " });
        }
        s.push_str(if zh { &self.zh } else { &self.en });
        s
    }
}
