//! Digits every number writer shares, without `core::fmt` (whose float formatting, Grisu with a
//! Dragon fallback, is large in wasm): a whole number's digits, and the shortest decimal digits
//! that read back as the same `f64`. The latter is the exact "Dragon4" shortest mode that `core`
//! falls back on, on a small bignum: the same digits as `format!("{:e}", v)`, only slower, and it
//! runs only for numbers that are written rarely (feed numbers shown as text, JSON out of the wasm
//! module, labels past 10^30). `format` writes numbers for readers with them; the JSON reader and
//! writer use them too.

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
            push_u64(&mut text, s as u64);
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
    push_u64(&mut out, e.unsigned_abs() as u64);
    out
}

/// Appends a whole number's digits (no `core::fmt`).
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in buf.get(i..).unwrap_or_default() {
        out.push(d as char); // ASCII digits
    }
}
