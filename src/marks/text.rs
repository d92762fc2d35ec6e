//! The words a datum carries: its value with unit, its share of a target, and
//! its sentence for screen readers, in the dataset's language.

use crate::format;
use crate::model::{Dataset, Target};

/// The number of series `si` as text: every digit, grouped, when `full` (tooltips, the table),
/// else the dataset's or series' `decimals`, or three significant digits (labels).
pub fn number(ds: &Dataset, si: usize, v: f64, full: bool) -> String {
    let decimals = if full { None } else { ds.decimals_of(si) };
    if ds.percent_of(si) {
        let p = v * 100.0;
        let mut s = match decimals {
            Some(d) => format::decimal::fixed(p, d, false, false),
            // the feed's digits with the point moved: 0.07 is 7%, not 7.000000000000001%
            None if full => format::shortest::exact(v, -2, false),
            None => format::readable(p, format::NumberStyle::Full),
        };
        s.push('%');
        return s;
    }
    match decimals {
        Some(d) => format::fixed(v, ds.number_style, d),
        None if full => format::exact_grouped(v, ds.number_style),
        None => format::readable(v, ds.number_style),
    }
}

/// The value with its unit, at full precision: 7.25万人, 72,500 people, 12.34%, $1,925.
pub fn value_text(ds: &Dataset, si: usize, v: f64) -> String {
    let n = number(ds, si, v, true);
    if ds.percent_of(si) {
        n
    } else {
        with_unit(ds, &n)
    }
}

/// The value with its unit as a label on the chart (the `decimals` setting applies).
pub fn label_text(ds: &Dataset, si: usize, v: f64) -> String {
    let n = number(ds, si, v, false);
    if ds.percent_of(si) {
        n
    } else {
        with_unit(ds, &n)
    }
}

/// A formatted number with the dataset's unit: after it (7.25万人, 5 km, 20°C), or a currency
/// symbol before it and the sign before that (`$1,925`, `-€3.5K`, `$12m`).
pub fn with_unit(ds: &Dataset, number: &str) -> String {
    let mut s = String::new();
    if let Some((sym, rest)) = format::unit::currency(&ds.unit, ds.zh()) {
        let digits = match number.strip_prefix('-') {
            Some(d) => {
                s.push('-');
                d
            }
            None => number,
        };
        s.push_str(sym);
        s.push_str(digits);
        if !rest.is_empty() {
            // `$12m`, `$12bn`, but `$12 million`
            if format::char_count(rest) > 3 {
                s.push(' ');
            }
            s.push_str(rest);
        }
        return s;
    }
    s.push_str(number);
    if !ds.unit.is_empty() {
        if !ds.zh() && ds.unit != "%" && ds.unit.chars().next().is_some_and(letter) {
            s.push(' ');
        }
        s.push_str(&ds.unit);
    }
    s
}

/// Whether a unit starting with `c` takes a space after the number in English ("5 km", "3 µg",
/// "2 Ω", but "5%", "20°C", "8‰", "3€"): a letter of any script. `char::is_alphabetic` would
/// answer the same for units, but its Unicode table is 1.5 KB of the readers' wasm; here a
/// letter is an ASCII letter, or any character from U+00B5 on that is not in a block of symbols
/// or punctuation (Latin-1's × and ÷, General Punctuation to Miscellaneous Symbols and Arrows,
/// CJK Symbols and Punctuation, CJK Compatibility, the full-width signs).
pub fn letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c >= '\u{b5}'
            && !matches!(c, '\u{b6}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{2bff}' | '\u{3000}'..='\u{303f}'
                | '\u{3300}'..='\u{33ff}' | '\u{ff00}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' | '\u{ffe0}'..='\u{ffef}'))
}

/// The share of a target: 完成年度任务的107.07% / 107.07% of the annual target.
pub fn target_detail(ds: &Dataset, v: f64, t: &Target) -> String {
    let pct = format::percent(v / t.value * 100.0);
    if ds.zh() {
        let label = if t.label.is_empty() { "目标" } else { &t.label };
        format::cat(&["完成", label, "的", &pct])
    } else {
        let label = if t.label.is_empty() { "the target" } else { &t.label };
        format::cat(&[&pct, " of ", label])
    }
}

/// A value followed by its share of the target: 7.25万人（107.07%）.
pub fn with_share(ds: &Dataset, value_text: &str, v: f64, t: &Target) -> String {
    let pct = format::percent(v / t.value * 100.0);
    if ds.zh() {
        format::cat(&[value_text, "（", &pct, "）"])
    } else {
        format::cat(&[value_text, " (", &pct, ")"])
    }
}

/// A stacked segment's share of its stack: 占合计的40% / 40% of the total.
pub fn share_detail(ds: &Dataset, v: f64, total: f64) -> String {
    if !(total > 0.0) || v < 0.0 {
        return String::new();
    }
    let pct = format::percent(v / total * 100.0);
    if ds.zh() {
        format::cat(&["占合计的", &pct])
    } else {
        format::cat(&[&pct, " of the total"])
    }
}

/// The target's own text: 年度任务 6.7713万人.
pub fn target_text(ds: &Dataset, t: &Target) -> String {
    let v = value_text(ds, 0, t.value);
    if t.label.is_empty() {
        v
    } else {
        format::cat(&[&t.label, " ", &v])
    }
}

/// One sentence for a datum: 已就业脱贫户：7.25万人，完成年度任务的107.07%.
pub fn datum_label(ds: &Dataset, category: &str, series: &str, value_text: &str, detail: &str) -> String {
    let zh = ds.zh();
    let mut s = String::new();
    s.push_str(category);
    if ds.series.len() > 1 {
        s.push_str(if zh { "，" } else { ", " });
        s.push_str(series);
    }
    s.push_str(if zh { "：" } else { ": " });
    s.push_str(value_text);
    if !detail.is_empty() {
        s.push_str(if zh { "，" } else { ", " });
        s.push_str(detail);
    }
    s
}

/// The text for a missing value.
pub fn missing_text(ds: &Dataset) -> &'static str {
    if ds.zh() {
        "无数据"
    } else {
        "no data"
    }
}

