//! Helpers shared by the integration tests.

pub mod drawn;
pub mod invariants;
