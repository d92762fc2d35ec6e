//! What the tests ask of `newschart::format::cn_units` beyond the library's own API.
#![allow(dead_code)]

use newschart::format::cn_units::CnUnit;
use newschart::format::decimal;

/// A value written in a given unit with a fixed number of decimals, trailing
/// zeros trimmed.
pub fn in_unit(v: f64, unit: CnUnit, decimals: u32) -> String {
    if v == 0.0 {
        return "0".to_string();
    }
    let mut s = decimal::fixed(v / unit.factor(), decimals, true, false);
    s.push_str(unit.suffix());
    s
}
