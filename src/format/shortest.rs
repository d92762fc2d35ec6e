//! The shortest decimal digits that read back as the same `f64`, without
//! `core::fmt`'s float formatting (Grisu with a Dragon fallback, about 18 KB of
//! wasm). This is the exact "Dragon4" shortest mode that `core` falls back on,
//! on a small bignum: the same digits as `format!("{:e}", v)`, only slower,
//! and it runs only for numbers that are written rarely (feed numbers shown as
//! text, JSON out of the wasm module, labels past 10^30).

use std::cmp::Ordering;

/// A non-negative integer as little-endian 32-bit limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        Big(vec![v as u32, (v >> 32) as u32])
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for l in self.0.iter_mut() {
            let x = *l as u64 * m as u64 + carry;
            *l = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow2(&mut self, n: u32) {
        for _ in 0..n / 31 {
            self.mul_small(1 << 31);
        }
        self.mul_small(1 << (n % 31));
    }

    fn mul_pow10(&mut self, n: u32) {
        for _ in 0..n / 9 {
            self.mul_small(1_000_000_000);
        }
        self.mul_small(10u32.pow(n % 9));
    }

    fn add(&self, o: &Big) -> Big {
        let n = self.0.len().max(o.0.len());
        let mut out = Vec::with_capacity(n + 1);
        let mut carry = 0u64;
        for i in 0..n {
            let x = *self.0.get(i).unwrap_or(&0) as u64 + *o.0.get(i).unwrap_or(&0) as u64 + carry;
            out.push(x as u32);
            carry = x >> 32;
        }
        out.push(carry as u32);
        Big(out)
    }

    /// `self -= o`; the caller guarantees `self >= o`.
    fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for (i, l) in self.0.iter_mut().enumerate() {
            let x = *l as i64 - *o.0.get(i).unwrap_or(&0) as i64 - borrow;
            *l = x as u32;
            borrow = (x < 0) as i64;
        }
    }

    fn cmp(&self, o: &Big) -> Ordering {
        let n = self.0.len().max(o.0.len());
        for i in (0..n).rev() {
            let (a, b) = (*self.0.get(i).unwrap_or(&0), *o.0.get(i).unwrap_or(&0));
            if a != b {
                return a.cmp(&b);
            }
        }
        Ordering::Equal
    }
}

/// 10^e as the literal `1e{e}` reads (correctly rounded), for `e` in 0..=308, with no table in
/// the module: exact products up to 10^22; past that 5^e on the bignum, rounded half to even to
/// 53 bits, times 2^e (exact). Each power is worked out once, then remembered (zeroed memory,
/// which costs the module no bytes). The JSON reader scales every number with it.
pub fn pow10(e: u32) -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
    static KNOWN: [AtomicU64; 309] = [const { AtomicU64::new(0) }; 309];
    let known = &KNOWN[e as usize];
    let bits = known.load(Relaxed);
    if bits != 0 {
        return f64::from_bits(bits);
    }
    let p = if e <= 22 {
        let mut p = 1.0;
        for _ in 0..e {
            p *= 10.0; // 10^k is exact in an f64 up to k = 22
        }
        p
    } else {
        let mut five = Big::from_u64(1);
        for _ in 0..e {
            five.mul_small(5);
        }
        let bit = |i: usize| five.0.get(i / 32).is_some_and(|l| l >> (i % 32) & 1 == 1);
        let top = five.0.iter().rposition(|&l| l != 0).unwrap_or(0);
        let len = 32 * (top + 1) - five.0[top].leading_zeros() as usize; // 5^e > 2^53 here
        let shift = len - 53;
        let mut m = 0u64;
        for i in (shift..len).rev() {
            m = m << 1 | bit(i) as u64;
        }
        // round half to even on the bits below the 53 kept
        if bit(shift - 1) && (m & 1 == 1 || (0..shift - 1).any(bit)) {
            m += 1; // 2^53 at most: still exact as an f64
        }
        m as f64 * f64::from_bits((shift as u64 + e as u64 + 1023) << 52)
    };
    known.store(p.to_bits(), Relaxed);
    p
}

/// [`digits`] without the bignum for the numbers a chart writes most (feed values, CSS px boxes):
/// `v` with at most 4 decimals, `v·10^p` below 2^43. The first `p` for which `round(v·10^p) / 10^p`
/// is `v` again gives digits that read back as `v`; none shorter exist, since those would have
/// been found at a smaller `p` (the product is off by at most 2^-10 at this size); and no other
/// `p`-decimal number reads back as `v`, since `v`'s spacing to its neighbours is then far below
/// 10^-p: they are the nearest digits, as in [`digits`]' general path.
fn few_decimals(v: f64) -> Option<(Vec<u8>, i32)> {
    if !(1e-4..8.7e12).contains(&v) {
        return None;
    }
    let mut pow = 1.0;
    for p in 0..=4 {
        let s = (v * pow + 0.5).floor(); // v > 0: round() without its libm call in the wasm
        if s >= 8_796_093_022_208.0 {
            return None;
        }
        if s / pow == v && s >= 1.0 {
            let mut text = String::new();
            super::decimal::push_u64(&mut text, s as u64);
            let mut out = text.into_bytes();
            let len = out.len() as i32;
            while out.last() == Some(&b'0') {
                out.pop();
            }
            return Some((out, len - p));
        }
        pow *= 10.0;
    }
    None
}

/// The shortest digits of a finite `v > 0` that read back as `v` (the one nearest
/// to `v` among them), and `k` such that `v ≈ 0.d1d2d3… × 10^k`.
pub fn digits(v: f64) -> (Vec<u8>, i32) {
    if let Some(d) = few_decimals(v) {
        return d;
    }
    let bits = v.to_bits();
    let be = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if be == 0 { (frac << 1, -1075) } else { (frac | (1u64 << 52), be - 1075) };
    let inclusive = m & 1 == 0;
    // the value is mant·2^exp; numbers in (mant − minus, mant + plus)·2^exp read back as it
    let (mant, minus, plus, exp) = if be != 0 && m == 1u64 << 52 { (m << 2, 1, 2, e - 2) } else if be != 0 { (m << 1, 1, 1, e - 1) } else { (m, 1, 1, e) };
    // `a < b`, or `a <= b` when the boundaries themselves read back as v
    let below = |a: &Big, b: &Big| match a.cmp(b) {
        Ordering::Less => true,
        Ordering::Equal => inclusive,
        Ordering::Greater => false,
    };

    // an estimate of k from the high boundary: 10^(k-1) < high <= 10^(k+1)
    let nbits = 64 - (mant + plus - 1).leading_zeros() as i64;
    let mut k = (((nbits + exp as i64) * 1_292_913_986) >> 32) as i32;

    let (mut mant, mut minus, mut plus) = (Big::from_u64(mant), Big::from_u64(minus), Big::from_u64(plus));
    let mut scale = Big::from_u64(1);
    if exp < 0 {
        scale.mul_pow2(-exp as u32);
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_pow2(exp as u32);
        }
    }
    if k >= 0 {
        scale.mul_pow10(k as u32);
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_pow10(-k as u32);
        }
    }
    if below(&scale, &mant.add(&plus)) {
        k += 1;
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_small(10);
        }
    }

    let mut out = Vec::with_capacity(17);
    let (down, up) = loop {
        let mut d = 0u8;
        while mant.cmp(&scale) != Ordering::Less {
            mant.sub(&scale);
            d += 1;
        }
        out.push(b'0' + d);
        let down = below(&mant, &minus);
        let up = below(&scale, &mant.add(&plus));
        if down || up || out.len() > 40 {
            break (down, up);
        }
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_small(10);
        }
    };
    // round the last digit up when the rest is more than half (ties go to the even digit)
    let mut twice = mant.clone();
    twice.mul_small(2);
    if up && (!down || twice.cmp(&scale) != Ordering::Less) {
        match out.iter().rposition(|&c| c != b'9') {
            Some(i) => {
                out[i] += 1;
                out[i + 1..].iter_mut().for_each(|c| *c = b'0');
            }
            None => {
                out.iter_mut().for_each(|c| *c = b'0');
                out[0] = b'1';
                out.push(b'0');
                k += 1;
            }
        }
    }
    (out, k)
}


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
/// The decimals are those of the shortest digits that read back as `v`, cut to [`EXACT_DIGITS`]
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

/// `v` as Rust's `format!("{:e}", v)` writes it (`1.5e30`, `-2e-7`), for finite `v`.
pub fn lower_exp(v: f64) -> String {
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    let (ds, k) = if v == 0.0 { (vec![b'0'], 1) } else { digits(v.abs()) };
    out.push(ds[0] as char);
    if ds.len() > 1 {
        out.push('.');
        ds[1..].iter().for_each(|c| out.push(*c as char));
    }
    out.push('e');
    let e = k - 1;
    if e < 0 {
        out.push('-');
    }
    super::decimal::push_u64(&mut out, e.unsigned_abs() as u64);
    out
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
        super::decimal::push_u64(out, a as u64);
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
    super::decimal::push_u64(out, e.unsigned_abs() as u64);
}
