//! Marks: one builder per chart kind turns a dataset and a layout into a scene.

pub mod annotate;
pub mod axis;
pub mod bars;
pub mod donut;
pub mod line;
pub mod table;
pub mod text;

use crate::layout::{TextMeasure, MIN_HEIGHT, MIN_WIDTH};
use crate::model::{Dataset, Kind};
use crate::scene::Scene;
use crate::theme::Theme;

/// Builds the scene for a dataset in a `width` × `height` box (CSS px).
pub fn build(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Scene {
    let width = if width.is_finite() { width.clamp(MIN_WIDTH, 100_000.0) } else { MIN_WIDTH };
    let height = if height.is_finite() { height.clamp(MIN_HEIGHT, 100_000.0) } else { MIN_HEIGHT };
    match ds.kind {
        Kind::Column | Kind::Bar | Kind::Progress => bars::build(ds, width, height, m, theme),
        Kind::Line | Kind::Area => line::build(ds, width, height, m, theme),
        Kind::Donut | Kind::Pie => donut::build(ds, width, height, m, theme),
        Kind::Table => table::build(ds, width, height),
    }
}
