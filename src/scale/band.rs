//! A band scale: `n` categories share a pixel range, each with a band.

/// `n` equal bands over `[r0, r1]` with inner and outer padding (fractions of a step).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandScale {
    /// Number of categories.
    pub n: usize,
    /// Range start.
    pub r0: f64,
    /// Range end.
    pub r1: f64,
    /// Gap between bands, as a fraction of the step.
    pub padding: f64,
}

impl BandScale {
    /// The distance from one band's start to the next.
    pub fn step(&self) -> f64 {
        let n = self.n.max(1) as f64;
        (self.r1 - self.r0) / (n + self.padding)
    }

    /// The width of one band.
    pub fn bandwidth(&self) -> f64 {
        self.step() * (1.0 - self.padding)
    }

    /// The start of band `i`.
    pub fn start(&self, i: usize) -> f64 {
        self.r0 + self.step() * (i as f64 + self.padding)
    }

    /// The middle of band `i`.
    pub fn center(&self, i: usize) -> f64 {
        self.start(i) + self.bandwidth() / 2.0
    }
}
