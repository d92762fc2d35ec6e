//! Text every stage shares: measuring comes in as a trait (the browser measures with canvas
//! `measureText`, native code, tests and the CLI, with an estimate), the width class of CJK
//! characters, and shortening a label to fit.

/// Measures the width of a line of text at a font size, in CSS pixels.
pub trait TextMeasure {
    /// Width of `text` at `size` px.
    fn width(&self, text: &str, size: f64) -> f64;
}

/// An estimate from character classes: CJK and full-width characters are one
/// em wide, digits and most Latin letters a little over half an em.
#[derive(Clone, Copy, Debug, Default)]
pub struct EstimateMeasure;

/// True for characters drawn one em wide (CJK ideographs, kana, hangul, full-width forms).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

impl TextMeasure for EstimateMeasure {
    fn width(&self, text: &str, size: f64) -> f64 {
        let mut em = 0.0;
        for c in text.chars() {
            em += if is_wide(c) {
                1.0
            } else if c.is_ascii_digit() {
                0.56
            } else if matches!(c, 'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ') {
                0.3
            } else if c.is_ascii_uppercase() || matches!(c, 'm' | 'w' | '%') {
                0.72
            } else {
                0.56
            };
        }
        em * size
    }
}

/// Shortens `s` with an ellipsis to fit `max` px at `size` px; the full text stays in the datum.
pub fn ellipsize(s: &str, max: f64, size: f64, m: &dyn TextMeasure) -> String {
    if m.width(s, size) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        out.push(c);
        let mut t = out.clone();
        t.push('…');
        if m.width(&t, size) > max {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}
