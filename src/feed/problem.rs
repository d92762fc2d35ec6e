//! A problem found in a feed: what is wrong ([`Code`] and its parameters) and where, with its
//! words in Chinese and English.
//!
//! The words come from the catalogue (`super::catalogue`), compiled in natively (the CLI, `cargo
//! test`) and in the builder's wasm (cargo feature `builder`), but not in the readers' wasm (wasm32
//! without `builder`): there every check still runs and every problem keeps its code, parameters,
//! severity, path, line and column, while `zh` and `en` are empty; `src/web/problems.js` words it
//! from the catalogue's JavaScript copy. [`MESSAGES`] says whether this build has the words.

use serde::Serialize;

pub use super::catalogue::Code;

/// Whether this build writes problems' messages (`zh`, `en`): natively and with the cargo feature
/// `builder`, not in the readers' wasm.
pub const MESSAGES: bool = cfg!(any(feature = "builder", not(target_arch = "wasm32")));


/// The words of `code` with `args`, in Chinese and English.
#[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
fn words(code: Code, args: &[String]) -> (String, String) {
    (super::catalogue::words(code, args, true), super::catalogue::words(code, args, false))
}

/// (The readers' wasm has no words: see [`MESSAGES`].)
#[cfg(not(any(feature = "builder", not(target_arch = "wasm32"))))]
fn words(_: Code, _: &[String]) -> (String, String) {
    (String::new(), String::new())
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

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
    /// What is wrong.
    pub code: Code,
    /// The code's parameters, as text: a value found, a limit, a name.
    pub args: Vec<String>,
    /// The message in Chinese (empty in the readers' wasm).
    pub zh: String,
    /// The message in English (empty in the readers' wasm).
    pub en: String,
}

impl Problem {
    /// A problem at `path`: `code` with its parameters `args`, worded where this build has words.
    // (one copy: inlined, every check would carry its own copying of the parameters)
    #[inline(never)]
    pub fn new(severity: Severity, path: &str, code: Code, args: &[&str]) -> Problem {
        let mut owned = Vec::with_capacity(args.len());
        for a in args {
            owned.push(String::from(*a));
        }
        let args = owned;
        let (zh, en) = words(code, &args);
        Problem { severity, path: path.to_string(), line: 0, column: 0, code, args, zh, en }
    }

    /// An error at `path`.
    pub fn error(path: &str, code: Code, args: &[&str]) -> Problem {
        Problem::new(Severity::Error, path, code, args)
    }

    /// A warning at `path`.
    pub fn warning(path: &str, code: Code, args: &[&str]) -> Problem {
        Problem::new(Severity::Warning, path, code, args)
    }

    /// A problem whose words are given whole ([`Code::Said`]; for what has no code of its own yet).
    pub fn said(severity: Severity, path: &str, zh: impl AsRef<str>, en: impl AsRef<str>) -> Problem {
        Problem::new(severity, path, Code::Said, &[zh.as_ref(), en.as_ref()])
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
