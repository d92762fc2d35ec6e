//! Bytes → text: UTF-8 with or without a byte order mark, UTF-16 with one
//! (Excel's "Unicode text"), and a clear report for everything else, GBK above all
//! (Excel's default CSV encoding on Chinese Windows).
//!
//! GBK is recognised, not decoded: decoding it needs a 20,000-entry table that
//! would weigh more than the rest of the widget. The browser's data builder can
//! decode GBK with `TextDecoder('gbk')` before handing the text over.

use crate::feed::{Code, Problem};

/// How the text was stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16, little-endian (Excel's "Unicode text" on Windows).
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
}

/// Decodes `bytes` to text, the byte order mark removed, or explains in both
/// languages why it cannot and how to save the file instead.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), Problem> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest).map(|s| (s, Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false).map(|s| (s, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true).map(|s| (s, Encoding::Utf16Be));
    }
    if let Some(big_endian) = utf16_without_bom(bytes) {
        let s = utf16(bytes, big_endian)?;
        return Ok((s, if big_endian { Encoding::Utf16Be } else { Encoding::Utf16Le }));
    }
    utf8(bytes).map(|s| (s, Encoding::Utf8))
}

/// Text files never hold NUL bytes; many of them at every other position means
/// UTF-16 whose byte order mark was lost. `Some(true)` for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd * 3 > pairs && even == 0 {
        Some(false)
    } else if even * 3 > pairs && odd == 0 {
        Some(true)
    } else {
        None
    }
}

fn utf8(bytes: &[u8]) -> Result<String, Problem> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(not_utf8(bytes, e.valid_up_to())),
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> Result<String, Problem> {
    if !bytes.len().is_multiple_of(2) {
        let mut p = Problem::error("", Code::CsvUtf16Odd, &[]);
        p.line = line_of_utf16(bytes, bytes.len() - 1, big_endian);
        return Err(p);
    }
    let units = bytes.chunks_exact(2).map(|c| if big_endian { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) });
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut line = 1u32;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                }
                out.push(c);
            }
            Err(e) => {
                let mut p = Problem::error("", Code::CsvUtf16Surrogate, &[&format!("{:04X}", e.unpaired_surrogate())]);
                p.line = line;
                return Err(p);
            }
        }
    }
    Ok(out)
}

fn line_of_utf16(bytes: &[u8], end: usize, big_endian: bool) -> u32 {
    let nl = bytes[..end.min(bytes.len())]
        .chunks_exact(2)
        .filter(|c| if big_endian { c[0] == 0 && c[1] == b'\n' } else { c[0] == b'\n' && c[1] == 0 })
        .count();
    nl as u32 + 1
}

/// The problem for text that is not UTF-8, at the first bad byte.
fn not_utf8(bytes: &[u8], at: usize) -> Problem {
    let before = &bytes[..at];
    let line = before.iter().filter(|b| **b == b'\n').count() as u32 + 1;
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    // the line up to the bad byte is valid UTF-8: count its characters
    let column = std::str::from_utf8(&bytes[line_start..at]).map_or(at - line_start, |s| s.chars().count()) as u32 + 1;
    let byte = bytes.get(at).copied().unwrap_or(0);
    let mut p = if looks_like_gbk(&bytes[at..]) {
        Problem::error("", Code::CsvGbk, &[])
    } else {
        Problem::error("", Code::CsvNotUtf8, &[&(at + 1).to_string(), &format!("{:02X}", byte)])
    };
    p.line = line;
    p.column = column;
    p
}

/// True when `bytes` (from the first byte that is not UTF-8 on) read as GBK or
/// GB 18030: ASCII, double bytes with a lead 0x81–0xFE and a trail 0x40–0xFE
/// (not 0x7F), or GB 18030's four-byte sequences; and at least one double byte.
pub fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) {
            return false;
        }
        match bytes.get(i + 1) {
            Some(&t) if (0x40..=0xFE).contains(&t) && t != 0x7F => {
                pairs += 1;
                i += 2;
            }
            Some(&t) if t.is_ascii_digit() => {
                match (bytes.get(i + 2), bytes.get(i + 3)) {
                    (Some(&c), Some(&d)) if (0x81..=0xFE).contains(&c) && d.is_ascii_digit() => i += 4,
                    _ => return false,
                }
            }
            // a file cut in the middle of a character
            None => i += 1,
            Some(_) => return false,
        }
    }
    pairs > 0
}
