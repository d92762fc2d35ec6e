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
    hide(&mut d, hidden);
    std::borrow::Cow::Owned(d)
}

/// Values taken out of a dataset by [`hide`]: (series, its values).
pub type Hidden = Vec<(usize, Vec<Option<f64>>)>;

/// [`visible`] in place, without a copy of the dataset (the browser lays out this way): returns
/// the values it took out, which [`show`] puts back.
pub fn hide(ds: &mut Dataset, hidden: &[usize]) -> Hidden {
    let mut taken = Vec::new();
    match ds.kind {
        Kind::Donut | Kind::Pie => {
            if let (Some(s), false) = (ds.series.first_mut(), hidden.is_empty()) {
                let mut v = s.values.clone();
                for &i in hidden {
                    if let Some(x) = v.get_mut(i) {
                        *x = None;
                    }
                }
                taken.push((0, std::mem::replace(&mut s.values, v)));
            }
        }
        _ => {
            for &i in hidden {
                if let Some(s) = ds.series.get_mut(i) {
                    let gaps = vec![None; s.values.len()];
                    taken.push((i, std::mem::replace(&mut s.values, gaps)));
                }
            }
        }
    }
    taken
}

/// Puts back what [`hide`] took out.
pub fn show(ds: &mut Dataset, taken: Hidden) {
    for (i, v) in taken.into_iter().rev() {
        if let Some(s) = ds.series.get_mut(i) {
            s.values = v;
        }
    }
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
