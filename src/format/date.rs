//! Dates for time axes: ISO dates (2022, 2022-03, 2022-03-15) to days since
//! 1970-01-01 and back, and tick texts in Chinese or English.

use super::{cat, int};

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    /// Year.
    pub y: i32,
    /// Month, 1–12.
    pub m: u32,
    /// Day, 1–31.
    pub d: u32,
}

/// How precisely a feed wrote a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// A year: 2022.
    Year,
    /// A month: 2022-03.
    Month,
    /// A day: 2022-03-15.
    Day,
}

/// The largest year of a date (the JSON Schema's date rules say the same: `feed::spec`).
pub const MAX_YEAR: u32 = 9999;
/// The most digits of a date's year, month or day (`2022-003-0015` is 15 March 2022).
pub const DATE_PART_DIGITS: usize = 4;

fn num(s: &str, min: u32, max: u32) -> Option<u32> {
    if s.is_empty() || s.len() > DATE_PART_DIGITS || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = s.parse().ok()?;
    (min..=max).contains(&n).then_some(n)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse(s: &str) -> Option<(Ymd, Precision)> {
    let mut parts = s.trim().split('-');
    let y = num(parts.next()?, 1, MAX_YEAR)? as i32;
    let (m, p) = match parts.next() {
        None => return Some((Ymd { y, m: 1, d: 1 }, Precision::Year)),
        Some(m) => (num(m, 1, 12)?, Precision::Month),
    };
    let (d, p) = match parts.next() {
        None => (1, p),
        Some(d) => (num(d, 1, days_in_month(y, m))?, Precision::Day),
    };
    if parts.next().is_some() {
        return None;
    }
    Some((Ymd { y, m, d }, p))
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
pub fn to_days(t: Ymd) -> i64 {
    let y = t.y as i64 - if t.m <= 2 { 1 } else { 0 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = t.m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + t.d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day number.
pub fn from_days(z: i64) -> Ymd {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Ymd { y: (y + if m <= 2 { 1 } else { 0 }) as i32, m, d }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The English name of month `m` (1–12).
fn month(m: u32) -> &'static str {
    MONTHS[(m as usize + 11) % 12]
}

/// A date written for readers at a precision: 2022年3月 / Mar 2022.
pub fn label(t: Ymd, p: Precision, zh: bool) -> String {
    let (y, m, d) = (int(t.y as i64), int(t.m as i64), int(t.d as i64));
    match (p, zh) {
        (Precision::Year, true) => cat(&[&y, "年"]),
        (Precision::Year, false) => y,
        (Precision::Month, true) => cat(&[&y, "年", &m, "月"]),
        (Precision::Month, false) => cat(&[month(t.m), " ", &y]),
        (Precision::Day, true) => cat(&[&y, "年", &m, "月", &d, "日"]),
        (Precision::Day, false) => cat(&[&d, " ", month(t.m), " ", &y]),
    }
}

/// Ticks for a time axis from `lo` to `hi` (days), about `count` of them, on
/// year, month or day boundaries; each with its text.
pub fn ticks(lo: f64, hi: f64, count: usize, zh: bool) -> Vec<(f64, String)> {
    let span = (hi - lo).max(1.0);
    let count = count.max(2) as f64;
    let (a, b) = (from_days(lo.floor() as i64), from_days(hi.ceil() as i64));
    let mut out = Vec::new();
    if span / 365.25 >= count * 0.8 {
        let step = [1, 2, 5, 10, 20, 50, 100].into_iter().find(|s| span / 365.25 / *s as f64 <= count).unwrap_or(100);
        let mut y = a.y + (step - a.y.rem_euclid(step)) % step;
        while y <= b.y && out.len() < 200 {
            let d = to_days(Ymd { y, m: 1, d: 1 }) as f64;
            if d >= lo && d <= hi {
                out.push((d, label(Ymd { y, m: 1, d: 1 }, Precision::Year, zh)));
            }
            y += step;
        }
    } else if span / 30.44 >= count * 0.8 {
        let step = [1, 2, 3, 6].into_iter().find(|s| span / 30.44 / *s as f64 <= count).unwrap_or(6) as i32;
        let mut k = a.y * 12 + a.m as i32 - 1;
        k += (step - k.rem_euclid(step)) % step;
        let end = b.y * 12 + b.m as i32 - 1;
        while k <= end && out.len() < 200 {
            let t = Ymd { y: k.div_euclid(12), m: (k.rem_euclid(12) + 1) as u32, d: 1 };
            let d = to_days(t) as f64;
            if d >= lo && d <= hi {
                // the first tick of a year names the year; the rest only the month
                let text = if t.m == 1 || out.is_empty() {
                    label(t, Precision::Month, zh)
                } else if zh {
                    cat(&[&int(t.m as i64), "月"])
                } else {
                    month(t.m).to_string()
                };
                out.push((d, text));
            }
            k += step;
        }
    } else {
        let step = [1, 2, 7, 14].into_iter().find(|s| span / *s as f64 <= count).unwrap_or(14);
        let mut d = lo.ceil() as i64;
        while d as f64 <= hi && out.len() < 200 {
            out.push((d as f64, label(from_days(d), Precision::Day, zh)));
            d += step;
        }
    }
    out
}
