//! A cell → a number, as people type them in spreadsheets: `72,500`, `7.25万`,
//! `1.5亿`, `107.07%`, `¥1,234`, `$1,925`, `€3.5bn`, `£12k`, `1.2M`,
//! accounting negatives `(1,234)`, full-width `７２５００`, spaces anywhere, a unit
//! after the number (`7.25万人`), a decimal comma when asked (`1.234,5`); `-`,
//! `—`, empty, `N/A`, `NA` and `..` are a missing value, never zero.
//!
//! A multiplier (`k`, `K`, `M`, `bn`, `B`, `万`, `亿` …) scales the number and is
//! never a unit: `1.2k` is 1200. What a cell carries besides (a currency sign,
//! `%`, `人`) is its *marker*; whether the marker is the column's unit is decided
//! over the whole column (see `column.rs`).
//!
//! Digits are kept as written and scaled by powers of ten before the one
//! conversion to `f64`, so `1.1万` is exactly 11000, not 11000.000000000002.

use super::unit::{is_unit, split_multiplier};

/// A number read from a cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    negative: bool,
    /// The digits, without separators or decimal point.
    digits: String,
    /// Power of ten applied to `digits` (decimals and multiplier).
    exp: i32,
    /// True when the cell wrote a multiplier (万, 亿, k, M …).
    pub scaled: bool,
    /// The marker: a currency (`$`, `€`, `£`, `元` for ¥) or the unit after the
    /// number (`%`, `人`); empty when none.
    pub unit: String,
}

impl Number {
    /// The value, times 10^`power` (a header's 万): `None` when it overflows.
    pub fn value(&self, power: i32) -> Option<f64> {
        let mut s = String::with_capacity(self.digits.len() + 8);
        if self.negative {
            s.push('-');
        }
        s.push_str(&self.digits);
        s.push('e');
        s.push_str(&(self.exp.saturating_add(power)).to_string());
        let v: f64 = s.parse().ok()?;
        // -0 is written 0
        v.is_finite().then_some(if v == 0.0 { 0.0 } else { v })
    }
}

/// Why a cell is not a number: decides the hint in the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// Nothing more to say.
    Plain,
    /// `7,25`: a comma used as decimal point.
    DecimalComma,
    /// Digits with letters or signs that are not a unit: `7.2x`, `1-2`.
    Garbled,
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Empty, `-`, `—`, `N/A`, `NA`, `..`: no value.
    Missing,
    /// A number.
    Number(Number),
    /// Something else.
    NotNumber(Hint),
}

/// Writes full-width forms (`７２５００`, `％`, `，`) as their ASCII
/// counterparts and drops every kind of space.
pub fn narrow(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x2212 => '-', // minus sign
            _ => c,
        };
        if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}') {
            continue;
        }
        out.push(c);
    }
    out
}

/// True for the ways spreadsheets write "no value" (`.` is FRED's).
pub fn is_missing(narrowed: &str) -> bool {
    matches!(narrowed, "" | "-" | "--" | "—" | "——" | "–" | "." | ".." | "..." | "…" | "……")
        || narrowed.eq_ignore_ascii_case("n/a")
        || narrowed.eq_ignore_ascii_case("na")
        || narrowed.eq_ignore_ascii_case("#n/a")
}

/// Currency signs before (or after) a number, and the unit each stands for.
const CURRENCIES: [(&str, &str); 7] = [("US$", "$"), ("$", "$"), ("€", "€"), ("£", "£"), ("¥", "元"), ("￥", "元"), ("RMB", "元")];

/// Latin multipliers after a number, with their power of ten. Each must end the
/// cell or be followed by something that is not a letter (`1.2km` is no `k`).
const LATIN_MULTIPLIERS: [(&str, i32); 6] = [("bn", 9), ("Bn", 9), ("BN", 9), ("k", 3), ("K", 3), ("M", 6)];

/// Reads one cell, `.` as the decimal point.
pub fn parse(cell: &str) -> Cell {
    parse_with(cell, '.')
}

/// Reads one cell with `decimal` (`.` or `,`) as the decimal point; with `,`
/// the point or a space groups the thousands (`1.234,5`).
pub fn parse_with(cell: &str, decimal: char) -> Cell {
    let mut s = narrow(cell);
    if is_missing(&s) {
        return Cell::Missing;
    }
    if decimal == ',' {
        s = s.chars().map(|c| match c {
            ',' => '.',
            '.' => ',',
            c => c,
        }).collect();
    }
    // accounting negatives: (1,234), ($1,234)
    let mut negative = false;
    let mut inner = s.as_str();
    if let Some(r) = inner.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        inner = r;
    }
    let mut rest = inner;
    let mut currency: Option<&str> = None;
    // sign and currency, in either order: -¥5, ¥-5
    for _ in 0..2 {
        if let Some(r) = rest.strip_prefix('-') {
            negative = !negative;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('+') {
            rest = r;
        } else if let Some((sign, unit)) = CURRENCIES.iter().find(|(c, _)| rest.starts_with(c)) {
            currency = Some(unit);
            rest = &rest[sign.len()..];
        }
    }
    let bytes = rest.as_bytes();
    let mut i = 0;
    let mut digits = String::new();
    let mut int_digits = 0usize;
    let mut group = 0usize; // digits since the last comma
    let mut commas = 0usize;
    let mut decimals = 0i32;
    let mut seen_point = false;
    let mut bad_group = false;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'0'..=b'9' => {
                digits.push(b as char);
                if seen_point {
                    decimals += 1;
                } else {
                    int_digits += 1;
                    group += 1;
                }
            }
            b',' if !seen_point && int_digits > 0 && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                if (commas == 0 && group > 3) || (commas > 0 && group != 3) {
                    bad_group = true;
                }
                commas += 1;
                group = 0;
            }
            b'.' if !seen_point && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if commas > 0 && group != 3 {
        bad_group = true;
    }
    if digits.is_empty() {
        return Cell::NotNumber(Hint::Plain);
    }
    if bad_group {
        let hint = if commas == 1 && !seen_point { Hint::DecimalComma } else { Hint::Garbled };
        return Cell::NotNumber(hint);
    }
    let mut exp = -decimals;
    // an exponent: 1.5e6
    if matches!(bytes.get(i), Some(b'e') | Some(b'E')) {
        let mut j = i + 1;
        let mut eneg = false;
        if matches!(bytes.get(j), Some(b'-') | Some(b'+')) {
            eneg = bytes[j] == b'-';
            j += 1;
        }
        let start = j;
        while bytes.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if j > start {
            let e: i32 = rest[start..j].parse().unwrap_or(i32::MAX / 2);
            exp = exp.saturating_add(if eneg { -e } else { e });
            i = j;
        }
    }
    let mut tail = &rest[i..];
    let mut latin = 0;
    for (m, p) in LATIN_MULTIPLIERS {
        if let Some(r) = tail.strip_prefix(m) {
            if !r.chars().next().is_some_and(char::is_alphabetic) {
                latin = p;
                tail = r;
                break;
            }
        }
    }
    // a lone B is a billion (`$1.2B`); `Bn` was read above
    if latin == 0 && tail == "B" {
        latin = 9;
        tail = "";
    }
    let (chinese, unit) = split_multiplier(tail);
    let power = latin + chinese;
    // a currency written after the number: 3,50 €
    let (unit, currency) = match CURRENCIES.iter().find(|(c, _)| *c == unit) {
        Some((_, u)) if currency.is_none() => ("", Some(*u)),
        _ => (unit, currency),
    };
    if !unit.is_empty() && !is_unit(unit) {
        return Cell::NotNumber(Hint::Garbled);
    }
    let unit = match (unit, currency) {
        ("", Some(c)) => c,
        ("元", Some(_)) => "元",
        (u, Some(_)) if !u.is_empty() => return Cell::NotNumber(Hint::Garbled),
        (u, _) => u,
    };
    Cell::Number(Number { negative, digits, exp: exp.saturating_add(power), scaled: power > 0, unit: unit.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> (f64, String) {
        match parse(s) {
            Cell::Number(n) => (n.value(0).unwrap(), n.unit),
            other => panic!("{:?}: {:?}", s, other),
        }
    }

    #[test]
    fn the_ways_numbers_are_written() {
        assert_eq!(num("72500"), (72500.0, "".into()));
        assert_eq!(num("72,500"), (72500.0, "".into()));
        assert_eq!(num(" 1,234,567.5 "), (1234567.5, "".into()));
        assert_eq!(num("7.25万"), (72500.0, "".into()));
        assert_eq!(num("1.1万"), (11000.0, "".into()));
        assert_eq!(num("1.5亿"), (150_000_000.0, "".into()));
        assert_eq!(num("107.07%"), (107.07, "%".into()));
        assert_eq!(num("¥1,234"), (1234.0, "元".into()));
        assert_eq!(num("￥1,234"), (1234.0, "元".into()));
        assert_eq!(num("７２５００"), (72500.0, "".into()));
        assert_eq!(num("７．２５万人"), (72500.0, "人".into()));
        assert_eq!(num("7.25万人"), (72500.0, "人".into()));
        assert_eq!(num("5.4 万户"), (54000.0, "户".into()));
        assert_eq!(num("100个"), (100.0, "个".into()));
        assert_eq!(num("-3.5"), (-3.5, "".into()));
        assert_eq!(num("−3.5%"), (-3.5, "%".into()));
        assert_eq!(num("-0"), (0.0, "".into()));
        assert_eq!(num("3千米"), (3.0, "千米".into()));
        assert_eq!(num("1.5e3"), (1500.0, "".into()));
        assert_eq!(num("12 500"), (12500.0, "".into()));
        assert_eq!(num("5851.8"), (5851.8, "".into()));
        assert_eq!(num("$1,925"), (1925.0, "$".into()));
        assert_eq!(num("-$1,925"), (-1925.0, "$".into()));
        assert_eq!(num("€3.5bn"), (3.5e9, "€".into()));
        assert_eq!(num("£12k"), (12000.0, "£".into()));
        assert_eq!(num("350 €"), (350.0, "€".into()));
        assert_eq!(num("1.2k"), (1200.0, "".into()));
        assert_eq!(num("1.2K"), (1200.0, "".into()));
        assert_eq!(num("4.5M"), (4.5e6, "".into()));
        assert_eq!(num("$1.2B"), (1.2e9, "$".into()));
        assert_eq!(num("2bn"), (2e9, "".into()));
        assert_eq!(num("(1,234)"), (-1234.0, "".into()));
        assert_eq!(num("($1,234.5)"), (-1234.5, "$".into()));
        assert_eq!(num("12km"), (12.0, "km".into()));
    }

    #[test]
    fn a_decimal_comma_when_asked() {
        let n = |s: &str| match parse_with(s, ',') {
            Cell::Number(n) => n.value(0).unwrap(),
            other => panic!("{:?}: {:?}", s, other),
        };
        assert_eq!(n("7,25"), 7.25);
        assert_eq!(n("1.234,5"), 1234.5);
        assert_eq!(n("1 234,5"), 1234.5);
        assert_eq!(n("-0,5%"), -0.5);
    }

    #[test]
    fn missing_values_are_not_zero() {
        for s in ["", " ", "-", "—", "——", "N/A", "n/a", "NA", ".", "..", "－", "#N/A"] {
            assert_eq!(parse(s), Cell::Missing, "{:?}", s);
        }
    }

    #[test]
    fn what_is_not_a_number() {
        assert_eq!(parse("abc"), Cell::NotNumber(Hint::Plain));
        assert_eq!(parse("7,25"), Cell::NotNumber(Hint::DecimalComma));
        assert_eq!(parse("7.2x1"), Cell::NotNumber(Hint::Garbled));
        assert_eq!(parse("1-2"), Cell::NotNumber(Hint::Garbled));
        assert_eq!(parse("12,34,567"), Cell::NotNumber(Hint::Garbled));
        assert_eq!(parse("5%%"), Cell::NotNumber(Hint::Garbled));
    }
}
