//! "Nice" tick steps: 1, 2 or 5 times a power of ten.
//!
//! A step is kept as a small integer and a power of ten, and ticks are computed
//! as `k × nice` scaled by an exact power of ten, so `0.2 × 3` gives `0.6`,
//! never `0.6000000000000001`.

/// The step as `nice × 10^exp`, `nice` one of 1, 2, 5, 10.
fn parts(span: f64, count: usize) -> (f64, i32) {
    if !(span > 0.0) || !span.is_finite() {
        return (1.0, 0);
    }
    let raw = span / count.max(1) as f64;
    if !(raw > 0.0) {
        return (1.0, 0); // a subnormal span divided down to zero
    }
    let exp = raw.log10().floor() as i32;
    let norm = if exp >= 0 { raw / 10f64.powi(exp) } else { raw * 10f64.powi(-exp) };
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    (nice, exp)
}

/// `m × 10^exp`, divided rather than multiplied for negative exponents: exact for
/// small integers `m`, because powers of ten up to 10^22 are exact doubles.
fn scaled(m: f64, exp: i32) -> f64 {
    if exp >= 0 {
        m * 10f64.powi(exp)
    } else {
        m / 10f64.powi(-exp)
    }
}

/// The nice step for spanning `span` in about `count` intervals.
pub fn nice_step(span: f64, count: usize) -> f64 {
    let (nice, exp) = parts(span, count);
    scaled(nice, exp)
}

/// Extends `[lo, hi]` outwards to multiples of a nice step and returns
/// `(lo, hi, ticks)`.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> (f64, f64, Vec<f64>) {
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        (lo.min(0.0), lo.max(0.0))
    };
    let (nice, exp) = parts(hi - lo, count);
    let step = scaled(nice, exp);
    let (k0, k1) = ((lo / step).floor(), (hi / step).ceil());
    let (nlo, nhi) = (scaled(k0 * nice, exp), scaled(k1 * nice, exp));
    // Subnormal spans (the step underflows to 0) and spans beyond f64 (the
    // step or the ends overflow) have no nice step: keep the data's own ends.
    if !(step > 0.0 && step.is_finite() && k1 - k0 <= MAX_TICKS as f64 && nlo.is_finite() && nhi.is_finite()) {
        return (lo, hi, vec![lo, hi]);
    }
    let ticks: Vec<f64> = (k0 as i64..=k1 as i64).map(|k| scaled(k as f64 * nice, exp)).collect();
    (nlo, nhi, ticks)
}

/// Most ticks `nice_ticks` returns: far more than any `count` asks for.
const MAX_TICKS: usize = 100;
