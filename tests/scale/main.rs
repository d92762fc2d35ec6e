//! Stage `scale` (src/scale/): linear and band scales, nice ticks.

mod scales;
