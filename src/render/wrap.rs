//! Line breaking for the words around a chart: between words, and between CJK
//! characters, never inside a word or a number ("2012–2015", "1,234.5", "107.07%"
//! stay whole), never before closing punctuation (，。）”) or after opening
//! punctuation (（“).

use crate::text::{is_wide, TextMeasure};

/// Punctuation that never starts a line.
fn closes(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '！' | '？' | '）' | '」' | '』' | '”' | '’' | '》' | '〉' | '】' | '…' | '·' | '％' | '%' | ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}')
}

/// Punctuation that never ends a line.
fn opens(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '“' | '‘' | '《' | '〈' | '【' | '(' | '[' | '{')
}

/// One unbreakable piece of text and whether a space stood before it.
struct Piece {
    text: String,
    space_before: bool,
}

/// The text cut at every place a line may break.
fn pieces(text: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut cur = String::new();
    let mut space = false;
    // the current piece may not end here: it holds only opening punctuation
    let mut glue_next = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !cur.is_empty() {
                out.push(Piece { text: std::mem::take(&mut cur), space_before: space });
            }
            space = true;
            glue_next = false;
            continue;
        }
        if closes(c) {
            // stays with what precedes it
            if cur.is_empty() {
                match out.last_mut() {
                    Some(p) if !space => p.text.push(c),
                    _ => cur.push(c),
                }
            } else {
                cur.push(c);
            }
            continue;
        }
        let wide = is_wide(c);
        let cur_wide_end = cur.chars().last().is_some_and(is_wide);
        // a break opportunity before a wide character, and after one
        if !cur.is_empty() && !glue_next && (wide || cur_wide_end) {
            out.push(Piece { text: std::mem::take(&mut cur), space_before: space });
            space = false;
        }
        cur.push(c);
        glue_next = opens(c);
    }
    if !cur.is_empty() {
        out.push(Piece { text: cur, space_before: space });
    }
    out
}

/// `text` in lines no wider than `width` px at `size` px (`bold` text is measured
/// 6 % wider). A single word or number wider than the line is cut between
/// characters as a last resort, so nothing runs off the image.
pub fn wrap(text: &str, width: f64, size: f64, bold: bool, m: &dyn TextMeasure) -> Vec<String> {
    let f = if bold { 1.06 } else { 1.0 };
    let fits = |s: &str| m.width(s, size) * f <= width;
    let mut lines = Vec::new();
    let mut line = String::new();
    for p in pieces(text) {
        let mut candidate = line.clone();
        if p.space_before && !candidate.is_empty() {
            candidate.push(' ');
        }
        candidate.push_str(&p.text);
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if fits(&p.text) {
            line = p.text;
            continue;
        }
        // wider than a whole line: cut between characters
        for c in p.text.chars() {
            let mut next = line.clone();
            next.push(c);
            if !line.is_empty() && !fits(&next) {
                lines.push(std::mem::take(&mut line));
                line.push(c);
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::EstimateMeasure;

    #[test]
    fn cjk_breaks_between_characters_but_not_before_closing_punctuation() {
        let m = EstimateMeasure;
        let lines = wrap("各县市区“幸福屋场”社会资金投入，平均每个屋场超过100万元", 14.0 * 7.0, 14.0, false, &m);
        assert!(lines.len() > 2, "{:?}", lines);
        for l in &lines {
            assert!(!l.starts_with('，') && !l.starts_with('”'), "{:?}", lines);
            assert!(!l.ends_with('“'), "{:?}", lines);
        }
        assert_eq!(lines.concat(), "各县市区“幸福屋场”社会资金投入，平均每个屋场超过100万元");
    }

    #[test]
    fn latin_breaks_at_spaces() {
        let lines = wrap("Rural incomes grew 14.3% in 2022", 100.0, 14.0, false, &EstimateMeasure);
        assert_eq!(lines.join(" "), "Rural incomes grew 14.3% in 2022");
        assert!(lines.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
    }
}
