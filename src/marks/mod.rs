//! Marks: one builder per chart kind turns a dataset and a layout into a scene.

pub mod annotate;
pub mod axis;
pub mod bars;
pub mod donut;
pub mod large;
pub mod line;
pub mod table;
pub mod text;

use crate::layout::{TextMeasure, MIN_HEIGHT, MIN_WIDTH};
use crate::model::{Dataset, Kind};
use crate::scene::Scene;
use crate::theme::Theme;

/// The dataset as the reader has filtered it: hidden series (or, for donut
/// and pie, hidden categories) become gaps, so axes rescale and colours stay.
pub fn visible<'a>(ds: &'a Dataset, hidden: &[usize]) -> std::borrow::Cow<'a, Dataset> {
    if hidden.is_empty() {
        return std::borrow::Cow::Borrowed(ds);
    }
    let mut d = ds.clone();
    match d.kind {
        Kind::Donut | Kind::Pie => {
            if let Some(s) = d.series.first_mut() {
                for &i in hidden {
                    if let Some(v) = s.values.get_mut(i) {
                        *v = None;
                    }
                }
            }
        }
        _ => {
            for &i in hidden {
                if let Some(s) = d.series.get_mut(i) {
                    s.values.iter_mut().for_each(|v| *v = None);
                }
            }
        }
    }
    std::borrow::Cow::Owned(d)
}

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
