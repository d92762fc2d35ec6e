//! Marks: one builder per chart kind turns a dataset and a layout into a scene.

pub mod axis;
pub mod bar;
pub mod column;
pub mod text;

use crate::layout::TextMeasure;
use crate::model::{Dataset, Kind};
use crate::scene::Scene;
use crate::theme::Theme;

/// Builds the scene for a dataset in a `width` × `height` box (CSS px).
pub fn build(ds: &Dataset, width: f64, height: f64, m: &dyn TextMeasure, theme: &Theme) -> Scene {
    let width = if width.is_finite() { width.max(crate::layout::MIN_WIDTH) } else { crate::layout::MIN_WIDTH };
    let height = if height.is_finite() { height.max(crate::layout::MIN_HEIGHT) } else { crate::layout::MIN_HEIGHT };
    match ds.kind {
        Kind::Column => column::build(ds, width, height, m, theme),
        Kind::Bar | Kind::Progress => bar::build(ds, width, height, m, theme),
    }
}
