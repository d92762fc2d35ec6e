//! Feed text → JSON value, with syntax errors located by line and column.
//!
//! The feed format is versioned from day one: `{"version": 1, "datasets": [...]}`.
//! `normalize` turns the parsed value into the typed model.

pub mod catalogue;
// public for the CLI's `catalogue --js`, which writes the repository's src/web/problem-words.js
#[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
#[doc(hidden)]
pub mod catalogue_js;
pub mod json;
pub mod spec;
pub mod write;
pub mod problem;

pub use problem::{Code, Problem, Severity, MESSAGES};

/// Largest feed text accepted, in bytes (5 MiB). The web layer may lower it.
pub const DEFAULT_MAX_BYTES: usize = 5 * 1024 * 1024;

/// Feed bytes → text. Feeds are UTF-8 (a byte order mark is allowed and
/// skipped by [`parse`]); other bytes are one problem that names the line,
/// column and offset of the first byte that is not UTF-8. (A browser does not
/// get here: `Response.text()` has already turned such bytes into U+FFFD.)
pub fn decode(bytes: &[u8]) -> Result<&str, Problem> {
    let e = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(s),
        Err(e) => e,
    };
    let at = e.valid_up_to();
    let good = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let (line, column) = line_col(good, at);
    let byte = bytes[at];
    let hex = [b"0123456789ABCDEF"[usize::from(byte >> 4)], b"0123456789ABCDEF"[usize::from(byte & 15)]];
    let mut p = Problem::error("", Code::NotUtf8, &[&number(at + 1), core::str::from_utf8(&hex).unwrap_or_default()]);
    p.line = line;
    p.column = column;
    Err(p)
}

/// Parses feed text into a JSON value. A byte order mark is accepted;
/// anything else that is not JSON is one problem with line and column.
/// [`normalize::read`](crate::normalize::read) calls it, then checks the value.
///
/// ```
/// use newschart::feed::{parse, DEFAULT_MAX_BYTES};
///
/// let p = parse("{\"version\": 1,\n \"datasets\": [}", DEFAULT_MAX_BYTES).unwrap_err();
/// assert_eq!((p.line, p.column), (2, 15));
/// assert_eq!(p.describe(false), "(line 2, column 15): not valid JSON: expected value");
/// ```
pub fn parse(text: &str, max_bytes: usize) -> Result<json::Value, Problem> {
    if text.len() > max_bytes {
        return Err(Problem::error("", Code::TooLarge, &[&number(text.len()), &number(max_bytes)]));
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(Problem::error("", Code::Empty, &[]));
    }
    json::parse(body).map_err(|e| {
        let mut p = Problem::error("", e.code, &[]);
        p.line = e.line as u32;
        p.column = char_column(body, e.line, e.column);
        p
    })
}

/// A count as a problem's parameter.
pub fn number(n: usize) -> String {
    crate::format::int(n as i64)
}

/// Line and column (1-based, columns in characters) of the value at the JSON path `path`
/// (`datasets[0].series[1].name`) in `text`, which [`parse`] read as `root`, or of the deepest
/// enclosing value there is: from the offsets the parser kept, without reading the text again.
pub fn locate(text: &str, root: &json::Value, path: &str) -> (u32, u32) {
    // the parser's offsets count from after the byte order mark
    let base = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let body = text.get(base..).unwrap_or_default();
    let mut at = base + body.len() - body.trim_start_matches([' ', '\t', '\n', '\r']).len();
    let mut v = root;
    'walk: for part in path.split('.').filter(|p| !p.is_empty()) {
        // (`get`, not `split_at`: a str index that can panic brings core::fmt's tables into the wasm)
        let b = part.find('[').unwrap_or(part.len());
        let (key, mut rest) = (part.get(..b).unwrap_or_default(), part.get(b..).unwrap_or_default());
        if !key.is_empty() {
            match v.as_object().and_then(|m| Some((m.get(key)?, m.offset(key)?))) {
                Some((child, o)) => (v, at) = (child, base + o),
                None => break,
            }
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']').unwrap_or(inner.len());
            if let Ok(i) = inner.get(..end).unwrap_or_default().parse::<usize>() {
                let json::Value::Array(items) = v else { break 'walk };
                match items.get(i).zip(items.offset(i)) {
                    Some((child, o)) => (v, at) = (child, base + o),
                    None => break 'walk,
                }
            }
            rest = inner.get(end + 1..).unwrap_or_default();
        }
    }
    line_col(text, at)
}

/// Line and column (1-based, columns in characters) of byte offset `at`.
pub fn line_col(src: &str, at: usize) -> (u32, u32) {
    let at = at.min(src.len());
    let mut line = 1u32;
    let mut col = 1u32;
    for (i, c) in src.char_indices() {
        if i >= at {
            break;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// The parser counts columns in bytes; readers count characters.
fn char_column(text: &str, line: usize, byte_col: usize) -> u32 {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_col as u32;
    };
    let mut end = byte_col.min(l.len());
    while end > 0 && !l.is_char_boundary(end) {
        end -= 1;
    }
    crate::format::char_count(l.get(..end).unwrap_or_default()).max(1) as u32
}
