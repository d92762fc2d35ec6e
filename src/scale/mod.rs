//! Scales and ticks: pure functions from data to pixels.

pub mod band;
pub mod linear;
pub mod ticks;

pub use band::BandScale;
pub use linear::LinearScale;
