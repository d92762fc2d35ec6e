//! Feed numbers written back as text: [`exact`] keeps the digits the feed gave (the shortest ones
//! that read back as the same `f64`, from [`crate::digits`]), [`push_json`] writes a number as JSON
//! writers do.

use crate::digits::{digits, lower_exp, push_u64};
// the JSON reader (feed::json) scales its numbers with it
pub use crate::digits::pow10;

/// Significant digits kept by [`exact`]: every decimal with at most 15 of them reads back from its
/// `f64` as itself (DBL_DIG), so a number typed in a feed keeps all its digits; only the binary
/// noise of arithmetic (`0.1 + 0.2` is 0.30000000000000004) is cut, as spreadsheets show it.
const EXACT_DIGITS: i32 = 15;

/// `v / 10^shift` in plain decimal digits, never rounded to a number of decimals: the feed's
/// number with the decimal point moved `shift` places: 34.15384615 → "34.15384615", 72513 with
/// shift 4 → "7.2513" (万), 0.07 with shift -2 → "7" (%). `group` puts `,` every three whole
/// digits; whole numbers past 2^53 and numbers needing more than 15 decimals are written as
/// `1.5e25`.
///
/// The decimals are those of the shortest digits that read back as `v`, cut to `EXACT_DIGITS`
/// significant ones; [`super::decimal::fixed`] then writes the scaled value with that many and
/// drops trailing zeros. Scaling by a power of ten and rounding there is off by far less than
/// half a unit of the last kept digit, so a decimal of 15 digits or fewer comes back as itself.
pub fn exact(v: f64, shift: i32, group: bool) -> String {
    if !v.is_finite() || v == 0.0 {
        return super::decimal::fixed(v, 0, true, false);
    }
    let (ds, k) = digits(v.abs());
    let d = (ds.len() as i32).min(EXACT_DIGITS) - k + shift; // decimals after the shift
    let s = if shift >= 0 { v / pow10(shift as u32) } else { v * pow10(shift.unsigned_abs()) };
    // past 2^53 an f64's own integer has more digits than the decimal it reads back from
    if d > super::decimal::MAX_DECIMALS as i32 || (d < 0 && s.abs() >= 9_007_199_254_740_992.0) {
        return lower_exp(s);
    }
    super::decimal::fixed(s, d.max(0) as u32, true, group)
}

/// Appends `v` as JSON writers do (serde_json's style, which JavaScript reads back
/// exactly): integers with `.0`, plain decimals from 1e-5 up to 1e16, else
/// `1.5e+20`, `2e-7`. Finite `v` only.
pub fn push_json(out: &mut String, v: f64) {
    if v.is_sign_negative() {
        out.push('-');
    }
    let a = v.abs();
    if a < 9_007_199_254_740_992.0 && a.fract() == 0.0 {
        // integers below 2^53, the common case, need no bignum
        push_u64(out, a as u64);
        out.push_str(".0");
        return;
    }
    let (ds, k) = digits(a);
    let n = ds.len() as i32;
    let e = k - 1; // exponent of the first digit
    let digit = |out: &mut String, i: i32| out.push(ds[i as usize] as char);
    if (-5..=15).contains(&e) {
        if n - 1 <= e {
            (0..n).for_each(|i| digit(out, i));
            (n..=e).for_each(|_| out.push('0'));
            out.push_str(".0");
        } else if e >= 0 {
            (0..=e).for_each(|i| digit(out, i));
            out.push('.');
            (e + 1..n).for_each(|i| digit(out, i));
        } else {
            out.push_str("0.");
            (0..-e - 1).for_each(|_| out.push('0'));
            (0..n).for_each(|i| digit(out, i));
        }
        return;
    }
    digit(out, 0);
    if n > 1 {
        out.push('.');
        (1..n).for_each(|i| digit(out, i));
    }
    out.push_str(if e < 0 { "e-" } else { "e+" });
    push_u64(out, e.unsigned_abs() as u64);
}
