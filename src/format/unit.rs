//! What a dataset's unit says about how its numbers are written: a unit that carries a scale
//! (`thousand jobs`, `$m`, `万元`) means the numbers are already in that scale, so they are
//! written in full digits (`1,131 thousand`, never `1.131K thousand`); a currency symbol goes
//! before the number in English (`$1,925`, never `1,925$`).

/// Currency symbols written before the number. `¥` is one in English only: a Chinese feed keeps
/// its unit after the number, as 元 is.
const PREFIXES: [&str; 8] = ["US$", "HK$", "A$", "C$", "$", "€", "£", "¥"];

/// Scale words and abbreviations a unit may start with (lower case), English then Chinese.
const SCALES: [&str; 14] = ["thousand", "million", "billion", "trillion", "k", "m", "mn", "mln", "bn", "b", "tn", "万", "亿", "千万"];

/// The currency symbol a unit starts with, when the number takes it in front, and the rest
/// of the unit (trimmed): `$m` → (`$`, `m`), `€` → (`€`, ``). `None` for other units.
pub fn currency(unit: &str, zh: bool) -> Option<(&'static str, &str)> {
    let p = PREFIXES.iter().find(|p| unit.starts_with(**p))?;
    if zh && *p == "¥" {
        return None;
    }
    Some((p, unit[p.len()..].trim()))
}

/// Whether the unit says the numbers are already scaled: it starts with a scale word
/// (`thousand jobs`, `millions`, `bn`, `$m`, `万元`, `亿元`). `m` alone counts only after a
/// currency symbol (by itself it is metres).
pub fn has_scale(unit: &str, zh: bool) -> bool {
    let (rest, money) = match currency(unit, zh) {
        Some((_, rest)) => (rest, true),
        None => (unit.trim(), false),
    };
    let lower = rest.to_ascii_lowercase();
    SCALES.iter().any(|s| {
        let Some(after) = lower.strip_prefix(s) else { return false };
        let cjk = !s.is_ascii();
        let short = s.len() <= 3 && s.is_ascii();
        // a word ends there (thousand jobs, thousands, bn); short abbreviations stand alone
        let ends = match after.chars().next() {
            None => true,
            Some(c) if cjk => c != '分', // 万分之… is a ratio, not a scale
            Some(c) => !c.is_ascii_alphanumeric() || (!short && c == 's'),
        };
        ends && (money || cjk || !short || matches!(*s, "bn" | "mn" | "mln" | "tn"))
    })
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
