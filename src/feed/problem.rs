//! A problem found in a feed: what is wrong and where, in Chinese and English.
//!
//! The messages are compiled in natively (the CLI, `cargo test`) and in the builder's wasm (cargo
//! feature `builder`), but not in the readers' wasm (wasm32 without `builder`): there every check
//! still runs and every problem keeps its severity, path, line and column, while `zh` and `en` are
//! empty. Readers see messages only when a feed is broken; then the view (`src/web/view.js`) loads
//! the builder's module and reads the same feed again there for the words. [`msg!`] is how a
//! message is written, and [`MESSAGES`] says whether this build has them.

use serde::Serialize;

/// Whether this build writes problems' messages (`zh`, `en`): natively and with the cargo feature
/// `builder`, not in the readers' wasm.
pub const MESSAGES: bool = cfg!(any(feature = "builder", not(target_arch = "wasm32")));

/// A problem's message: `format!` where messages are compiled in ([`MESSAGES`]); in the readers'
/// wasm an empty `String`, its arguments still counted as used but never formatted, so neither the
/// text nor the formatting code is in the module.
#[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
macro_rules! msg {
    ($text:literal) => {
        String::from($text)
    };
    ($($arg:tt)+) => {
        format!($($arg)+)
    };
}

/// (See the other `msg!`: this is the readers' wasm, without messages.)
#[cfg(not(any(feature = "builder", not(target_arch = "wasm32"))))]
macro_rules! msg {
    ($text:literal) => {
        String::new()
    };
    ($($arg:tt)+) => {{
        let _ = || format!($($arg)+);
        String::new()
    }};
}

pub(crate) use msg;

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
