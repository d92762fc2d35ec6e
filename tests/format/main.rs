//! Stage `format` (src/format/): numbers, units and dates as readers see them.

#[path = "../common/mod.rs"]
mod common;
mod numbers;
