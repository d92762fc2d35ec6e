//! Stage `format` (src/format/): numbers, units and dates as readers see them.

mod numbers;
