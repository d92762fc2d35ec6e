//! Marks: one builder per chart kind turns a dataset and a layout into a scene.

pub mod annotate;
pub mod axis;
pub mod bars;
pub mod donut;
pub mod large;
pub mod line;
pub mod table;
pub mod text;

use crate::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::model::{Dataset, Kind};
use crate::scene::Scene;
use crate::text::TextMeasure;
use crate::theme::Theme;

/// Values taken out of a dataset by [`hide`]: (series, its values).
pub type Hidden = Vec<(usize, Vec<Option<f64>>)>;

/// The dataset as the reader has filtered it, in place, without a copy (the browser lays out this
/// way): hidden series (or, for donut and pie, hidden categories) become gaps, so axes rescale and
/// colours stay. Returns the values it took out, which [`show`] puts back.
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

/// Whether series `si` is drawn in grey because others are highlighted.
pub fn muted(ds: &Dataset, si: usize) -> bool {
    !ds.highlight.is_empty() && !ds.highlight.contains(&si)
}

/// The place series `si` takes in the palette: its index, or with a highlight its rank among
/// the highlighted series (so a few highlighted lines get the palette's first, solid looks).
fn look(ds: &Dataset, si: usize) -> usize {
    if ds.highlight.is_empty() {
        si
    } else {
        ds.highlight.iter().position(|&h| h == si).unwrap_or(si)
    }
}

/// The colour series `si` is drawn in: its own, or grey when other series are highlighted.
pub fn series_color(ds: &Dataset, si: usize, theme: &Theme) -> crate::theme::Color {
    if muted(ds, si) {
        theme.muted.mix(theme.background, 0.55)
    } else {
        theme.series_color(look(ds, si), ds.series.get(si).and_then(|s| s.color))
    }
}

/// The hatching of series `si`'s bars (0 plain, 1 diagonal, 2 horizontal): the second and third
/// series of a group are hatched, and past the palette's colours the hatching shifts by one, so
/// that series 7 (the first colour again) is not plain like series 1: no two of the first
/// palette length × 3 series look alike.
pub fn series_hatch(ds: &Dataset, si: usize, theme: &Theme) -> usize {
    if muted(ds, si) {
        return 0;
    }
    let k = look(ds, si);
    (k + k / theme.palette.len().max(1)) % 3
}

/// The dash pattern of series `si`'s line: solid in grey, else its place's pattern.
pub fn series_dash(ds: &Dataset, si: usize, theme: &Theme) -> u8 {
    if muted(ds, si) {
        0
    } else {
        theme.series_dash(look(ds, si))
    }
}

/// The series in drawing order: those in grey first, then the rest, each group in feed order.
pub fn highlight_order(ds: &Dataset) -> Vec<usize> {
    let mut out = Vec::with_capacity(ds.series.len());
    for grey in [true, false] {
        for i in 0..ds.series.len() {
            if muted(ds, i) == grey {
                out.push(i);
            }
        }
    }
    out
}

/// A series' line: one path, or with a dash pattern one path per dash (so every renderer
/// draws the same dashes without a dash feature of its own); each piece carries the pattern.
pub fn line(points: Vec<(f64, f64)>, color: crate::theme::Color, width: f64, dash: u8, out: &mut Vec<crate::scene::Mark>) {
    use crate::scene::{Mark, Role};
    if dash == 0 {
        out.push(Mark::path(points, false, None, Some(color), width, Role::Line, None));
        return;
    }
    for run in crate::scene::dash::runs(&points, crate::theme::DASHES[dash as usize % crate::theme::DASHES.len()]) {
        out.push(Mark::path(run, false, None, Some(color), width, Role::Line, None).dashed(dash));
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
