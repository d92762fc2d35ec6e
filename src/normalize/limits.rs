//! Bounds on what a feed may hold.

use crate::feed;

/// Limits on what a feed may hold.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest feed text, in bytes.
    pub max_bytes: usize,
    /// Most values (categories × series) in one dataset.
    pub max_points: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_bytes: feed::DEFAULT_MAX_BYTES, max_points: feed::spec::MAX_POINTS }
    }
}
