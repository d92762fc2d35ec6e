//! Stage `marks` (src/marks/): what each chart kind draws, including large
//! line charts and highlighted series.

mod highlight;
mod large;
