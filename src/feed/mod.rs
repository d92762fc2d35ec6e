//! Feed text → JSON value, with syntax errors located by line and column.
//!
//! The feed format is versioned from day one: `{"version": 1, "datasets": [...]}`.
//! `normalize` turns the parsed value into the typed model.

pub mod json;
pub mod spec;
pub mod write;
pub mod problem;

pub use problem::{Problem, Severity, MESSAGES};
use problem::msg;

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
    let mut p = Problem::error(
        "",
        msg!("不是 UTF-8 文本：第 {} 个字节（0x{:02X}）无效；请将文件另存为 UTF-8 编码（可能是 GBK）", at + 1, byte),
        msg!("not UTF-8 text: byte {} (0x{:02X}) is invalid; save the file as UTF-8 (it may be GBK)", at + 1, byte),
    );
    p.line = line;
    p.column = column;
    Err(p)
}

/// Parses feed text into a JSON value. A byte order mark is accepted;
/// anything else that is not JSON is one problem with line and column.
pub fn parse(text: &str, max_bytes: usize) -> Result<json::Value, Problem> {
    if text.len() > max_bytes {
        return Err(Problem::error(
            "",
            msg!("数据文件过大：{} 字节，上限为 {} 字节（max_bytes）", text.len(), max_bytes),
            msg!("feed is too large: {} bytes, the limit is {} bytes (max_bytes)", text.len(), max_bytes),
        ));
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(Problem::error("", msg!("数据文件是空的"), msg!("the feed is empty")));
    }
    json::parse(body).map_err(|e| {
        let mut p = Problem::error(
            "",
            msg!("不是有效的 JSON：{}（{}）", if e.eof { "内容不完整，文件意外结束（可能缺少 } 或 ]）" } else { "语法错误" }, e.message),
            msg!("not valid JSON: {}", e.message),
        );
        p.line = e.line as u32;
        p.column = char_column(body, e.line, e.column);
        p
    })
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
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
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
