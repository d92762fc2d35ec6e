//! Units: the Chinese multipliers written after a number (万, 亿 …), a unit
//! after them (人, 户, 元 …), and a unit given once in a column header:
//! `就业人数（万人）`, `增速(%)`, `金额（单位：亿元）`.

/// Chinese multipliers, longest first, with their power of ten.
const MULTIPLIERS: [(&str, i32); 6] = [("万亿", 12), ("千万", 7), ("百万", 6), ("亿", 8), ("万", 4), ("千", 3)];

/// Units that begin with 千 but are units of their own, not "thousand …".
const KILO_UNITS: [&str; 8] = ["千米", "千克", "千瓦", "千伏", "千帕", "千卡", "千焦", "千字"];

/// Units recognised in a header's brackets without a multiplier or `单位：`;
/// anything else in brackets, such as `（预计）`, stays part of the name.
const HEADER_UNITS: [&str; 36] = [
    "%", "‰", "人", "人次", "万人", "户", "元", "美元", "个", "家", "所", "座", "辆", "台", "套", "件", "次", "项",
    "亩", "公顷", "吨", "公斤", "千克", "克", "米", "公里", "千米", "平方米", "平方公里", "千瓦时", "度", "岁", "天",
    "小时", "年", "元/吨",
];

/// Longest unit accepted after a number, in characters.
const MAX_UNIT_CHARS: usize = 8;

/// Splits a leading multiplier off `s`: `("万", 4, "人")` for `万人`.
pub fn split_multiplier(s: &str) -> (i32, &str) {
    if KILO_UNITS.iter().any(|k| s.starts_with(k)) {
        return (0, s);
    }
    for (m, p) in MULTIPLIERS {
        if let Some(rest) = s.strip_prefix(m) {
            return (p, rest);
        }
    }
    (0, s)
}

/// True when `s` can be a unit: short, without digits, signs or separators.
pub fn is_unit(s: &str) -> bool {
    let n = s.chars().count();
    n > 0 && n <= MAX_UNIT_CHARS && s.chars().all(|c| c.is_alphabetic() || matches!(c, '%' | '‰' | '/' | '²' | '³' | '°' | '℃' | '·'))
        && (!s.contains('%') || s == "%")
        && (!s.contains('‰') || s == "‰")
}

/// A unit declared in a column header.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderUnit {
    /// The header without its bracketed unit: the series name.
    pub name: String,
    /// The power of ten the column's plain numbers are multiplied by (万元 → 4).
    pub power: i32,
    /// The unit after the multiplier (元), possibly empty (`（万）`).
    pub unit: String,
    /// The unit as the header writes it, multiplier and all: `万元`, `$m`.
    pub written: String,
}

/// Reads a bracketed unit at the end of a header: `就业人数（万人）` →
/// name 就业人数, ×10⁴, 人. `None` when the brackets hold something else.
pub fn header_unit(header: &str) -> Option<HeaderUnit> {
    let h = header.trim_end();
    let (close, open) = if h.ends_with('）') {
        ('）', '（')
    } else if h.ends_with(')') {
        (')', '(')
    } else {
        return None;
    };
    let body_end = h.len() - close.len_utf8();
    // the matching opening bracket, either width (Excel users mix them)
    let start = h[..body_end].rfind([open, '（', '('])?;
    let opener = h[start..].chars().next()?;
    let inside = h[start + opener.len_utf8()..body_end].trim();
    let name = h[..start].trim_end();
    if name.is_empty() {
        return None;
    }
    let mut declared = false;
    let mut body = inside;
    for prefix in ["单位：", "单位:", "unit:", "Unit:", "units:", "Units:"] {
        if let Some(rest) = body.strip_prefix(prefix) {
            body = rest.trim();
            declared = true;
        }
    }
    if let Some(h) = latin_header_unit(name, body) {
        return Some(h);
    }
    let (power, unit) = split_multiplier(body);
    let known = HEADER_UNITS.contains(&body);
    if !(declared || power > 0 || known) {
        return None;
    }
    if !unit.is_empty() && !is_unit(unit) {
        return None;
    }
    if power == 0 && unit.is_empty() {
        return None;
    }
    Some(HeaderUnit { name: name.to_string(), power, unit: unit.to_string(), written: body.to_string() })
}

/// A unit a line above the table declares for all its columns: `单位：亿元`,
/// `Unit: $m`. Read as a header's brackets would be.
pub fn table_unit(line: &str) -> Option<HeaderUnit> {
    let t = line.trim();
    let lower = t.to_lowercase();
    let body = ["单位：", "单位:", "unit:", "units:"].iter().find_map(|p| lower.starts_with(p).then(|| t[p.len()..].trim()))?;
    if body.is_empty() {
        return None;
    }
    header_unit(&format!("x（单位：{}）", body))
}

/// An English unit in a header's brackets: `Amount ($m)`, `Sales (€bn)`,
/// `GDP (USD billions)`, `Population (thousands)`, `Price ($)`, `Share (%)`.
fn latin_header_unit(name: &str, body: &str) -> Option<HeaderUnit> {
    let b = body.trim();
    let (currency, rest) = match ["US$", "$", "€", "£", "¥", "USD", "EUR", "GBP", "CNY", "RMB"].iter().find(|c| b.starts_with(*c)) {
        Some(c) => {
            let unit = match *c {
                "US$" | "$" | "USD" => "$",
                "€" | "EUR" => "€",
                "£" | "GBP" => "£",
                _ => "元",
            };
            (Some(unit), b[c.len()..].trim())
        }
        None => (None, b),
    };
    let power = match rest.to_ascii_lowercase().as_str() {
        "" => 0,
        "k" | "000s" | "'000" | "thousand" | "thousands" => 3,
        "m" | "mn" | "mil" | "million" | "millions" => 6,
        "bn" | "b" | "billion" | "billions" => 9,
        "tn" | "trillion" | "trillions" => 12,
        _ => return None,
    };
    if currency.is_none() && power == 0 {
        return None;
    }
    Some(HeaderUnit { name: name.to_string(), power, unit: currency.unwrap_or("").to_string(), written: b.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipliers_and_kilo_units() {
        assert_eq!(split_multiplier("万人"), (4, "人"));
        assert_eq!(split_multiplier("亿元"), (8, "元"));
        assert_eq!(split_multiplier("万亿元"), (12, "元"));
        assert_eq!(split_multiplier("千米"), (0, "千米"));
        assert_eq!(split_multiplier("户"), (0, "户"));
    }

    #[test]
    fn header_units() {
        let h = header_unit("就业人数（万人）").unwrap();
        assert_eq!((h.name.as_str(), h.power, h.unit.as_str()), ("就业人数", 4, "人"));
        let h = header_unit("增速(%)").unwrap();
        assert_eq!((h.name.as_str(), h.power, h.unit.as_str()), ("增速", 0, "%"));
        let h = header_unit("金额 (单位：亿元)").unwrap();
        assert_eq!((h.name.as_str(), h.power, h.unit.as_str()), ("金额", 8, "元"));
        assert_eq!(header_unit("2023年（预计）"), None);
        assert_eq!(header_unit("（万人）"), None);
        assert_eq!(header_unit("nonfarm"), None);
        let h = header_unit("Amount ($m)").unwrap();
        assert_eq!((h.name.as_str(), h.power, h.unit.as_str()), ("Amount", 6, "$"));
        let h = header_unit("Sales (€bn)").unwrap();
        assert_eq!((h.name.as_str(), h.power, h.unit.as_str()), ("Sales", 9, "€"));
        let h = header_unit("Population (thousands)").unwrap();
        assert_eq!((h.name.as_str(), h.power, h.unit.as_str()), ("Population", 3, ""));
        let h = header_unit("金额（万元）").unwrap();
        assert_eq!((h.name.as_str(), h.power, h.unit.as_str()), ("金额", 4, "元"));
        assert_eq!(header_unit("Sales (Europe)"), None);
        let t = table_unit("单位：亿元").unwrap();
        assert_eq!((t.power, t.unit.as_str()), (8, "元"));
        let t = table_unit("Unit: $m").unwrap();
        assert_eq!((t.power, t.unit.as_str()), (6, "$"));
        assert_eq!(table_unit("表1 单位情况"), None);
    }
}
