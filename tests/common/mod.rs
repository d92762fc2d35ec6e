//! Helpers shared by the integration tests.

pub mod cn_units;
pub mod drawn;
pub mod generated;
pub mod invariants;
pub mod marks;
pub mod model;
pub mod tween;
