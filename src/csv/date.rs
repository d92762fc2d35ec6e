//! A category → an ISO date, when it is one: `2022`, `2022-03`, `2022-03-15`,
//! `2022/3/15`, `2022.03`, `2022年`, `2022年3月`, `2022年3月15日`; a midnight time
//! after the day (`2022/3/15 0:00`, `2006-01-01T00:00:00Z`, as spreadsheets
//! export dates) is dropped.

use super::number::narrow;

/// Reads `s` as a date: `Some("2022-03")` for `2022年3月`.
pub fn parse(s: &str) -> Option<String> {
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
            let time = time.trim().trim_end_matches('Z');
            matches!(time, "0:00" | "00:00" | "0:00:00" | "00:00:00" | "00:00:00.000" | "0:00:00.000").then_some(date)
        }
    }
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
    fn what_is_not_a_date() {
        for s in ["", "醴陵市", "22", "20220", "2022-13", "2023-02-29", "2022-3/15", "2022年13月", "3/15/2022", "2022-03-15 14:30", "100", "2022Q1", "2022年3"] {
            assert_eq!(parse(s), None, "{}", s);
        }
    }
}
