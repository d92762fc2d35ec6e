//! Scales and ticks: pure functions from data to pixels.

pub mod band;
pub mod linear;
pub mod ticks;

pub use band::BandScale;
pub use linear::LinearScale;

/// `v` limited to `lo..=hi`, as `f64::clamp` does for `lo <= hi` (NaN stays NaN),
/// without its `lo > hi` panic, whose message would pull `core::fmt`'s float
/// formatting (~18 KB) into the wasm module. When `lo > hi`, `hi` wins.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v > hi {
        hi
    } else if v < lo {
        lo
    } else {
        v
    }
}
