//! Decimal text for `f64` without `core::fmt` float formatting.
//!
//! Numbers are scaled to an integer and written digit by digit, so the output
//! has no float noise (`0.1 + 0.2` is `0.3`) and the code compiles small.

/// Largest number of decimals any formatter asks for.
pub const MAX_DECIMALS: u32 = 15;

const POW10: [f64; 16] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/// The fewest decimals (up to `max`) that write `v` exactly, ignoring float noise.
pub fn shortest_decimals(v: f64, max: u32) -> u32 {
    let max = max.min(MAX_DECIMALS);
    let a = v.abs();
    // noise tolerance: a few ulps of the value, never less than 1e-12 absolute
    let tol = (a * 1e-12).max(1e-12);
    for d in 0..max {
        let m = POW10[d as usize];
        if ((a * m).round() / m - a).abs() <= tol {
            return d;
        }
    }
    max
}

/// Writes `v` with exactly `decimals` decimals (rounded half away from zero),
/// then drops trailing zeros when `trim` is set. `group` inserts `,` every three
/// integer digits. Non-finite input gives `"–"`.
pub fn fixed(v: f64, decimals: u32, trim: bool, group: bool) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let d = decimals.min(MAX_DECIMALS);
    let scaled = (v.abs() * POW10[d as usize]).round();
    let mut out = String::new();
    if scaled >= 18_446_744_073_709_551_616.0 {
        // Beyond what the integer path (a u64: no 128-bit division in the wasm) carries exactly:
        // keep it honest and short.
        return crate::digits::lower_exp(v);
    }
    let mut n = scaled as u64;
    if v < 0.0 && n != 0 {
        out.push('-');
    }
    let mut digits: Vec<u8> = Vec::with_capacity(32);
    if n == 0 {
        digits.push(b'0');
    }
    while n > 0 {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
    }
    while digits.len() <= d as usize {
        digits.push(b'0');
    }
    digits.reverse();
    let int_len = digits.len() - d as usize;
    let (int_part, frac_part) = digits.split_at(int_len);
    for (i, c) in int_part.iter().enumerate() {
        if group && i > 0 && (int_len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(*c as char);
    }
    let mut frac_end = frac_part.len();
    if trim {
        while frac_end > 0 && frac_part[frac_end - 1] == b'0' {
            frac_end -= 1;
        }
    }
    if frac_end > 0 {
        out.push('.');
        for c in &frac_part[..frac_end] {
            out.push(*c as char);
        }
    }
    out
}

/// Shortest exact decimal text of `v` (at most `max` decimals).
pub fn exact(v: f64, max: u32, group: bool) -> String {
    fixed(v, shortest_decimals(v, max), true, group)
}

// the JSON writer (feed::json) appends whole numbers with it
pub use crate::digits::push_u64;
