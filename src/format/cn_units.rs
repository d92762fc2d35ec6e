//! Chinese large-number units: 万 (10^4) and 亿 (10^8), as readers of a Chinese
//! paper expect them: 7.25万人, 1.5亿元.

/// The unit a value is written in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CnUnit {
    /// Plain digits, below 1万.
    One,
    /// 万 = 10^4.
    Wan,
    /// 亿 = 10^8.
    Yi,
}

impl CnUnit {
    /// The unit for a magnitude: 万 from 10^4, 亿 from 10^8.
    pub fn for_magnitude(a: f64) -> CnUnit {
        if a >= 1e8 {
            CnUnit::Yi
        } else if a >= 1e4 {
            CnUnit::Wan
        } else {
            CnUnit::One
        }
    }

    /// How many ones one of this unit holds.
    pub fn factor(self) -> f64 {
        match self {
            CnUnit::One => 1.0,
            CnUnit::Wan => 1e4,
            CnUnit::Yi => 1e8,
        }
    }

    /// The character written after the number.
    pub fn suffix(self) -> &'static str {
        match self {
            CnUnit::One => "",
            CnUnit::Wan => "万",
            CnUnit::Yi => "亿",
        }
    }
}

/// The exact value in Chinese units: 72500 → "7.25万", 72513 → "7.2513万", 150000000 →
/// "1.5亿", 5313 → "5313". The feed's digits with the decimal point moved, never rounded, so
/// that the reader sees the feed's number.
pub fn exact(v: f64) -> String {
    let unit = CnUnit::for_magnitude(v.abs());
    let shift = match unit {
        CnUnit::One => 0,
        CnUnit::Wan => 4,
        CnUnit::Yi => 8,
    };
    let mut s = super::shortest::exact(v, shift, false);
    s.push_str(unit.suffix());
    s
}
