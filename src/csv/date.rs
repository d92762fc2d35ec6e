//! A category → an ISO date, when it is one: `2022`, `2022-03`, `2022-03-15`,
//! `2022/3/15`, `2022.03`, `2022年`, `2022年3月`, `2022年3月15日`, `Mar 3 2023`,
//! `Mar 3, 2023`, `3 March 2023`, `March 2023`; a midnight time after the day
//! (`2022/3/15 0:00`, `2006-01-01T00:00:00Z`, as spreadsheets export dates) is
//! dropped. Day and month in `3/15/2023` (US) or `15/3/2023` (European) are
//! decided for a whole column by [`column()`]. Quarters (`2023Q1`, `2023-Q1`,
//! `Q1 2023`, `2023年一季度`) are recognised by [`quarter`]; the feed has no
//! quarter dates, so they stay ordered categories.

use super::number::{is_missing, narrow};

/// The order of day, month and year in a date written with slashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Month first, as in the US: 3/15/2023.
    Mdy,
    /// Day first, as in most of Europe: 15/3/2023.
    Dmy,
    /// Year first: 2023/3/15 (read without asking).
    Ymd,
}

impl Order {
    /// `mdy`, `dmy` or `ymd`.
    pub fn from_name(s: &str) -> Option<Order> {
        match s.trim().to_ascii_lowercase().as_str() {
            "mdy" => Some(Order::Mdy),
            "dmy" => Some(Order::Dmy),
            "ymd" => Some(Order::Ymd),
            _ => None,
        }
    }

    /// The option's name.
    pub fn name(self) -> &'static str {
        match self {
            Order::Mdy => "mdy",
            Order::Dmy => "dmy",
            Order::Ymd => "ymd",
        }
    }
}

/// A column read as time.
#[derive(Clone, Debug, PartialEq)]
pub struct DateColumn {
    /// The ISO date of each cell, `None` for a missing value; empty for quarters.
    pub iso: Vec<Option<String>>,
    /// True when the cells are quarters: categories in their order, not dates.
    pub quarters: bool,
    /// The day/month order used for slash dates, when the column has any.
    pub order: Option<Order>,
    /// True when no value told the order (every day ≤ 12) and none was given.
    pub ambiguous: bool,
}

/// Reads a whole column as dates or quarters; `None` when any non-missing cell is
/// neither. `order` is the caller's `--date-order`; without it the order of
/// slash dates comes from the values (a first part above 12 is a day).
pub fn column(cells: &[&str], order: Option<Order>) -> Option<DateColumn> {
    let present: Vec<&str> = cells.iter().copied().filter(|c| !is_missing(&narrow(c))).collect();
    if present.is_empty() {
        return None;
    }
    if present.iter().all(|c| quarter(c).is_some()) {
        return Some(DateColumn { iso: Vec::new(), quarters: true, order: None, ambiguous: false });
    }
    let mut slashed = Vec::new();
    for c in &present {
        if parse(c).is_none() {
            slashed.push(slash(c)?);
        }
    }
    let (order, ambiguous) = match order {
        Some(o) => (Some(o), false),
        None if slashed.is_empty() => (None, false),
        None => {
            let day_first = slashed.iter().any(|&(a, _, _)| a > 12);
            let month_first = slashed.iter().any(|&(_, b, _)| b > 12);
            match (day_first, month_first) {
                (true, true) => return None,
                (true, false) => (Some(Order::Dmy), false),
                (false, true) => (Some(Order::Mdy), false),
                (false, false) => (Some(Order::Mdy), true),
            }
        }
    };
    let mut iso = Vec::with_capacity(cells.len());
    for c in cells {
        if is_missing(&narrow(c)) {
            iso.push(None);
            continue;
        }
        let d = match parse(c) {
            Some(d) => d,
            None => {
                let (a, b, y) = slash(c)?;
                let (m, d) = match order? {
                    Order::Mdy => (a, b),
                    Order::Dmy => (b, a),
                    Order::Ymd => return None,
                };
                ymd(y, m, d)?
            }
        };
        iso.push(Some(d));
    }
    Some(DateColumn { iso, quarters: false, order, ambiguous })
}

/// True for a date with a time of day (`2010-01-01T01:00:00`, `2023/3/15 14:30`):
/// the feed's dates have no time, so such a column stays categories, evenly spaced.
pub fn is_datetime(s: &str) -> bool {
    s.trim().split_once(['T', ' ']).is_some_and(|(d, t)| t.contains(':') && parse(d).is_some())
}

/// `3/15/2023`, `15.3.2023`, `15-03-2023` → (3, 15, 2023): two parts of one or
/// two digits, then a four-digit year.
fn slash(s: &str) -> Option<(u32, u32, u32)> {
    let t = narrow(strip_midnight(s)?);
    let sep = t.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = t.split(sep).collect();
    let [a, b, y] = parts[..] else { return None };
    let num = |p: &str, max: usize| (!p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok()).flatten();
    let (a, b) = (num(a, 2)?, num(b, 2)?);
    let y = num(y, 4).filter(|_| y.len() == 4)?;
    (1000..=2999).contains(&y).then_some((a, b, y))
}

fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then(|| format!("{:04}-{:02}-{:02}", year, month, day))
}

/// The month a name or its abbreviation stands for: `Mar`, `March`, `Sept`.
fn month_name(s: &str) -> Option<u32> {
    const NAMES: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    if l.len() < 3 {
        return None;
    }
    if l == "sept" {
        return Some(9);
    }
    NAMES.iter().position(|n| *n == l || (l.len() == 3 && n.starts_with(&l))).map(|i| i as u32 + 1)
}

/// `Mar 3 2023`, `Mar 3, 2023`, `3 March 2023`, `3-Mar-2023`, `March 2023`.
fn with_month_name(s: &str) -> Option<String> {
    let s = s.trim();
    let s = match s.rsplit_once(' ') {
        Some((date, time)) if time.contains(':') => is_midnight(time).then_some(date)?,
        _ => s,
    };
    if !s.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let words: Vec<&str> = s.split([' ', ',', '-', '/']).filter(|w| !w.is_empty()).collect();
    let day = |w: &str| (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse::<u32>().ok()).flatten();
    let year = |w: &str| (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse::<u32>().ok()).flatten().filter(|y| (1000..=2999).contains(y));
    match words[..] {
        [m, y] => Some(format!("{:04}-{:02}", year(y)?, month_name(m)?)),
        [m, d, y] if month_name(m).is_some() => ymd(year(y)?, month_name(m)?, day(d)?),
        [d, m, y] => ymd(year(y)?, month_name(m)?, day(d)?),
        _ => None,
    }
}

/// A quarter: `2023Q1`, `2023-Q1`, `2023 Q1`, `Q1 2023`, `2023年一季度`,
/// `2023年第1季度` → (2023, 1).
pub fn quarter(s: &str) -> Option<(u32, u32)> {
    let t = narrow(s).to_ascii_uppercase();
    let year = |p: &str| (p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok()).flatten();
    let q = |p: &str| match p {
        "1" | "一" => Some(1),
        "2" | "二" => Some(2),
        "3" | "三" => Some(3),
        "4" | "四" => Some(4),
        _ => None,
    };
    if let Some(rest) = t.strip_prefix('Q') {
        // Q1 2023, Q1-2023
        let (n, y) = rest.split_at_checked(1)?;
        return Some((year(y.trim_start_matches(['-', '/']))?, q(n)?));
    }
    let (y, rest) = t.split_at_checked(4)?;
    let y = year(y)?;
    if let Some(n) = rest.trim_start_matches(['-', '/']).strip_prefix('Q') {
        return Some((y, q(n)?));
    }
    let rest = rest.strip_prefix('年')?;
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let n = rest.strip_suffix("季度").or_else(|| rest.strip_suffix('季'))?;
    Some((y, q(n)?))
}

/// Reads `s` as a date whose form says which part is which: `Some("2022-03")`
/// for `2022年3月`, `Some("2000-01-01")` for `Jan 1 2000`. Slash dates with the
/// year last need the column's order: see [`column()`].
pub fn parse(s: &str) -> Option<String> {
    if let Some(d) = with_month_name(s) {
        return Some(d);
    }
    let t = narrow(strip_midnight(s)?);
    let b = t.as_bytes();
    let (year, mut i) = digits(b, 0)?;
    if i != 4 || !(1000..=2999).contains(&year) {
        return None;
    }
    // 2022 or 2022年
    if i == b.len() {
        return Some(format!("{:04}", year));
    }
    let chinese = t[i..].starts_with('年');
    let sep = if chinese {
        i += '年'.len_utf8();
        if i == b.len() {
            return Some(format!("{:04}", year));
        }
        None
    } else {
        let c = b[i];
        if !matches!(c, b'-' | b'/' | b'.') {
            return None;
        }
        i += 1;
        Some(c)
    };
    let start = i;
    let (month, end) = digits(b, i)?;
    if end - start > 2 || !(1..=12).contains(&month) {
        return None;
    }
    i = end;
    if chinese {
        if !t[i..].starts_with('月') {
            return None;
        }
        i += '月'.len_utf8();
    }
    if i == b.len() {
        return Some(format!("{:04}-{:02}", year, month));
    }
    match sep {
        Some(c) if b[i] == c => i += 1,
        Some(_) => return None,
        None => {}
    }
    let start = i;
    let (day, end) = digits(b, i)?;
    if end - start > 2 || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    i = end;
    if chinese {
        if t[i..].starts_with('日') {
            i += '日'.len_utf8();
        } else if t[i..].starts_with('号') {
            i += '号'.len_utf8();
        } else {
            return None;
        }
    }
    (i == b.len()).then(|| format!("{:04}-{:02}-{:02}", year, month, day))
}

/// `2022/3/15 0:00`, `2006-01-01T00:00:00.000Z` → the date part; a date with
/// any other time is not a category date.
fn strip_midnight(s: &str) -> Option<&str> {
    let s = s.trim();
    match s.split_once([' ', 'T']) {
        None => Some(s),
        Some((date, time)) => {
            is_midnight(time).then_some(date)
        }
    }
}

fn is_midnight(time: &str) -> bool {
    let time = time.trim().trim_end_matches('Z');
    matches!(time, "0:00" | "00:00" | "0:00:00" | "00:00:00" | "00:00:00.000" | "0:00:00.000")
}

fn digits(b: &[u8], from: usize) -> Option<(u32, usize)> {
    let mut i = from;
    let mut v: u32 = 0;
    while i < b.len() && b[i].is_ascii_digit() && i - from < 4 {
        v = v * 10 + (b[i] - b'0') as u32;
        i += 1;
    }
    (i > from && !(i < b.len() && b[i].is_ascii_digit())).then_some((v, i))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        _ => 28,
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn dates_people_write() {
        for (s, iso) in [
            ("2022", "2022"),
            ("2022年", "2022"),
            ("2022-03", "2022-03"),
            ("2022/3", "2022-03"),
            ("2022.03", "2022-03"),
            ("2022年3月", "2022-03"),
            ("2022-03-15", "2022-03-15"),
            ("2022/3/15", "2022-03-15"),
            ("2022年3月15日", "2022-03-15"),
            ("２０２２年３月", "2022-03"),
            ("2024-02-29", "2024-02-29"),
            ("2022/3/15 0:00", "2022-03-15"),
            ("2022/3/10 0:00", "2022-03-10"),
            ("2022/3/1 00:00", "2022-03-01"),
            ("2006-01-01T00:00:00.000Z", "2006-01-01"),
        ] {
            assert_eq!(parse(s).as_deref(), Some(iso), "{}", s);
        }
    }

    #[test]
    fn month_names() {
        for (s, iso) in [
            ("Jan 1 2000", "2000-01-01"),
            ("Mar 3, 2023", "2023-03-03"),
            ("March 3 2023", "2023-03-03"),
            ("3 March 2023", "2023-03-03"),
            ("3-Mar-2023", "2023-03-03"),
            ("March 2023", "2023-03"),
            ("Sept 2023", "2023-09"),
        ] {
            assert_eq!(parse(s).as_deref(), Some(iso), "{}", s);
        }
        for s in ["Mar 32 2023", "Feb 29 2023", "Marc 3 2023", "May", "3 Ma 2023"] {
            assert_eq!(parse(s), None, "{}", s);
        }
    }

    #[test]
    fn day_and_month_order_comes_from_the_column() {
        let us = super::column(&["3/1/2023", "3/15/2023", ""], None).unwrap();
        assert_eq!(us.iso, [Some("2023-03-01".to_string()), Some("2023-03-15".to_string()), None]);
        assert_eq!((us.order, us.ambiguous), (Some(super::Order::Mdy), false));
        let eu = super::column(&["1/3/2023", "15/3/2023"], None).unwrap();
        assert_eq!(eu.iso[0].as_deref(), Some("2023-03-01"));
        assert_eq!((eu.order, eu.ambiguous), (Some(super::Order::Dmy), false));
        let unsure = super::column(&["1/3/2023", "2/3/2023"], None).unwrap();
        assert!(unsure.ambiguous);
        let told = super::column(&["1/3/2023", "2/3/2023"], Some(super::Order::Dmy)).unwrap();
        assert_eq!((told.iso[1].as_deref(), told.ambiguous), (Some("2023-03-02"), false));
        assert_eq!(super::column(&["13/1/2023", "1/13/2023"], None), None);
        assert_eq!(super::column(&["3/15/2023", "rain"], None), None);
    }

    #[test]
    fn date_times() {
        assert!(super::is_datetime("2010-01-01T01:00:00"));
        assert!(super::is_datetime("2023/3/15 14:30"));
        assert!(!super::is_datetime("2023-03-15"));
        assert!(!super::is_datetime("rain T 12:00"));
    }

    #[test]
    fn quarters() {
        for s in ["2023Q1", "2023-Q1", "2023 Q1", "Q1 2023", "q1 2023", "2023年一季度", "2023年第一季度", "2023年1季度"] {
            assert_eq!(super::quarter(s), Some((2023, 1)), "{}", s);
        }
        for s in ["2023Q5", "2023", "Q 2023", "2023年五季度"] {
            assert_eq!(super::quarter(s), None, "{}", s);
        }
        assert!(super::column(&["2023Q1", "2023Q2"], None).unwrap().quarters);
    }

    #[test]
    fn what_is_not_a_date() {
        for s in ["", "醴陵市", "22", "20220", "2022-13", "2023-02-29", "2022-3/15", "2022年13月", "3/15/2022", "2022-03-15 14:30", "100", "2022Q1", "2022年3"] {
            assert_eq!(parse(s), None, "{}", s);
        }
    }
}
