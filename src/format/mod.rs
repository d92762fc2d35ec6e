//! Number formatting: Chinese units, full digits and compact English, for
//! exact values (tooltips, tables, labels) and for axis ticks.
//!
//! Everything here is our own code rather than `Intl.NumberFormat`, so every
//! browser engine shows the same text.

pub mod cn_units;
pub mod date;
pub mod decimal;
pub mod shortest;
pub mod unit;

use cn_units::CnUnit;

/// How numbers are written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberStyle {
    /// Chinese units: 7.25万, 1.5亿.
    Cn,
    /// Full digits with grouping: 72,500.
    Full,
    /// Compact English: 72.5K, 150M.
    Compact,
}

impl NumberStyle {
    /// Parses the feed's name for a style.
    pub fn from_name(s: &str) -> Option<NumberStyle> {
        match s {
            "cn" => Some(NumberStyle::Cn),
            "full" => Some(NumberStyle::Full),
            "compact" => Some(NumberStyle::Compact),
            _ => None,
        }
    }
}

/// Decimals that a label's three significant digits may reach after unit scaling.
const LABEL_DECIMALS: u32 = 6;

/// The exact value, as the feed gives it, in the chosen style: every digit the number has,
/// never rounded to some decimals (7.2513万, 34.15384615, 72.513K).
pub fn exact(v: f64, style: NumberStyle) -> String {
    match style {
        NumberStyle::Cn => cn_units::exact(v),
        NumberStyle::Full => shortest::exact(v, 0, true),
        NumberStyle::Compact => {
            let (_, suffix) = compact_unit(v.abs());
            let shift = match suffix {
                "B" => 9,
                "M" => 6,
                "K" => 3,
                _ => 0,
            };
            let mut s = shortest::exact(v, shift, false);
            s.push_str(suffix);
            s
        }
    }
}

/// The value in the chosen style with exactly `decimals` decimals after unit
/// scaling: 72500 with 1 decimal → "7.3万" (cn), "72,500.0" (full), "72.5K" (compact).
pub fn fixed(v: f64, style: NumberStyle, decimals: u32) -> String {
    let (f, suffix) = match style {
        NumberStyle::Cn => {
            let u = CnUnit::for_magnitude(v.abs());
            (u.factor(), u.suffix())
        }
        NumberStyle::Full => (1.0, ""),
        NumberStyle::Compact => compact_unit(v.abs()),
    };
    let mut s = decimal::fixed(v / f, decimals, false, style == NumberStyle::Full);
    s.push_str(suffix);
    s
}

/// The value as a chart's label writes it: at most three significant digits after unit
/// scaling (7.25万, 9.74M, 1.13K, 0.0123), never fewer than its whole digits (5313, 1,925).
pub fn readable(v: f64, style: NumberStyle) -> String {
    // the unit of the rounded value: 999.96 is 1K, not 1000
    let a = v.abs() * 1.0005;
    let (f, suffix) = match style {
        NumberStyle::Cn => {
            let u = CnUnit::for_magnitude(a);
            (u.factor(), u.suffix())
        }
        NumberStyle::Full => (1.0, ""),
        NumberStyle::Compact => compact_unit(a),
    };
    let (mut t, mut d) = ((v / f).abs(), 0);
    while t > 0.0 && t < 99.95 && d < LABEL_DECIMALS {
        t *= 10.0;
        d += 1;
    }
    let mut s = decimal::fixed(v / f, d, true, style == NumberStyle::Full);
    s.push_str(suffix);
    s
}

/// The value as a tooltip and the table write it: every digit, grouped (72,500) in the full and
/// compact styles, in 万 and 亿 in the Chinese style (7.2513万), as the feed gives it.
pub fn exact_grouped(v: f64, style: NumberStyle) -> String {
    match style {
        NumberStyle::Cn => exact(v, style),
        _ => shortest::exact(v, 0, true),
    }
}

fn compact_unit(a: f64) -> (f64, &'static str) {
    if a >= 1e9 {
        (1e9, "B")
    } else if a >= 1e6 {
        (1e6, "M")
    } else if a >= 1e3 {
        (1e3, "K")
    } else {
        (1.0, "")
    }
}

/// The texts one after another: what `format!("{}…{}", a, b)` would give, without `core::fmt`
/// (its machinery and each call's argument tables cost wasm bytes).
pub fn cat(parts: &[&str]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push_str(p);
    }
    s
}

/// How many characters `s` has: `s.chars().count()`, one byte at a time (std's version is an
/// unrolled, word-at-a-time count of ~1 KB of wasm; the texts counted here are labels and lines).
pub fn char_count(s: &str) -> usize {
    // every byte but UTF-8's continuation bytes (0b10xx_xxxx) starts a character
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// A whole number's digits, with a minus sign when negative (no `core::fmt`).
pub fn int(n: i64) -> String {
    let mut s = String::new();
    if n < 0 {
        s.push('-');
    }
    crate::digits::push_u64(&mut s, n.unsigned_abs());
    s
}

/// A percentage with two decimals at most: 107.0695… → "107.07%".
pub fn percent(p: f64) -> String {
    let mut s = decimal::fixed(p, 2, true, false);
    s.push('%');
    s
}

/// Formats a set of axis ticks that share one step: one unit for all of them,
/// and just enough decimals to tell neighbours apart.
pub struct TickFormat {
    style: NumberStyle,
    factor: f64,
    suffix: &'static str,
    decimals: u32,
}

impl TickFormat {
    /// Chooses unit and decimals for ticks up to magnitude `max_abs`, `step` apart.
    pub fn new(style: NumberStyle, max_abs: f64, step: f64) -> TickFormat {
        let (factor, suffix) = match style {
            NumberStyle::Cn => {
                let u = CnUnit::for_magnitude(max_abs);
                (u.factor(), u.suffix())
            }
            NumberStyle::Full => (1.0, ""),
            NumberStyle::Compact => compact_unit(max_abs),
        };
        let decimals = if step > 0.0 && step.is_finite() {
            decimal::shortest_decimals(step / factor, 6)
        } else {
            0
        };
        TickFormat { style, factor, suffix, decimals }
    }

    /// The text of one tick.
    pub fn format(&self, v: f64) -> String {
        if v == 0.0 {
            return "0".to_string();
        }
        let group = self.style == NumberStyle::Full;
        let mut s = decimal::fixed(v / self.factor, self.decimals, true, group);
        s.push_str(self.suffix);
        s
    }
}
