//! A linear scale: maps a numeric domain onto a pixel range.

/// Maps `[d0, d1]` onto `[r0, r1]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    /// Domain start.
    pub d0: f64,
    /// Domain end.
    pub d1: f64,
    /// Range start (pixels).
    pub r0: f64,
    /// Range end (pixels).
    pub r1: f64,
}

impl LinearScale {
    /// A scale from domain to range.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> LinearScale {
        LinearScale { d0, d1, r0, r1 }
    }

    /// The pixel position of `v`. A degenerate domain maps everything to `r0`.
    pub fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        let t = if span.is_finite() {
            (v - self.d0) / span
        } else {
            // a domain wider than f64 (-1e308 to 1e308): halve everything first
            (v / 2.0 - self.d0 / 2.0) / (self.d1 / 2.0 - self.d0 / 2.0)
        };
        if span == 0.0 || !t.is_finite() {
            return self.r0;
        }
        self.r0 + t * (self.r1 - self.r0)
    }
}
