//! What a dataset's unit says about how its numbers are written: a unit that carries a scale
//! (`thousand jobs`, `$m`, `万元`) means the numbers are already in that scale, so they are
//! written in full digits (`1,131 thousand`, never `1.131K thousand`); a currency symbol goes
//! before the number in English (`$1,925`, never `1,925$`).

/// Currency symbols written before the number. `¥` is one in English only: a Chinese feed keeps
/// its unit after the number, as 元 is.
const PREFIXES: [&str; 8] = ["US$", "HK$", "A$", "C$", "$", "€", "£", "¥"];

/// The currency symbol a unit starts with, when the number takes it in front, and the rest
/// of the unit (trimmed): `$m` → (`$`, `m`), `€` → (`€`, ``). `None` for other units.
pub fn currency(unit: &str, zh: bool) -> Option<(&'static str, &str)> {
    for p in PREFIXES {
        if let Some(rest) = unit.strip_prefix(p) {
            return if zh && p == "¥" { None } else { Some((p, rest.trim())) };
        }
    }
    None
}

/// Scale words a unit may start with: the word, and 1 when a plural `s` may follow, 2 when it
/// counts only after a currency symbol (`k`, `m`, `b` alone are kilo-, metres, bytes).
const SCALES: [(&str, u8); 11] =
    [("thousand", 1), ("million", 1), ("billion", 1), ("trillion", 1), ("bn", 0), ("mn", 0), ("mln", 0), ("tn", 0), ("k", 2), ("m", 2), ("b", 2)];

/// Whether the unit says the numbers are already scaled: it starts with a scale word
/// (`thousand jobs`, `millions`, `bn`, `$m`, `万元`, `亿元`, but not `万分之`, a ratio).
pub fn has_scale(unit: &str, zh: bool) -> bool {
    let (rest, money) = match currency(unit, zh) {
        Some((_, rest)) => (rest, true),
        None => (unit.trim(), false),
    };
    if rest.starts_with('万') || rest.starts_with('亿') {
        return rest.get(3..).is_some_and(|after| !after.starts_with('分'));
    }
    let b = rest.as_bytes();
    let mut n = 0;
    while n < b.len() && b[n].is_ascii_alphabetic() {
        n += 1;
    }
    for (w, flag) in SCALES {
        let w = w.as_bytes();
        let len = if flag == 1 && n == w.len() + 1 && b[w.len()] | 32 == b's' { n - 1 } else { n };
        if len == w.len() && b[..len].eq_ignore_ascii_case(w) && (flag != 2 || money) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{currency, has_scale};

    #[test]
    fn scales() {
        for u in ["thousand", "thousand jobs", "Thousands", "millions of people", "bn", "$m", "$ million", "£bn", "万元", "亿元", "万人"] {
            assert!(has_scale(u, u.is_ascii()), "{u}");
        }
        for u in ["", "people", "m", "km", "k€", "%", "元", "人", "mm", "thousandth", "$", "milligrams"] {
            assert!(!has_scale(u, false), "{u}");
        }
    }

    #[test]
    fn currencies() {
        assert_eq!(currency("$", false), Some(("$", "")));
        assert_eq!(currency("$m", false), Some(("$", "m")));
        assert_eq!(currency("US$ million", false), Some(("US$", "million")));
        assert_eq!(currency("¥", false), Some(("¥", "")));
        assert_eq!(currency("¥", true), None);
        assert_eq!(currency("元", true), None);
        assert_eq!(currency("people", false), None);
    }
}
