//! Feed text → JSON value, with syntax errors located by line and column.
//!
//! The feed format is versioned from day one: `{"version": 1, "datasets": [...]}`.
//! `normalize` turns the parsed value into the typed model.

pub mod json;
pub mod locate;
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
    let (line, column) = locate::line_col(good, at);
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
